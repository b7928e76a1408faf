package dev.pitwall.io.f1db;

import dev.pitwall.io.SharedData;
import dev.pitwall.io.F1Seasons;
import dev.pitwall.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Season files that extend an era's file, and what happens when one is wrong. */
class F1SeasonFilesTest {

    private static final F1dbSeason SEASON_2021 = F1db.readSeason(F1db.seasonsDir(SharedData.f1db()).resolve("2021"));

    @TempDir
    Path dir;

    @Test
    void aSeasonFileExtendsItsEraAndOverridesIt() throws IOException {
        Path season = write("""
                extends: eras/base.yaml
                points: [30, 20, 10]
                race-rules:
                  belgium: {multiplier: 0.5, note: "half points"}
                """);
        var c = F1Seasons.championship(SEASON_2021, season);

        assertThat(c.name()).isEqualTo("Formula 1 World Championship 2021");
        assertThat(c.requireRace("bahrain").rules().points().forPosition(1).toString()).isEqualTo("30");
        assertThat(c.requireRace("belgium").rules().multiplier().toString()).isEqualTo("0.5");
        assertThat(c.requireRace("great-britain sprint").rules().points().forPosition(1).toString()).isEqualTo("3");
        assertThat(c.scoring().tieBreaks()).hasSize(1);
    }

    @Test
    void raceRulesForARaceTheSeasonDoesNotHave() throws IOException {
        Path season = write("""
                extends: eras/base.yaml
                race-rules:
                  atlantis: {multiplier: 2}
                """);

        assertThatThrownBy(() -> F1Seasons.championship(SEASON_2021, season)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2021.yaml:3: race-rules names a race that is not in the 2021 season: atlantis");
    }

    @Test
    void anEraFileThatIsNotThere() throws IOException {
        Path season = write("extends: eras/missing.yaml\n");

        assertThatThrownBy(() -> F1Seasons.championship(SEASON_2021, season))
                .hasMessageContaining("2021.yaml:1: extends \"eras/missing.yaml\", which does not exist");
    }

    @Test
    void aDecisionAboutAnUnknownDriver() throws IOException {
        Path season = write("""
                extends: eras/base.yaml
                decisions:
                  - race: bahrain
                    driver: nobody-at-all
                    ineligible: true
                    reason: test
                """);

        assertThatThrownBy(() -> F1Seasons.championship(SEASON_2021, season))
                .hasMessageContaining("2021.yaml:4: unknown driver \"nobody-at-all\"");
    }

    private Path write(String season) throws IOException {
        Files.createDirectories(dir.resolve("eras"));
        Files.writeString(dir.resolve("eras/base.yaml"), """
                points: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
                sprint-points: [3, 2, 1]
                tie-break: [countback]
                """);
        return Files.writeString(dir.resolve("2021.yaml"), season);
    }
}
