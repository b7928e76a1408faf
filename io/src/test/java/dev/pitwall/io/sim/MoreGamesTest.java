package dev.pitwall.io.sim;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.pitwall.io.sim.SimResultsTest.samples;
import static dev.pitwall.io.sim.SimResultsTest.written;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RaceRoom (server JSON and legacy text), RACE 07, GTR2, SecondMonitor, F1 Challenge and iRacing, checked against what
 * the files say and what simresults asserts about the shared samples (SIMRESULTS_TESTS.md).
 */
class MoreGamesTest {

    private static SimSession read(String relative) {
        return SimResults.read(samples().resolve(relative));
    }

    private static List<SimSession> all(String relative) {
        return SimResults.readAll(samples().resolve(relative));
    }

    @Test
    void race07RaceAtSepangIsClassifiedByLapsThenTime() {
        SimSession s = read("race07/1h-Racer_2010_09_20_22_37_09_Race1.txt");

        assertThat(s.format()).isEqualTo("race07");
        assertThat(s.session()).isEqualTo("race");
        assertThat(s.track()).isEqualTo("Sepang");
        assertThat(s.results()).hasSize(12).allMatch(e -> e.laps() == 9);
        SimEntry p1 = s.results().getFirst();
        assertThat(p1.driver()).isEqualTo("zaurus_jr");
        assertThat(p1.platformId()).contains("20502959");
        assertThat(p1.totalTime()).contains(Duration.parse("PT20M33.872S"));
        for (int i = 1; i < s.results().size(); i++) {
            assertThat(s.results().get(i).totalTime().orElseThrow()).isGreaterThanOrEqualTo(s.results().get(i - 1).totalTime().orElseThrow());
        }
    }

    @Test
    void race07QualifyingInLatin1WithCrLf() {
        SimSession s = read("race07/SPEEDV CLIO T2 2013_2013_07_16_22_18_32_Qualify.txt");

        assertThat(s.session()).isEqualTo("qualifying");
        assertThat(s.results().getFirst().driver()).isEqualTo("Silvio Goes");
        assertThat(s.results().get(10).driver()).isEqualTo("Fabio Feliciano");
        assertThat(s.results().get(19).driver()).isEqualTo("Andersom Cunha");
        assertThat(s.warnings()).anyMatch(w -> w.contains("qualifying or practice"));
    }

    @Test
    void gtr2WithoutAFinisherIsReadAsQualifyingOrPractice() {
        SimSession s = read("gtr2/GTRSpain_2011_04_27_20_11_02_UNIDO.txt");

        assertThat(s.format()).isEqualTo("gtr2");
        assertThat(s.session()).isEqualTo("qualifying");
        assertThat(s.track()).isEqualTo("Estoril (3Estoril)");
        assertThat(s.results()).hasSize(22);
        assertThat(s.results()).anyMatch(e -> e.team().orElse("").contains("\uFFFD")); // as the file has it
    }

    @Test
    void raceRoomTextHoldsSessionsSeparatedByEnd() {
        List<SimSession> sessions = all("raceroom/race.txt");

        assertThat(sessions).hasSize(2);
        assertThat(sessions).extracting(SimSession::track).containsOnly("Grand Prix");
        assertThat(sessions.get(0).results().getFirst().driver()).isEqualTo("Frank Berndt");
        assertThat(sessions.get(1).results().getFirst().driver()).isEqualTo("Jamie Green");
        assertThat(sessions).allMatch(s -> s.results().stream().anyMatch(e -> e.bestLap().isPresent()));
        // Each block lists its slots twice; a car is one entrant.
        assertThat(sessions.get(0).results()).hasSize(23);
        assertThat(sessions.get(0).results().getFirst().penalties()).extracting(SimPenalty::describe)
                .containsExactly("penalty (Penalty=5 in the file; the game does not say what it means)");
    }

