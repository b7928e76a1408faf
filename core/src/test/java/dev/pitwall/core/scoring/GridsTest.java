package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.GridRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pitwall.core.scoring.Fixtures.championship;
import static dev.pitwall.core.scoring.Fixtures.drivers;
import static dev.pitwall.core.scoring.Fixtures.race;
import static dev.pitwall.core.scoring.Fixtures.result;
import static dev.pitwall.core.scoring.Fixtures.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GridsTest {

    private final Race race1 = race("Race 1", 1, GridRule.qualifying(List.of("C", "A", "B", "D")));
    private final Race race2 = race("Race 2", 1, GridRule.fromResultOf("Race 1"));
    private final Race reverse = race("Reverse", 1, GridRule.reversedTop(3, "Race 1"));

    private Championship championship(Decision... decisions) {
        return Fixtures.championship(List.of(race1, race2, reverse), drivers("A", "B", "C", "D", "E"), List.of(),
                List.of(result("Race 1", "A", "10'00.000", "B", "+1.000", "C", "+2.000", "D", "DNF 2")), List.of(decisions));
    }

    @Test
    void qualifyingSetsTheFirstGridAndEntrantsWithoutATimeStartAtTheBack() {
        assertThat(slots(Grids.of(championship(), race1))).containsExactly("C", "A", "B", "D", "E");
    }

    @Test
    void theNextGridIsTheFinishingOrderOfTheRaceBefore() {
        assertThat(slots(Grids.of(championship(), race2))).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void theFinishingOrderIsTakenAfterTheStewardsDecisions() {
        Championship c = championship(new Decision.TimePenalty("Race 1", "A", seconds(5), "Jump start"));

        assertThat(slots(Grids.of(c, race2))).containsExactly("B", "C", "A", "D", "E");
    }

    @Test
    void aReverseGridTurnsTheTopAround() {
        assertThat(slots(Grids.of(championship(), reverse))).containsExactly("C", "B", "A", "D", "E");
    }

    @Test
    void aGridDropMovesTheDriverBackAndSaysWhy() {
        Championship c = championship(new Decision.GridDrop("Race 2", "A", 2, "Impeding in qualifying"));

        Grid grid = Grids.of(c, race2);
        assertThat(slots(grid)).containsExactly("B", "C", "A", "D", "E");
        assertThat(grid.slots().get(2).note()).isEqualTo("2-place grid drop: Impeding in qualifying");
    }

    @Test
    void aGridFromARaceNotYetRunIsUnavailable() {
        Championship c = Fixtures.championship(List.of(race1, race2), drivers("A", "B", "C", "D", "E"), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> Grids.of(c, race2)).isInstanceOf(GridUnavailableException.class)
                .hasMessageContaining("Race 1, which has not been run yet");
    }

    @Test
    void aQualifyingGridWithoutAnOrderIsUnavailable() {
        Race noOrder = race("Race 1", 1, GridRule.qualifying(List.of()));
        Championship c = Fixtures.championship(List.of(noOrder), drivers("A"), List.of(), List.of(), List.of());

        assertThatThrownBy(() -> Grids.of(c, noOrder)).isInstanceOf(GridUnavailableException.class)
                .hasMessageContaining("set by qualifying");
    }

    private static List<String> slots(Grid grid) {
        return grid.slots().stream().map(Grid.Slot::driver).toList();
    }
}
