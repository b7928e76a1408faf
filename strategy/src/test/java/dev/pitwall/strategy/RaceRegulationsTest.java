package dev.pitwall.strategy;

import dev.pitwall.core.rules.Compound;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.TyreRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The race's regulations on strategy, as core states them, and what the simulation does with a driver who breaks them. */
class RaceRegulationsTest {

    private static final RaceRegulations ALL_THREE = new RaceRegulations(new TyreRule.MustUse(Set.of(Compound.SOFT, Compound.MEDIUM,
            Compound.HARD)), Refuelling.REQUIRED, "test");

    @Test
    void namedCompoundsAndCountsAndFuel() {
        assertThat(ALL_THREE.legal(Set.of("soft", "medium", "hard"))).isTrue();
        assertThat(ALL_THREE.legal(Set.of("soft", "medium"))).isFalse();
        RaceRegulations two = new RaceRegulations(new TyreRule.AtLeastCompounds(2), Refuelling.FORBIDDEN, "F1");
        assertThat(two.legal(Set.of("A3", "A4"))).isTrue();
        assertThat(two.legal(Set.of("A4"))).isFalse();

        List<Stint> refuelled = List.of(new Stint(0, "soft", 0, 20), new Stint(3, "medium", 0, 20), new Stint(5, "hard", 0, 10));
        List<Stint> dry = List.of(new Stint(0, "soft", 0, 50), new Stint(3, "medium", 0, 0), new Stint(5, "hard", 0, 0));
        assertThat(ALL_THREE.breach(refuelled, 7)).isEmpty();
        assertThat(ALL_THREE.breach(dry, 7)).hasValue("did not refuel where a fuel stop is required");
        // Retired after lap 4: the hard stint never started.
        assertThat(ALL_THREE.breach(refuelled, 4)).get().asString().startsWith("used soft, medium where the regulations say must use");
        assertThat(two.breach(refuelled, 7)).hasValue("refuelled where refuelling is forbidden");
        assertThat(RaceRegulations.none().breach(dry, 7)).isEmpty();
    }

    @Test
    void aFinisherWhoBreaksThemIsDisqualifiedBehindEveryone() {
        Track track = new Track("Test Ring", 90, 0.03, 1, 18, 0, 12, -2, 12, true, 2.0, 0.15, 1.0, 1.5, -0.02, -0.5, 1.6, 1.4);
        Car car = new Car("Team", 0, 30, 2.0, 0.25, 0.5, 0.5, OptionalDouble.of(0.1));
        Map<String, Degradation> tyres = Map.of("soft", new Degradation.Linear(-0.6, 0.15), "medium", new Degradation.Linear(0, 0.08),
                "hard", new Degradation.Linear(0.5, 0.03));
        // The quickest car skips the hard tyre: first on the road, disqualified.
        Driver cheat = new Driver("CHT", "Cheat", car, -1.0, 1, 320, 1.0, 0.25, 0.5, tyres,
                List.of(new Stint(0, "soft", 0, 8), new Stint(4, "medium", 0, 8)));
        Driver fair = new Driver("FAI", "Fair", car, 0, 2, 320, 1.0, 0.25, 0.5, tyres,
                List.of(new Stint(0, "soft", 0, 6), new Stint(3, "medium", 0, 6), new Stint(6, "hard", 0, 4)));
        RaceSetup race = new RaceSetup(8, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.empty(), 2, track, List.of(cheat, fair), List.of(), Map.of());

        RaceOutcome onTheRoad = RaceSimulation.run(race);
        RaceOutcome classified = ALL_THREE.apply(onTheRoad, race);

        assertThat(onTheRoad.order()).containsExactly("CHT", "FAI");
        assertThat(classified.order()).containsExactly("FAI", "CHT");
        assertThat(classified.of("CHT").retired()).isTrue();
        assertThat(classified.of("CHT").reason()).startsWith("disqualified: used soft, medium");
        assertThat(RaceRegulations.none().apply(onTheRoad, race)).isSameAs(onTheRoad);
    }
}