    @Test
    void raceRoomTextWithGarbageRaceTimesIsClassifiedByLaps() {
        SimSession s = read("raceroom/race2.txt");

        assertThat(s.session()).isEqualTo("race");
        assertThat(s.results()).allMatch(e -> e.totalTime().isEmpty());
        assertThat(s.results().getLast().driver()).isEqualTo("Paul B"); // no lap at all, the only DNF
        assertThat(s.results().getLast().status()).isEqualTo("did not start");
        assertThat(s.warnings()).anyMatch(w -> w.contains("not a time"));
        assertThat(read("raceroom/race3.txt").results()).isNotEmpty(); // [END] straight after the header
    }

    @Test
    void raceRoomServerSessionsAsSimresultsReadsThem() {
        List<SimSession> noLaps = all("raceroom-server/no.laps.json");
        SimEntry first = noLaps.getFirst().results().getFirst();
        assertThat(first.driver()).isEqualTo("YHKIM");
        assertThat(first.car()).contains("DTM Mercedes AMG C-Coupé");
        assertThat(first.status()).isEqualTo("finished");
        assertThat(noLaps.getFirst().results().get(5).driver()).isEqualTo("unknown");
        assertThat(noLaps.getFirst().results().get(6).driver()).isEqualTo("junkim");
        assertThat(noLaps.getFirst().results().get(7).driver()).isEqualTo("DunkinCupF");
        assertThat(noLaps.getFirst().results().getLast().driver()).isEqualTo("BigShot");
        assertThat(noLaps.getFirst().results().getLast().position()).isEqualTo(15);

        assertThat(all("raceroom-server/log.with.race2.json")).extracting(SimSession::session).containsExactly("qualifying", "race", "race");
        assertThat(read("raceroom-server/log.with.race2.json").warnings()).contains("this is the file's Race2");
        assertThat(read("raceroom-server/finish.status.none.json").results().getFirst().status()).isEqualTo("finished");

        SimSession ken = read("raceroom-server/driver.ken.j.dnf.but.with.all.laps.registered.with.incidents.json");
        SimEntry kenJ = ken.results().stream().filter(e -> e.driver().equals("Ken J")).findFirst().orElseThrow();
        assertThat(kenJ.status()).isEqualTo("retired");
        assertThat(kenJ.position()).isEqualTo(ken.results().size()); // behind every running car
        assertThat(ken.results().getFirst().platformId()).contains("4898484"); // UserId
    }

    @Test
    void raceRoomServerDnfOrderFollowsTheRulesAndTheDifferenceIsReported() {
        SimSession s = read("raceroom-server/log.with.incidents.json");

        assertThat(s.results().subList(14, 17)).extracting(SimEntry::driver).containsExactly("Jorge Rivera", "Christoph Dürselen", "RR tex");
        assertThat(s.warnings()).contains("RR tex is 17 by laps and time; the file says 15");
    }

    @Test
    void secondMonitorKeepsTheGamesOrderAndSumsTheLaps() {
        SimSession s = read("automobilista2-secondmonitor/race.json");

        assertThat(s.format()).isEqualTo("secondmonitor");
        assertThat(s.session()).isEqualTo("race");
        assertThat(s.results()).hasSize(23);
        assertThat(s.results().getFirst().driver()).isEqualTo("Theoloop");
        assertThat(s.results().getFirst().laps()).isEqualTo(45);
        assertThat(s.results().get(16).driver()).isEqualTo("SGETI");
        assertThat(s.results().getLast().status()).isEqualTo("laps down");
        assertThat(s.results()).allMatch(e -> e.carClass().isEmpty()); // a single-class race
    }

