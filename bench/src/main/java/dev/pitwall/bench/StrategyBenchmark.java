package dev.pitwall.bench;

import dev.pitwall.strategy.Car;
import dev.pitwall.strategy.Degradation;
import dev.pitwall.strategy.Driver;
import dev.pitwall.strategy.Incidents;
import dev.pitwall.strategy.RaceOutcome;
import dev.pitwall.strategy.RaceSetup;
import dev.pitwall.strategy.RaceSimulation;
import dev.pitwall.strategy.Stint;
import dev.pitwall.strategy.StrategyOptimizer;
import dev.pitwall.strategy.Track;
import dev.pitwall.strategy.TumParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The race simulation and the strategy optimizer (issue 6's targets):
 * <ul>
 *   <li>{@code twelveCarsTenLaps}: a complete 12-car, 10-lap race with every effect on: lap-time noise, safety cars,
 *       accidents and failures drawn for the race, a pit stop with refuelling for every car, fuel, DRS and passing;</li>
 *   <li>{@code twentyCarsSeventyOneLaps}: Mexico City 2019 from TUM's files (LGPL-3.0), 20 cars and 71 laps, its real
 *       strategies, with TUM's Monte Carlo chances (pars_mcs.ini) drawn for the race;</li>
 *   <li>{@code baselineTwentyCarsDeterministic}: the same race without any chance, as TUM's deterministic mode runs it;</li>
 *   <li>{@code optimizerSeventyOneLapsThreeCompounds}: the fastest legal strategy for Hamilton at Mexico City 2019, up
 *       to three stops on three compounds;</li>
 *   <li>{@code baselineEveryOneStopStrategySimulated}: the naive search, simulating every legal one-stop strategy.</li>
 * </ul>
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar StrategyBenchmark} (system property
 * {@code tum} points at TUM's files elsewhere).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StrategyBenchmark {

    private RaceSetup small;
    private Incidents smallChances;
    private RaceSetup mexico;
    private Incidents mexicoChances;
    private Driver hamilton;
    private SplittableRandom random;

    @Setup
    public void races() {
        Path tum = Path.of(System.getProperty("tum", "../shared/data/tum-race-simulation"));
        TumParameters.TumRace race = TumParameters.read(tum.resolve("pars_MexicoCity_2019.ini"));
        mexico = race.setup().withoutEvents();
        mexicoChances = TumParameters.incidents(tum.resolve("pars_mcs.ini"), race);
        hamilton = mexico.drivers().stream().filter(d -> d.initials().equals("HAM")).findFirst().orElseThrow();

        Track track = new Track("Test Ring", 90, 0.03, 1, 18, 0, 12, -2, 12, true, 2.0, 0.15, 1.0, 1.5, -0.02, -0.5, 1.6, 1.4);
        Car car = new Car("Team", 0, 30, 2.0, 0.25, 0.5, 0.5, OptionalDouble.of(0.1));
        List<Driver> drivers = new ArrayList<>();
        Map<String, Double> risk = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            drivers.add(new Driver("D" + i, "Driver " + i, car, 0.05 * i, i + 1, 315 + i, 1.0, 0.25, 0.5,
                    Map.of("soft", new Degradation.Linear(-0.6, 0.15), "hard", new Degradation.Linear(0, 0.05)),
                    List.of(new Stint(0, "soft", 0, 10), new Stint(4 + i % 3, "hard", 0, 12))));
            risk.put("D" + i, 0.05);
        }
        small = new RaceSetup(10, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.of(3), 2, track, drivers, List.of(), Map.of());
        smallChances = new Incidents(Map.of(), 0.5, risk, risk, new double[] {0.5, 0.4, 0.1},
                new double[] {0.364, 0.136, 0.136, 0.08, 0.193, 0.091}, new double[] {0.3, 0.4, 0.3}, 0.25, new double[] {0.5, 0.5});
        random = new SplittableRandom(2024);
    }

    @Benchmark
    public RaceOutcome twelveCarsTenLaps() {
        return RaceSimulation.run(smallChances.draw(small, random));
    }

    @Benchmark
    public RaceOutcome twentyCarsSeventyOneLaps() {
        return RaceSimulation.run(mexicoChances.draw(mexico, random));
    }

    @Benchmark
    public RaceOutcome baselineTwentyCarsDeterministic() {
        return RaceSimulation.run(mexico);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public StrategyOptimizer.Plan optimizerSeventyOneLapsThreeCompounds() {
        return StrategyOptimizer.fastest(mexico, hamilton, 3, (Set<String> used) -> used.size() >= 2);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double baselineEveryOneStopStrategySimulated() {
        RaceSetup alone = mexico.withDrivers(List.of(hamilton));
        double best = Double.MAX_VALUE;
        List<String> compounds = List.copyOf(hamilton.tyres().keySet());
        for (String first : compounds) {
            for (String second : compounds) {
                if (first.equals(second)) {
                    continue;
                }
                for (int stop = 1; stop < mexico.laps(); stop++) {
                    Driver d = hamilton.withStrategy(List.of(new Stint(0, first, 0, 0), new Stint(stop, second, 0, 0)));
                    best = Math.min(best, RaceSimulation.run(alone.withDrivers(List.of(d))).of("HAM").raceTime());
                }
            }
        }
        return best;
    }
}
