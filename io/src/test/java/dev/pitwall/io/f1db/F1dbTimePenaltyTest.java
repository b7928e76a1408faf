package dev.pitwall.io.f1db;

import dev.pitwall.io.InvalidInputException;
import dev.pitwall.io.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stewards' time penalties in F1DB's race results (data: F1DB, CC BY 4.0). */
class F1dbTimePenaltyTest {

    @TempDir
    Path dir;

    @Test
    void canada2019VettelCrossedTheLineFirstAndWasClassifiedSecondWithFiveSeconds() {
        F1dbSeason season = F1db.readSeason(F1db.seasonsDir(SharedData.f1db()).resolve("2019"));
        F1dbRace canada = season.races().stream().filter(r -> r.circuitId().equals("montreal")).findFirst().orElseThrow();

        F1dbResult vettel = canada.race().stream().filter(r -> r.driverId().equals("sebastian-vettel")).findFirst().orElseThrow();
        F1dbResult hamilton = canada.race().stream().filter(r -> r.driverId().equals("lewis-hamilton")).findFirst().orElseThrow();
        assertThat(vettel.position()).isEqualTo("2");
        assertThat(vettel.timePenalty()).isEqualTo(Duration.ofSeconds(5));
        assertThat(hamilton.timePenalty()).isZero();
    }

    @Test
    void aTimePenaltyThatIsNotANumberOfSecondsNamesTheFile() throws IOException {
        Path race = Files.createDirectories(dir.resolve("2019/races/01-test"));
        Files.writeString(race.resolve("race.yml"), "round: 1\ngrandPrixId: test\ncircuitId: test\nlaps: 10\n");
        Files.writeString(race.resolve("race-results.yml"), """
                - position: 1
                  driverNumber: 5
                  driverId: sebastian-vettel
                  constructorId: ferrari
                  engineManufacturerId: ferrari
                  timePenalty: "five"
                  points: 25
                """);

        assertThatThrownBy(() -> F1db.readSeason(dir.resolve("2019"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("race-results.yml")
                .hasMessageContaining("expected a time penalty in seconds like 5.000, found \"five\"");
    }
}