    @Test
    void iRacingMultiClassRaceWithZeroBasedPositions() {
        Path file = written("iracing-multiclass-race.json");
        List<SimSession> sessions = SimResults.readAll(file);
        assertThat(sessions).extracting(SimSession::session).containsExactly("practice", "qualifying", "race");
        assertThat(sessions.get(1).results().getFirst().bestLap()).contains(Duration.ofMillis(71_200).plusNanos(100_000));

        SimSession race = SimResults.read(file);
        assertThat(race.track()).isEqualTo("Road Atlanta (Full Course)");
        assertThat(race.results()).extracting(SimEntry::driver)
                .containsExactly("Ana Lindqvist", "Bea Okafor", "Dario Ferri", "Chen Wei", "Emma Novak", "Felix Brandt");
        assertThat(race.results()).extracting(e -> e.carClass().orElseThrow() + " " + e.classPosition().orElseThrow())
                .containsExactly("GT3 1", "GT3 2", "GT3 3", "GT4 1", "GT4 2", "GT3 4");
        SimEntry winner = race.results().getFirst();
        assertThat(winner.platformId()).contains("100001");
        assertThat(winner.number()).contains(12);
        // No total time in the file: the winner's average lap times 20 laps, then the interval.
        assertThat(winner.totalTime()).contains(Duration.ofMillis(73_005_500L * 20 / 1000));
        assertThat(race.results().get(1).totalTime()).contains(winner.totalTime().orElseThrow().plusMillis(3210).plusNanos(500_000));
        assertThat(race.results()).extracting(SimEntry::status)
                .containsExactly("finished", "finished", "finished", "laps down", "retired (Disconnected)", "disqualified");
    }

    @Test
    void iRacingTeamRaceFromTheWebsitesExport() {
        SimSession race = SimResults.read(written("iracing-team-race.json"));

        SimEntry winner = race.results().getFirst();
        assertThat(winner.team()).contains("Blue Kestrel Racing");
        assertThat(winner.drivers()).containsExactly("Gina Moreau", "Hugo Sato");
        assertThat(winner.platformId()).contains("200001");
        assertThat(race.results().get(1).status()).isEqualTo("laps down");
        assertThat(winner.classPosition()).isEmpty(); // one class
    }

    @Test
    void f1ChallengePlacesAreCheckedAgainstLapsAndTimes() {
        SimSession s = SimResults.read(written("f1challenge-race.txt"));

        assertThat(s.format()).isEqualTo("f1-challenge");
        assertThat(s.track()).isEqualTo("Imola (2002_Imola)");
        assertThat(s.results()).extracting(SimEntry::driver)
                .containsExactly("Lena Hoffmann", "Marco Ruiz", "Tomasz Wojcik", "Pierre Lambert", "Kofi Mensah");
        assertThat(s.results()).extracting(SimEntry::status).containsExactly("finished", "finished", "laps down", "retired", "disqualified");
        assertThat(s.results().getFirst().bestLap()).contains(Duration.parse("PT1M24.012S"));
        assertThat(s.warnings()).isEmpty(); // RacePlace agrees with laps and times
    }

    @Test
    void multiClassRfactorFilesAreClassifiedWithinEachClass() {
        SimSession s = read("automobilista/race.xml");

        assertThat(s.results()).allMatch(e -> e.classPosition().isPresent());
        for (String c : List.of("F309", "F301")) {
            List<Integer> inClass = s.results().stream().filter(e -> e.carClass().equals(Optional.of(c)))
                    .map(e -> e.classPosition().orElseThrow()).toList();
            assertThat(inClass).isSorted().startsWith(1).doesNotHaveDuplicates();
        }
    }

    @Test
    void rfactorPenaltiesFromTheEventStream() {
        SimSession s = read("rfactor2/race_with_penalties.xml");

        SimEntry penalised = s.results().stream().filter(e -> e.driver().equals("mauserrifle")).findFirst().orElseThrow();
        assertThat(penalised.penalties()).extracting(SimPenalty::describe)
                .containsExactly("stop-go (served)", "stop-go (not served)", "+35s post-race time (penalty not served)");
        assertThat(penalised.penalties()).allMatch(SimPenalty::inResult); // the 35 s are in FinishTime already
    }
}
