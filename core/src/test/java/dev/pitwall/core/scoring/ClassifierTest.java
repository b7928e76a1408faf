package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.rules.GridRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static dev.pitwall.core.scoring.Fixtures.race;
import static dev.pitwall.core.scoring.Fixtures.result;
import static dev.pitwall.core.scoring.Fixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;

class ClassifierTest {

    private final Race race1 = race("Race 1");
    private final RaceResult race1Sheet = result("Race 1",
            "Gallo", "17'47.179",
            "Serrano", "+00.205",
            "Miyazono", "+02.671",
            "Sasaki", "+05.676",
            "Drumont", "+05.867");

    @Test
    void withoutDecisionsThePublishedOrderStandsAndPaysTheTable() {
        Classification c = Classifier.classify(race1, race1Sheet, List.of());

        assertThat(c.entries()).extracting(ClassifiedEntry::driver).containsExactly("Gallo", "Serrano", "Miyazono", "Sasaki", "Drumont");
        assertThat(c.entries()).extracting(e -> e.points().toString()).containsExactly("12", "10", "8", "7", "6");
        assertThat(c.entryOf("Serrano").orElseThrow().gap()).contains(seconds(0.205));
        assertThat(c.winner().orElseThrow().gap()).isEmpty();
    }

    @Test
    void aPostRaceTimePenaltyReSortsTheClassificationAndThePoints() {
        var penalty = new Decision.TimePenalty("Race 1", "Gallo", seconds(5.8), "Forcing another driver off the track");

        Classification c = Classifier.classify(race1, race1Sheet, List.of(penalty));

        // 17'47.179 + 5.8 s = +05.800 on the old clock: behind Sasaki (+05.676), ahead of Drumont (+05.867)
        assertThat(c.entries()).extracting(ClassifiedEntry::driver).containsExactly("Serrano", "Miyazono", "Sasaki", "Gallo", "Drumont");
        ClassifiedEntry gallo = c.entryOf("Gallo").orElseThrow();
        assertThat(gallo.position()).isEqualTo(OptionalInt.of(4));
        assertThat(gallo.points()).isEqualTo(Points.of(7));
        assertThat(gallo.decisions()).containsExactly(penalty);
        // the new winner's gap is gone, everyone else's is measured from him
        assertThat(c.winner().orElseThrow().driver()).isEqualTo("Serrano");
        assertThat(c.entryOf("Miyazono").orElseThrow().gap()).contains(seconds(2.466));
        assertThat(gallo.gap()).contains(seconds(5.595));
    }

    @Test
    void penaltiesOnTheSameDriverAddUp() {
        var first = new Decision.TimePenalty("Race 1", "Serrano", seconds(1), "Causing a collision");
        var second = new Decision.TimePenalty("Race 1", "Serrano", seconds(3), "Track limits");

        Classification c = Classifier.classify(race1, race1Sheet, List.of(first, second));

        assertThat(c.positionOf("Serrano")).isEqualTo(OptionalInt.of(3));
        assertThat(c.entryOf("Serrano").orElseThrow().decisions()).containsExactly(first, second);
    }

    @Test
    void aDisqualifiedDriverLeavesTheClassificationAndEveryoneBehindMovesUp() {
        var dsq = new Decision.Disqualification("Race 1", "Serrano", "Car under the minimum weight");

        Classification c = Classifier.classify(race1, race1Sheet, List.of(dsq));

        assertThat(c.entries()).extracting(ClassifiedEntry::driver).containsExactly("Gallo", "Miyazono", "Sasaki", "Drumont", "Serrano");
        ClassifiedEntry serrano = c.entryOf("Serrano").orElseThrow();
        assertThat(serrano.position()).isEmpty();
        assertThat(serrano.points()).isEqualTo(Points.ZERO);
        assertThat(serrano.finish()).isEqualTo(new Finish.Disqualified("Car under the minimum weight"));
        assertThat(c.entryOf("Miyazono").orElseThrow().points()).isEqualTo(Points.of(10));
    }

    @Test
    void aPositionDropMovesTheDriverDownAndTheOthersUp() {
        var drop = new Decision.PositionDrop("Race 1", "Gallo", 2, "Unsafe rejoin");

        Classification c = Classifier.classify(race1, race1Sheet, List.of(drop));

        assertThat(c.entries()).extracting(ClassifiedEntry::driver).containsExactly("Serrano", "Miyazono", "Gallo", "Sasaki", "Drumont");
    }

    @Test
    void aPositionDropNeverPushesBelowTheLastClassifiedPlace() {
        var drop = new Decision.PositionDrop("Race 1", "Sasaki", 10, "Ignoring blue flags");

        Classification c = Classifier.classify(race1, race1Sheet, List.of(drop));

        assertThat(c.positionOf("Sasaki")).isEqualTo(OptionalInt.of(5));
    }

    @Test
    void decisionsAboutOtherRacesChangeNothing() {
        var elsewhere = new Decision.TimePenalty("Race 2", "Gallo", seconds(30), "Speeding in the pit lane");

        assertThat(Classifier.classify(race1, race1Sheet, List.of(elsewhere)).entries())
                .extracting(ClassifiedEntry::driver).containsExactly("Gallo", "Serrano", "Miyazono", "Sasaki", "Drumont");
    }

    @Test
    void lapsDownFinishersComeAfterTheLeadLapAndRetirementsCountOnlyPastTheMinimumDistance() {
        RaceResult sheet = result("Race 1",
                "Gallo", "17'47.179",
                "Serrano", "+1 lap",
                "Miyazono", "DNF 9",   // 9 of 10 laps: 90 %, classified
                "Sasaki", "DNF 4",     // not classified
                "Drumont", "DNS",
                "Heck", "DSQ");

        Classification c = Classifier.classify(race1, sheet, List.of());

        assertThat(c.entries()).extracting(ClassifiedEntry::driver).containsExactly("Gallo", "Serrano", "Miyazono", "Sasaki", "Drumont", "Heck");
        assertThat(c.entries()).extracting(ClassifiedEntry::position)
                .containsExactly(OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
        assertThat(c.entryOf("Miyazono").orElseThrow().points()).isEqualTo(Points.of(8));
        assertThat(c.entryOf("Sasaki").orElseThrow().points()).isEqualTo(Points.ZERO);
    }

    @Test
    void aTimePenaltyDoesNotLiftALeadLapFinisherBehindALappedCar() {
        RaceResult sheet = result("Race 1", "Gallo", "17'47.179", "Serrano", "+1 lap");
        var penalty = new Decision.TimePenalty("Race 1", "Gallo", seconds(120), "Causing a collision");

        assertThat(Classifier.classify(race1, sheet, List.of(penalty)).entries())
                .extracting(ClassifiedEntry::driver).containsExactly("Gallo", "Serrano");
    }

    @Test
    void theMultiplierScalesEveryPosition() {
        Race grandFinal = race("Grand Final", 2, GridRule.fromResultOf("Race 1"));
        RaceResult sheet = result("Grand Final", "Miyazono", "46'26.252", "Drumont", "+03.423", "de Bruin", "+05.972");

        assertThat(Classifier.classify(grandFinal, sheet, List.of()).entries())
                .extracting(e -> e.points().toString()).containsExactly("24", "20", "16");
    }
}
