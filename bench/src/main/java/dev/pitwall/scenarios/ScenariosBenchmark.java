package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.rules.TyreRule;
import dev.pitwall.core.scoring.Standings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Championship scenarios on seeded random seasons of 20 races with 10 left (Formula 1 points and countback, results
 * drawn from drivers of unequal strength): full-field elimination ("who can still win", every driver answered exactly)
 * for 20 and 40 drivers, sampled over 16 seasons so the percentiles cover them all, against the scoring engine
 * computing the season's standings once as the baseline; and Monte Carlo simulated races per second, against the same
 * simulation scored by the engine. Run: {@code java -jar bench/target/benchmarks.jar ScenariosBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScenariosBenchmark {

    @Param({"20", "40"})
    public int drivers;

    private final List<Championship> seasons = new ArrayList<>();
    private final List<Race> nexts = new ArrayList<>();
    private int turn;
    private Simulator simulator;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void seasons() {
        for (int seed = 1; seed <= 16; seed++) {
            Championship c = season(drivers, 20, 10, seed);
            seasons.add(c);
            nexts.add(c.races().get(10));
        }
        SeasonModel model = SeasonModel.of(strip(seasons.getFirst(), 10), seasons.getFirst().races().subList(10, 20));
        simulator = new Simulator(model, new int[10][drivers], Optional.empty());
    }

    /** Every driver of one season (the next in turn) answered: can he still win? */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object fullFieldElimination() {
        int i = turn++ % seasons.size();
        return Scenarios.chances(seasons.get(i), nexts.get(i), Duration.ofSeconds(10));
    }

    /** Baseline: the engine computing the same season's standings after every race once. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object baselineStandingsOnce() {
        int i = turn++ % seasons.size();
        return Standings.latest(seasons.get(i));
    }

    /** 1,000 simulated rests of the season (10 races each): races per second = 10,000 x operations per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object monteCarloThousandSeasons() {
        return simulator.run(random, 1000);
    }

    /** Baseline: one simulated rest of the season (10 races) scored by the engine, as the first version did. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object baselineOneSeasonScoredByTheEngine() {
        Championship c = strip(seasons.getFirst(), 10);
        List<Race> races = c.races();
        List<String> names = c.entrants().stream().map(Entrant::name).toList();
        for (int k = 10; k < races.size(); k++) {
            List<String> order = new ArrayList<>(names);
            for (int i = order.size() - 1; i > 0; i--) {
                java.util.Collections.swap(order, i, random.nextInt(i + 1));
            }
            c = c.withResult(result(races.get(k).name(), order));
        }
        return Standings.latest(c);
    }

    /** A season of {@code races} races, {@code run} of them run, with results drawn by driver strength. */
    static Championship season(int n, int races, int run, long seed) {
        Random random = new Random(seed);
        List<Entrant> entrants = new ArrayList<>();
        double[] strength = new double[n];
        for (int i = 0; i < n; i++) {
            entrants.add(Entrant.of("Driver " + (i + 1), "Italy"));
            strength[i] = Math.exp(random.nextGaussian());
        }
        List<Round> rounds = new ArrayList<>();
        PointsTable table = PointsTable.of(25, 18, 15, 12, 10, 8, 6, 4, 2, 1);
        for (int r = 1; r <= races; r++) {
            Race race = new Race("Race " + r, new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, table, Points.ONE, GridRule.qualifying(List.of()),
                    Optional.empty(), Points.of(9, 10)));
            rounds.add(new Round("Round " + r, List.of(race)));
        }
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (int r = 1; r <= run; r++) {
            List<Integer> left = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                left.add(i);
            }
            List<String> order = new ArrayList<>();
            while (!left.isEmpty()) {
                double sum = left.stream().mapToDouble(i -> strength[i]).sum();
                double x = random.nextDouble() * sum;
                int pick = left.size() - 1;
                for (int j = 0; j < left.size(); j++) {
                    x -= strength[left.get(j)];
                    if (x <= 0) {
                        pick = j;
                        break;
                    }
                }
                order.add(entrants.get(left.remove(pick)).name());
            }
            results.put("Race " + r, result("Race " + r, order));
        }
        return new Championship("Benchmark Cup", rounds, entrants,
                new Scoring(List.of(TieBreak.countback()), SharedDrive.SPLIT, MultiCar.SUM, Optional.empty(), Optional.empty()),
                results, List.of());
    }

    private static Championship strip(Championship c, int run) {
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (Race r : c.races().subList(0, run)) {
            c.resultOf(r).ifPresent(x -> results.put(r.name(), x));
        }
        return new Championship(c.name(), c.rounds(), c.entrants(), c.scoring(), results, c.decisions());
    }

    private static RaceResult result(String race, List<String> order) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            rows.add(new ResultRow(i + 1, order.get(i), new Finish.Finished(Optional.empty()), Optional.empty()));
        }
        return new RaceResult(race, rows);
    }
}
