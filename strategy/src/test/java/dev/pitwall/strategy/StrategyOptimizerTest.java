package dev.pitwall.strategy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The optimizer against every strategy with up to two stops, each run by the simulation, on seeded random cars and
 * tyres: never beaten, and its predicted time is the simulation's.
 */
class StrategyOptimizerTest {

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neverBeatenByAnEnumeratedStrategy(long seed) {
        Random random = new Random(seed);
        int laps = 8 + random.nextInt(8);
        Track track = new Track("Test Ring", 80 + random.nextInt(20), 0.02 + random.nextDouble() * 0.02, 0.5, 15 + random.nextInt(8), 0, 10, -1,
                10, random.nextBoolean(), 2.0, 0.15, 1.0, 1.5, -0.02, -0.5, 1.6, 1.4);
        boolean refuelling = random.nextInt(3) == 0;
        Car car = new Car("Team", random.nextDouble(), refuelling ? 0 : 60, 2.0 + random.nextDouble(), 0.25, 0.5, random.nextDouble(),
                refuelling ? OptionalDouble.of(0.1 + random.nextDouble() * 0.3) : OptionalDouble.empty());
        Map<String, Degradation> tyres = Map.of(
                "A2", new Degradation.Linear(random.nextDouble(), 0.02 + random.nextDouble() * 0.1),
                "A3", new Degradation.Quadratic(0, 0.05 + random.nextDouble() * 0.2, random.nextDouble() * 0.05),
                "A4", new Degradation.Cliff(new Degradation.Linear(-0.5, 0.1 + random.nextDouble() * 0.3), 3 + random.nextInt(5), 1.5));
        Driver driver = new Driver("DRV", "Driver", car, random.nextDouble() * 0.3, 1 + random.nextInt(5), 320, 1.0, 0.25, 0.5, tyres,
                List.of(new Stint(0, "A3", 0, refuelling ? 60 : 0)));
        RaceSetup race = new RaceSetup(laps, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.of(3), 2, track, List.of(driver), List.of(), Map.of());

        StrategyOptimizer.Plan plan = StrategyOptimizer.fastest(race, driver, 2, used -> used.size() >= 2);

        assertThat(plan.stints().stream().map(Stint::compound).distinct().count()).isGreaterThanOrEqualTo(2);
        double simulated = RaceSimulation.run(race.withDrivers(List.of(driver.withStrategy(plan.stints())))).of("DRV").raceTime();
        assertThat(simulated).isCloseTo(plan.raceTime(), within(1e-6));
        for (List<Stint> candidate : everyStrategy(laps, List.of("A2", "A3", "A4"), 2, car)) {
            Set<String> used = new HashSet<>();
            candidate.forEach(s -> used.add(s.compound()));
            if (used.size() < 2) {
                continue;
            }
            RaceOutcome outcome = RaceSimulation.run(race.withDrivers(List.of(driver.withStrategy(candidate))));
            if (!outcome.of("DRV").retired()) {
                assertThat(outcome.of("DRV").raceTime()).as(candidate.toString()).isGreaterThanOrEqualTo(plan.raceTime() - 1e-6);
            }
        }
    }

    /** Every strategy with up to {@code maxStops} stops: stint ends and compounds, each stint fuelled for itself when refuelling. */
    private static List<List<Stint>> everyStrategy(int laps, List<String> compounds, int maxStops, Car car) {
        List<List<Stint>> out = new ArrayList<>();
        for (int stops = 0; stops <= maxStops; stops++) {
            splits(laps, stops, new ArrayList<>(), 0, out, compounds, car);
        }
        return out;
    }

    private static void splits(int laps, int stopsLeft, List<Integer> ends, int from, List<List<Stint>> out, List<String> compounds, Car car) {
        if (stopsLeft == 0) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            starts.addAll(ends);
            int n = starts.size();
            int[] pick = new int[n];
            while (true) {
                List<Stint> stints = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int start = starts.get(i);
                    int end = i + 1 < n ? starts.get(i + 1) : laps;
                    double fuel = car.refuelSecondsPerKg().isPresent() ? car.burnPerLap() * (end - start) : 0;
                    stints.add(new Stint(start, compounds.get(pick[i]), 0, fuel));
                }
                out.add(stints);
                int k = 0;
                while (k < n && ++pick[k] == compounds.size()) {
                    pick[k++] = 0;
                }
                if (k == n) {
                    return;
                }
            }
        }
        for (int end = from + 1; end < laps; end++) {
            ends.add(end);
            splits(laps, stopsLeft - 1, ends, end, out, compounds, car);
            ends.removeLast();
        }
    }
}
