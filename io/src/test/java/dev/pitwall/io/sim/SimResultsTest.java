package dev.pitwall.io.sim;

import dev.pitwall.io.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Assetto Corsa Competizione and Assetto Corsa server files of the simresults test logs (ISC licence), read and
 * checked against what the files say and what simresults asserts about them.
 */
class SimResultsTest {

    static Path samples() {
        return dev.pitwall.io.SharedData.simResults();
    }

    /** The files written for these tests from the formats' descriptions (iRacing, F1 Challenge: no sample is shared). */
    static Stream<Path> written() {
        return Stream.of("iracing-multiclass-race.json", "iracing-team-race.json", "f1challenge-race.txt").map(SimResultsTest::written);
    }

    static Path written(String name) {
        try {
            return Path.of(SimResultsTest.class.getResource("/sim/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Path> everyFile() throws IOException {
        return Stream.concat(files(), written());
    }

    static Stream<Path> files() throws IOException {
        return Stream.of("assettocorsa-competizione", "assettocorsa-server-json", "rfactor2", "automobilista", "automobilista2",
                "automobilista2-secondmonitor", "raceroom-server", "raceroom", "race07", "gtr2").flatMap(folder -> {
            try {
                return Files.list(samples().resolve(folder)).sorted();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("everyFile")
    void everySampleIsRead(Path file) {
        SimSession session = SimResults.read(file);

        assertThat(session.format()).isIn("acc", "assetto-corsa-server", "rfactor", "automobilista2", "secondmonitor", "raceroom-server",
                "raceroom", "race07", "gtr2", "f1-challenge", "iracing");
        assertThat(session.session()).isIn("race", "qualifying", "practice");
        assertThat(session.track()).isNotBlank();
        for (int i = 0; i < session.results().size(); i++) {
            assertThat(session.results().get(i).position()).isEqualTo(i + 1);
        }
    }

    @Test
    void accRaceAtBrandsHatch() {
        SimSession s = SimResults.read(samples().resolve("assettocorsa-competizione/191003_235558_R.json"));

        assertThat(s.session()).isEqualTo("race");
        assertThat(s.track()).isEqualTo("brands_hatch");
        assertThat(s.results()).hasSize(3);
        SimEntry p1 = s.results().getFirst();
        assertThat(p1.driver()).isEqualTo("Andrea Mel");
        assertThat(p1.platformId()).contains("123");
        assertThat(p1.number()).contains(82);
        assertThat(p1.laps()).isEqualTo(23);
        assertThat(p1.totalTime()).contains(Duration.ofMillis(2329129));
        assertThat(p1.status()).isEqualTo("finished");
        assertThat(s.results().get(1).carClass()).contains("Pro-Am");
        SimEntry p3 = s.results().get(2);
        assertThat(p3.driver()).isEqualTo("Federico Siv");
        assertThat(p3.team()).contains("TEAMname");
        assertThat(p3.status()).isEqualTo("laps down");
    }

    @Test
    void theBigAccRaceKeepsTheLeaderboardOrderAndTheGamesPenalties() {
        SimSession s = SimResults.read(samples().resolve("assettocorsa-competizione/race.to.fix.positions.json"));

        assertThat(s.results()).hasSize(40);
        assertThat(s.results().get(5).driver()).isEqualTo("Kevin");
        assertThat(s.results().stream().filter(e -> e.status().equals("did not start"))).hasSize(5);
        SimEntry penalised = s.results().stream().filter(e -> e.number().equals(java.util.Optional.of(20))).findFirst().orElseThrow();
        assertThat(penalised.position()).isEqualTo(14);
        assertThat(penalised.penalties()).extracting(SimPenalty::describe)
                .containsExactly("drive-through (Cutting)", "+80s post-race time (Cutting)");
        assertThat(penalised.penalties()).allMatch(SimPenalty::inResult); // served, and added to the total by the server
        assertThat(s.warnings()).filteredOn(w -> w.contains("did not make the mandatory pit stop")).hasSize(6);
    }

    @Test
    void robustnessSamplesAsSimresultsReadsThem() {
        SimSession noCarId = SimResults.read(samples().resolve("assettocorsa-competizione/race.with.missing.carId.attribute.json"));
        assertThat(noCarId.results().getFirst().driver()).isEqualTo("Alberto For");
        assertThat(noCarId.warnings()).containsExactly("leaderboard line 1 has no car.carId and is left out");

        SimSession noLines = SimResults.read(samples().resolve("assettocorsa-competizione/race.without.leaderBoardLines,attribute.json"));
        assertThat(noLines.results()).isEmpty();
        assertThat(noLines.warnings()).isNotEmpty();
    }

    @Test
    void assettoCorsaServerRaceAtMonza() {
        SimSession s = SimResults.read(samples().resolve("assettocorsa-server-json/2015_10_17_9_49_RACE.json"));

        assertThat(s.session()).isEqualTo("race");
        assertThat(s.track()).isEqualTo("monza (full course)");
        SimEntry p1 = s.results().getFirst();
        assertThat(p1.driver()).isEqualTo("Andrea Sorlini");
        assertThat(p1.platformId()).contains("76561198213775428");
        assertThat(p1.laps()).isEqualTo(10);
        assertThat(p1.totalTime()).contains(Duration.ofMillis(1003035));
        assertThat(s.results().stream().filter(e -> e.status().equals("did not start"))).hasSize(7);
        // Empty car slots are not entrants.
        SimSession slots = SimResults.read(samples().resolve("assettocorsa-server-json/tyre.info.json"));
        assertThat(slots.results()).allMatch(e -> !e.driver().isBlank());
    }

    @Test
    void rfactorPositionsThatContradictLapsAndTimesAreReSortedAndReported() {
        SimSession s = SimResults.read(samples().resolve("rfactor2/race_with_corrupted_positions_added_DQ_driver.xml"));

        assertThat(s.results()).extracting(SimEntry::driver)
                .startsWith("mauserrifle", "Leonardo Saponti", "Tig_green", "Malek1th");
        assertThat(s.results().getLast().status()).isEqualTo("disqualified");
        assertThat(s.warnings()).contains("Tig_green is 3 by laps and finish time; the file says 1");
    }

    @Test
    void rfactorFilesAsTheGamesWriteThem() {
        SimSession race = SimResults.read(samples().resolve("rfactor2/race.xml"));
        assertThat(race.session()).isEqualTo("race");
        assertThat(race.track()).isEqualTo("Sebring [Virtua_LM] (Sebring 12h Course)");
        assertThat(race.results()).extracting(SimEntry::driver).contains("Gérard larrousse"); // Latin-1 bytes
        assertThat(race.results()).allMatch(e -> e.carClass().equals(java.util.Optional.of("LolaT280")) && e.status().equals("finished"));

        SimSession states = SimResults.read(samples().resolve("rfactor2/race_changed_finish_states.xml"));
        assertThat(states.results()).extracting(SimEntry::status).contains("disqualified", "retired (Engine)", "retired (Accident)");

        SimSession amp = SimResults.read(samples().resolve("rfactor2/race_with_amp_chars_in_vehicle.xml"));
        assertThat(amp.results()).hasSize(5); // a bare & in a vehicle file name does not stop the reading

        SimSession swaps = SimResults.read(samples().resolve("rfactor2/race_changed_with_swaps.xml"));
        assertThat(swaps.results()).anyMatch(e -> e.drivers().size() == 3);

        assertThat(SimResults.read(samples().resolve("rfactor2/qualify_with_invalid_chars.xml")).session()).isEqualTo("qualifying");
        assertThat(SimResults.read(samples().resolve("automobilista/race.xml")).results()).extracting(e -> e.carClass().orElse(""))
                .contains("F309", "F301");
    }

    @Test
    void automobilista2StatsFilesGiveTheirLastRace() {
        SimSession s = SimResults.read(samples().resolve("automobilista2/practice.and.race.json"));

        assertThat(s.session()).isEqualTo("race");
        assertThat(s.results()).hasSize(5);
        SimEntry p1 = s.results().getFirst();
        assertThat(p1.driver()).isEqualTo("DragiGus");
        assertThat(p1.laps()).isEqualTo(17);
        assertThat(p1.totalTime()).contains(Duration.ofMillis(1876089));
        assertThat(s.results().getLast().status()).isEqualTo("laps down");
        assertThat(s.warnings()).containsExactly("the file holds 2 sessions (1 practice, 2 race); this is session 2",
                "this is race1 of history item 21");
        assertThat(SimResults.readAll(samples().resolve("automobilista2/multiple.practice.json")))
                .allMatch(session -> !session.results().isEmpty());

        SimSession missingIds = SimResults.read(samples().resolve("automobilista2/missing.steam.ids.json"));
        assertThat(missingIds.results()).allMatch(e -> e.platformId().isPresent());
    }

    @Test
    void badFilesAreNamedWithWhatIsWrong(@TempDir Path dir) throws IOException {
        Path acc = samples().resolve("assettocorsa-competizione/191003_235558_R.json");
        byte[] bytes = Files.readAllBytes(acc);
        Path truncated = Files.write(dir.resolve("truncated.json"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"hello\": 1}");
        Path text = Files.writeString(dir.resolve("notes.txt"), "just some notes");
        Path latin1 = Files.write(dir.resolve("latin1.json"), "{\"TrackName\": \"M\u00f6nza\", \"Type\": \"RACE\"}".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SimResults.read(truncated)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(truncated + ":").hasMessageContaining("not well-formed JSON (truncated?)");
        assertThatThrownBy(() -> SimResults.read(unknown)).hasMessageContaining("not a result file Pitwall knows");
        assertThatThrownBy(() -> SimResults.read(text)).hasMessageContaining("not a result file Pitwall knows");
        assertThatThrownBy(() -> SimResults.read(latin1)).hasMessageContaining("expected UTF-8 text");
    }

    @ParameterizedTest
    @MethodSource("everyFile")
    void corruptedCopiesGiveClearErrorsNeverCrashes(Path file, @TempDir Path dir) throws IOException {
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(file.getFileName().toString().hashCode());
        for (int round = 0; round < 40; round++) {
            byte[] bytes = original.clone();
            switch (round % 3) {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                case 1 -> {
                    for (int k = 0; k < 1 + random.nextInt(8); k++) {
                        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    }
                }
                default -> {
                    int at = random.nextInt(bytes.length);
                    bytes = java.util.Arrays.copyOfRange(bytes, at, bytes.length);
                }
            }
            Path mutated = Files.write(dir.resolve("mutated-" + round + ".json"), bytes);
            try {
                SimSession s = SimResults.read(mutated);
                assertThat(s.results()).isNotNull();
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).startsWith(mutated.toString());
            }
        }
    }
}
