package dev.pitwall.core.scoring;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.Listing;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.pitwall.core.scoring.Fixtures.championship;
import static dev.pitwall.core.scoring.Fixtures.drivers;
import static dev.pitwall.core.scoring.Fixtures.race;
import static dev.pitwall.core.scoring.Fixtures.result;
import static dev.pitwall.core.scoring.Fixtures.seconds;
import static dev.pitwall.core.scoring.Fixtures.withCarryOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandingsTest {

    private final Race race1 = race("Race 1");
    private final Race race2 = race("Race 2", 1, GridRule.fromResultOf("Race 1"));
    private final Race grandFinal = race("Grand Final", 2, GridRule.fromResultOf("Race 2"));

    private final List<Entrant> field = List.of(withCarryOver("Drumont", 11), withCarryOver("Gallo", 10),
            withCarryOver("Miyazono", 10), withCarryOver("Serrano", 10));

    private Championship finals(List<Decision> decisions) {
        return championship(List.of(race1, race2, grandFinal), field, List.of(TieBreak.latestRaceFinish()),
                List.of(result("Race 1", "Gallo", "17'47.179", "Serrano", "+00.205", "Miyazono", "+02.671", "Drumont", "+05.867"),
                        result("Race 2", "Serrano", "17'14.091", "Drumont", "+00.143", "Miyazono", "+01.179", "Gallo", "+09.917")),
                decisions);
    }

    @Test
    void carryOverPlusRacePointsAfterEachRace() {
        Championship c = finals(List.of());

        assertThat(table(Standings.after(c, race1))).containsExactly("1 Gallo 22", "2 Serrano 20", "3 Miyazono 18", "4 Drumont 18");
        assertThat(table(Standings.latest(c))).containsExactly("1 Serrano 32", "2 Gallo 29", "3 Drumont 28", "4 Miyazono 26");
    }

    @Test
    void aTieGoesToTheBetterFinishInTheLatestRace() {
        List<Entrant> pair = List.of(withCarryOver("Drumont", 11), withCarryOver("Gallo", 10));
        Championship c = championship(List.of(race1, race2), pair, List.of(TieBreak.latestRaceFinish()),
                List.of(result("Race 1", "Gallo", "10'00.000", "Drumont", "+01.000"),
                        result("Race 2", "Drumont", "10'00.000", "Gallo", "+01.000")),
                List.of());

        // Gallo 10 + 12 + 10 = 32, Drumont 11 + 10 + 12 = 33: not level; make them level with a deduction
        Championship level = c.withDecision(new Decision.PointsDeduction("Race 2", "Drumont", Points.ONE, "Pit-lane speeding"));

        assertThat(table(Standings.latest(level))).containsExactly("1 Drumont 32", "2 Gallo 32");
    }

    @Test
    void stillLevelAfterEveryTieBreakMeansASharedPosition() {
        Championship c = championship(List.of(race1), List.of(withCarryOver("A", 10), withCarryOver("B", 10), withCarryOver("C", 0)),
                List.of(TieBreak.latestRaceFinish()), List.of(result("Race 1", "C", "10'00.000")), List.of());

        assertThat(table(Standings.latest(c))).containsExactly("1 C 12", "2 A 10", "2 B 10");
    }

    @Test
    void countbackPrefersMoreWinsThenMoreSecondPlaces() {
        Race r3 = race("Race 3", 1, GridRule.fromResultOf("Race 2"));
        Championship c = championship(List.of(race1, race2, r3), drivers("A", "B", "C"), List.of(TieBreak.countback()),
                List.of(result("Race 1", "A", "10'00.000", "B", "+1.0", "C", "+2.0"),
                        result("Race 2", "B", "10'00.000", "C", "+1.0", "A", "+2.0"),
                        result("Race 3", "C", "10'00.000", "A", "+1.0", "B", "+2.0")),
                List.of());

        // Each has 12 + 10 + 8 = 30 and one win, one second, one third: shared on countback
        assertThat(table(Standings.latest(c))).containsExactly("1 A 30", "1 B 30", "1 C 30");

        Championship unequal = c.withDecision(new Decision.PositionDrop("Race 3", "A", 1, "Track limits"));
        // A: 12 + 8 + 8 = 28; B: 10 + 12 + 10 = 32; C: 8 + 10 + 12 = 30
        assertThat(table(Standings.latest(unequal))).containsExactly("1 B 32", "2 C 30", "3 A 28");
    }

    @Test
    void aTimePenaltyFlowsIntoTheStandings() {
        Championship before = finals(List.of());
        Championship after = before.withDecision(new Decision.TimePenalty("Race 2", "Serrano", seconds(10), "Unsafe release"));

        // Serrano falls from 1st to 4th in Race 2: 12 -> 7 points; the others move up one place.
        assertThat(Standings.latest(after).rowOf("Serrano").orElseThrow().points()).isEqualTo(Points.of(27));
        assertThat(Standings.latest(after).rowOf("Drumont").orElseThrow().points()).isEqualTo(Points.of(30));
        assertThat(Standings.latest(before).rowOf("Serrano").orElseThrow().points()).isEqualTo(Points.of(32));
    }

    @Test
    void aDisqualificationFlowsIntoTheStandings() {
        Championship after = finals(List.of(new Decision.Disqualification("Race 1", "Gallo", "Illegal tyre pressure")));

        assertThat(table(Standings.after(after, race1))).containsExactly("1 Serrano 22", "2 Miyazono 20", "3 Drumont 19", "4 Gallo 10");
    }

    @Test
    void aPointsDeductionCountsFromItsRaceOn() {
        Championship c = finals(List.of(new Decision.PointsDeduction("Race 2", "Serrano", Points.of(5), "Unsportsmanlike conduct")));

        assertThat(Standings.after(c, race1).rowOf("Serrano").orElseThrow().points()).isEqualTo(Points.of(20));
        StandingsRow serrano = Standings.after(c, race2).rowOf("Serrano").orElseThrow();
        assertThat(serrano.points()).isEqualTo(Points.of(27));
        assertThat(serrano.deductions()).isEqualTo(Points.of(5));
    }

    @Test
    void unknownCarryOverCountsAsZeroAndIsFlagged() {
        Entrant heck = Entrant.of("Heck", "USA").withCarryOver(CarryOver.unknown());
        Championship c = championship(List.of(race1), List.of(heck), List.of(), List.of(result("Race 1", "Heck", "10'00.000")), List.of());

        StandingsRow row = Standings.latest(c).rowOf("Heck").orElseThrow();
        assertThat(row.points()).isEqualTo(Points.of(12));
        assertThat(row.carryOverKnown()).isFalse();
    }

    @Test
    void beforeAnyRaceTheStandingsAreTheCarryOver() {
        Championship c = championship(List.of(race1), field, List.of(TieBreak.latestRaceFinish()), List.of(), List.of());

        Standings s = Standings.latest(c);
        assertThat(s.after()).isEmpty();
        assertThat(table(s)).containsExactly("1 Drumont 11", "2 Gallo 10", "2 Miyazono 10", "2 Serrano 10");
    }

    @Test
    void standingsAfterARaceNotYetRunAreRefused() {
        Championship c = finals(List.of());

        assertThatThrownBy(() -> Standings.after(c, grandFinal)).hasMessageContaining("Grand Final has no results yet");
    }

    @Test
    void progressionHasOneTableAfterEachRaceRun() {
        assertThat(Standings.progression(finals(List.of()))).extracting(s -> s.after().orElseThrow().name())
                .containsExactly("Race 1", "Race 2");
    }

    @Test
    void fromTheFirstRaceTheyTakePartInADriverJoinsTheTableThenAndNotBefore() {
        Championship entryList = championship(List.of(race1, race2), drivers("Gallo", "Serrano", "Roach"), List.of(TieBreak.countback()),
                List.of(result("Race 1", "Gallo", "10'00.000", "Serrano", "+01.000"),
                        result("Race 2", "Roach", "10'00.000", "Gallo", "+01.000", "Serrano", "+02.000")),
                List.of());
        Championship fromFirstRace = new Championship(entryList.name(), entryList.rounds(), entryList.entrants(),
                new Scoring(List.of(TieBreak.countback()), SharedDrive.SPLIT, MultiCar.SUM, Optional.empty(), Optional.empty(),
                        Listing.FROM_FIRST_RACE), entryList.results(), List.of());

        // On the entry list, Roach is in the table before racing; from the first race, only once he has raced.
        assertThat(table(Standings.after(entryList, race1))).containsExactly("1 Gallo 12", "2 Serrano 10", "3 Roach 0");
        assertThat(table(Standings.after(fromFirstRace, race1))).containsExactly("1 Gallo 12", "2 Serrano 10");
        assertThat(table(Standings.after(fromFirstRace, race2))).containsExactly("1 Gallo 22", "2 Serrano 18", "3 Roach 12");
        assertThat(Standings.progression(fromFirstRace).getLast()).isEqualTo(Standings.latest(entryList));
    }

    private static List<String> table(Standings standings) {
        return standings.rows().stream().map(r -> r.positionText() + " " + r.driver() + " " + r.points()).toList();
    }
}
