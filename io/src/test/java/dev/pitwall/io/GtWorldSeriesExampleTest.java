package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.Compound;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.TyreRule;
import dev.pitwall.core.scoring.Audit;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Disagreement;
import dev.pitwall.core.scoring.Grid;
import dev.pitwall.core.scoring.Grids;
import dev.pitwall.core.scoring.Standings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The GT World Series 2024 Nations Cup World Finals, read from the bundled example, against the seed's own figures. */
class GtWorldSeriesExampleTest {

    static final Path EXAMPLE = Path.of("..", "examples", "gtws-2024-nations-cup");

    private final Championship finals = ChampionshipFiles.load(EXAMPLE);

    @Test
    void theRegulationsAreTheSeeds() {
        assertThat(finals.races()).extracting(r -> r.name()).containsExactly("Race 1", "Race 2", "Grand Final");
        var race2 = finals.requireRace("Race 2").rules();
        assertThat(race2.track()).contains("Autodromo Nazionale Monza");
        assertThat(race2.laps().getAsInt()).isEqualTo(12);
        assertThat(race2.tyres()).isEqualTo(new TyreRule.MustUse(Set.of(Compound.MEDIUM, Compound.HARD)));
        assertThat(race2.grid()).isEqualTo(GridRule.fromResultOf("Race 1"));
        var grandFinal = finals.requireRace("grand-final").rules();
        assertThat(grandFinal.multiplier()).isEqualTo(Points.of(2));
        assertThat(grandFinal.tyres().isSatisfiedBy(Set.of(Compound.SOFT, Compound.MEDIUM))).isFalse();
        assertThat(grandFinal.refuelling()).isEqualTo(Refuelling.REQUIRED);
        assertThat(grandFinal.pointsFor(1)).isEqualTo(Points.of(24));
        assertThat(finals.requireEntrant("R8G_Kylian19").name()).isEqualTo("Kylian Drumont");
    }

    @Test
    void thePublishedTablesAreReadExactlyAsWritten() {
        RaceResult race1 = finals.resultOf(finals.requireRace("Race 1")).orElseThrow();

        assertThat(race1.rows()).hasSize(12);
        ResultRow gallo = race1.rows().getFirst();
        assertThat(gallo.driver()).isEqualTo("Valerio Gallo");
        assertThat(gallo.finish()).isEqualTo(Finish.Finished.in(Duration.ofMillis(17 * 60_000 + 47_179)));
        assertThat(gallo.publishedPoints()).contains(Points.of(12));
        // 11 | Chile Angel Inostroza | +17.731 |      (empty points cell)
        assertThat(race1.rows().get(10).publishedPoints()).contains(Points.ZERO);
        // 12 | Australia Guy Barbara | +18.049       (the row stops before its points cell)
        ResultRow barbara = race1.rows().get(11);
        assertThat(barbara.driver()).isEqualTo("Guy Barbara");
        assertThat(barbara.finish()).isEqualTo(Finish.Finished.in(Duration.ofMillis(17 * 60_000 + 47_179 + 18_049)));
        assertThat(barbara.publishedPoints()).contains(Points.ZERO);
        // +1'05.938 behind 46'26.252
        RaceResult grandFinal = finals.resultOf(finals.requireRace("Grand Final")).orElseThrow();
        assertThat(grandFinal.rowOf("Calen Roach").orElseThrow().finish())
                .isEqualTo(Finish.Finished.in(Duration.ofMillis(46 * 60_000 + 26_252 + 65_938)));
        assertThat(grandFinal.rowOf("Coque López")).isPresent();
    }

    @Test
    void standingsAfterRace1() {
        assertThat(top(4, Standings.after(finals, finals.requireRace("Race 1"))))
                .containsExactly("1 Valerio Gallo 22", "2 Jose Serrano 20", "3 Takuma Miyazono 18", "4 Kylian Drumont 17");
    }

    @Test
    void standingsAfterRace2WithDrumontAheadOfGalloOnTheTieBreak() {
        assertThat(top(4, Standings.after(finals, finals.requireRace("Race 2"))))
                .containsExactly("1 Jose Serrano 32", "2 Kylian Drumont 27", "3 Valerio Gallo 27", "4 Takuma Miyazono 26");
    }

    @Test
    void finalStandingsAreTheSeedsTotals() {
        assertThat(top(5, Standings.latest(finals))).containsExactly(
                "1 Takuma Miyazono 50", "2 Kylian Drumont 47", "3 Jose Serrano 42", "4 Valerio Gallo 41", "5 Kaj de Bruin 33");
    }

    @Test
    void theAuditFindsExactlyTheFiveWrongGrandFinalRows() {
        List<Disagreement> found = Audit.of(finals);

        assertThat(found).extracting(Disagreement::race).containsOnly("Grand Final");
        assertThat(found).extracting(Disagreement::field).containsOnly("points");
        assertThat(found).extracting(Disagreement::position).containsExactly(4, 5, 6, 8, 9);
        assertThat(found).extracting(d -> d.driver() + " " + d.published() + " -> " + d.computed()).containsExactly(
                "Valerio Gallo 12 -> 14", "Takuma Sasaki 10 -> 12", "Jose Serrano 14 -> 10", "Guy Barbara 4 -> 6", "Coque López 6 -> 4");
    }

    @Test
    void eachGridIsTheFinishingOrderOfTheRaceBefore() {
        assertThat(grid("Race 2")).isEqualTo(finishingOrder("Race 1"));
        assertThat(grid("Grand Final")).isEqualTo(finishingOrder("Race 2"));
        assertThat(grid("Grand Final").subList(0, 3)).containsExactly("Jose Serrano", "Kylian Drumont", "Takuma Miyazono");
    }

    @Test
    void aStewardsTimePenaltyAfterTheGrandFinalChangesTheChampion() {
        var penalty = new Decision.TimePenalty("Grand Final", "Takuma Miyazono", Duration.ofSeconds(12), "Leaving the track and gaining an advantage");

        Championship after = finals.withDecision(penalty);

        // 46'26.252 + 12 s puts him between Gallo (+11.325) and Sasaki (+12.612): 4th, 14 points instead of 24
        var classification = Classifier.classify(after.requireRace("Grand Final"),
                after.resultOf(after.requireRace("Grand Final")).orElseThrow(), after.decisions());
        assertThat(classification.entries().subList(0, 4)).extracting(ClassifiedEntry::driver)
                .containsExactly("Kylian Drumont", "Kaj de Bruin", "Valerio Gallo", "Takuma Miyazono");
        assertThat(top(4, Standings.latest(after))).containsExactly(
                "1 Kylian Drumont 51", "2 Valerio Gallo 43", "3 Jose Serrano 42", "4 Takuma Miyazono 40");
        assertThat(top(1, Standings.latest(finals))).containsExactly("1 Takuma Miyazono 50");
    }

    private List<String> grid(String race) {
        Grid grid = Grids.of(finals, finals.requireRace(race));
        return grid.slots().stream().map(Grid.Slot::driver).toList();
    }

    private List<String> finishingOrder(String race) {
        var r = finals.requireRace(race);
        return Classifier.classify(r, finals.resultOf(r).orElseThrow(), finals.decisionsFor(r)).entries().stream()
                .map(ClassifiedEntry::driver).toList();
    }

    private static List<String> top(int n, Standings standings) {
        return standings.rows().stream().limit(n).map(r -> r.positionText() + " " + r.driver() + " " + r.points()).toList();
    }
}
