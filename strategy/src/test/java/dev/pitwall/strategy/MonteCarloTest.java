package dev.pitwall.strategy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simulated races with chance: deterministic for a seed, the deterministic race when nothing is left to chance,
 * candidates compared on the same drawn races, and the fuel property under chance (a lighter fill stands shorter and
 * never runs dry less often).
 */
class MonteCarloTest {

    private static final Track TRACK = new Track("Test Ring", 90, 0.03, 1, 18, 0, 12, -2, 12, true, 2.0, 0.15, 1.0, 1.5, -0.02,
            -0.5, 1.6, 1.4);
    private static final Car CAR = new Car("Team", 0, 100, 1.8, 0.25, 0.5, 0.5, OptionalDouble.of(0.1));

    private static Driver driver(String initials, double pace, int grid, List<Stint> strategy) {
        return new Driver(initials, initials, CAR, pace, grid, 320, 1.0, 0.25, 0.5,
                Map.of("A3", new Degradation.Linear(0, 0.08), "A4", new Degradation.Linear(-0.6, 0.15)), strategy);
    }

    /** A 12-car, 20-lap race on two compounds, the cars close in pace, each with a one-stop strategy. */
    private static RaceSetup field(Random random) {
        List<Driver> drivers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int stop = 7 + random.nextInt(7);
            drivers.add(driver("D" + i, random.nextDouble() * 0.6, i + 1, List.of(new Stint(0, "A4", 0, 0), new Stint(stop, "A3", 0, 0))));
        }
        return new RaceSetup(20, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.of(3), 2, TRACK, drivers, List.of(), Map.of());
    }

    private static Incidents chances() {
        Map<String, Double> p = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            p.put("D" + i, 0.05);
        }
        return new Incidents(Map.of(), 0.6, p, p, new double[] {0.5, 0.4, 0.1}, new double[] {0.364, 0.136, 0.136, 0.08, 0.193, 0.091},
                new double[] {0.2, 0.3, 0.3, 0.2}, 0.25, new double[] {0.5, 0.5});
    }

    @Test
    void withNothingLeftToChanceEveryRunIsTheRaceAsSetUp() {
        RaceSetup race = field(new Random(1));
        RaceOutcome once = RaceSimulation.run(race);
        MonteCarlo.Odds odds = MonteCarlo.odds(race, Incidents.none(), RaceRegulations.none(), 7, 50, done -> { });
        for (RaceOutcome.Finisher f : once.classification()) {
            int d = odds.drivers().indexOf(f.driver());
            assertThat(odds.positions()[d][f.position() - 1]).as(f.driver()).isEqualTo(50);
        }
        assertThat(Incidents.none().random()).isFalse();
        assertThat(chances().random()).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameOddsAndEveryRunPlacesEveryone() {
        RaceSetup race = field(new Random(2));
        MonteCarlo.Odds a = MonteCarlo.odds(race, chances(), RaceRegulations.none(), 11, 300, done -> { });
        MonteCarlo.Odds b = MonteCarlo.odds(race, chances(), RaceRegulations.none(), 11, 300, done -> { });
        MonteCarlo.Odds c = MonteCarlo.odds(race, chances(), RaceRegulations.none(), 12, 300, done -> { });
        assertThat(a.positions()).isDeepEqualTo(b.positions());
        assertThat(a.positions()).isNotEqualTo(c.positions());
        for (int d = 0; d < 12; d++) {
            assertThat(java.util.Arrays.stream(a.positions()[d]).sum()).isEqualTo(300);
            int place = d;
            assertThat(java.util.Arrays.stream(a.positions()).mapToInt(row -> row[place]).sum()).isEqualTo(300);
        }
        double wins = 0;
        for (int d = 0; d < 12; d++) {
            wins += a.win(d);
        }
        assertThat(wins).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        // Chance spreads the field: nobody finishes where the race as set up puts him every time.
        assertThat(java.util.stream.IntStream.range(0, 12).filter(d -> java.util.Arrays.stream(a.positions()[d]).anyMatch(v -> v == 300)))
                .isEmpty();
        assertThat(java.util.Arrays.stream(a.retirements()).sum()).isPositive();
    }

    @Test
    void identicalCandidatesMeetTheSameRacesAndTie() {
        RaceSetup race = field(new Random(3));
        Driver d = race.drivers().get(4);
        List<MonteCarlo.Candidate> candidates = List.of(new MonteCarlo.Candidate("first", d.strategy()),
                new MonteCarlo.Candidate("again", d.strategy()),
                new MonteCarlo.Candidate("late stop", List.of(new Stint(0, "A4", 0, 0), new Stint(17, "A3", 0, 0))));
        List<MonteCarlo.Ranked> ranked = MonteCarlo.rank(race, "D4", candidates, chances(), RaceRegulations.none(), 5, 400, done -> { });
        MonteCarlo.Ranked first = ranked.stream().filter(r -> r.label().equals("first")).findFirst().orElseThrow();
        MonteCarlo.Ranked again = ranked.stream().filter(r -> r.label().equals("again")).findFirst().orElseThrow();
        // Common random numbers: the same strategy meets the same 400 races, so the paired difference is exactly zero.
        assertThat(again.meanPosition()).isEqualTo(first.meanPosition());
        assertThat(again.behindBest()).isEqualTo(first.behindBest());
        assertThat(ranked.getFirst().behindBest()).isZero();
        assertThat(ranked.getFirst().behindBestHalfWidth()).isZero();
        // Measured in pairs, a difference is known far better than either mean position.
        MonteCarlo.Ranked last = ranked.getLast();
        assertThat(last.behindBest()).isPositive();
        assertThat(last.behindBestHalfWidth()).isLessThan(last.meanPositionHalfWidth() + first.meanPositionHalfWidth());
    }

    private static final java.util.concurrent.atomic.AtomicInteger DRY_MORE_OFTEN = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void theLighterFillWasSometimesTheDifference() {
        assertThat(DRY_MORE_OFTEN.get()).as("seeds where the lighter fill ran dry more often").isGreaterThan(5);
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    /** Less fuel at the stop: never a longer standstill, and on the same drawn races never running dry less often. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lessFuelStandsShorterAndRunsDryAtLeastAsOften(long seed) {
        Random random = new Random(seed);
        RaceSetup race = field(random);
        int stop = 8 + random.nextInt(6);
        double needed = (20 - stop) * 1.8;
        double more = needed + random.nextDouble() * 2 - 1;
        double less = more - 0.5 - random.nextDouble() * 3;
        Driver base = race.drivers().getFirst();
        List<Stint> heavy = List.of(new Stint(0, "A4", 0, stop * 1.8 + 1), new Stint(stop, "A3", 0, more));
        List<Stint> light = List.of(new Stint(0, "A4", 0, stop * 1.8 + 1), new Stint(stop, "A3", 0, less));
        assertThat(RaceSimulation.standstill(TRACK, base, less)).isLessThanOrEqualTo(RaceSimulation.standstill(TRACK, base, more));
        int dryHeavy = 0;
        int dryLight = 0;
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int run = 0; run < 30; run++) {
            long s = seeds.nextLong();
            dryHeavy += dry(race, base, heavy, s);
            dryLight += dry(race, base, light, s);
        }
        if (dryLight > dryHeavy) {
            DRY_MORE_OFTEN.incrementAndGet();
        }
        assertThat(dryLight).as("running dry with %.1f instead of %.1f", less, more).isGreaterThanOrEqualTo(dryHeavy);
    }

    private static int dry(RaceSetup race, Driver base, List<Stint> strategy, long seed) {
        List<Driver> field = new ArrayList<>(race.drivers());
        field.set(0, base.withStrategy(strategy));
        RaceSetup mine = race.withDrivers(field);
        RaceOutcome outcome = RaceSimulation.run(chances().draw(mine, new SplittableRandom(seed)));
        return outcome.of(base.initials()).reason().equals("out of fuel") ? 1 : 0;
    }

    @Test
    void tumsMonteCarloFileGivesEachDriverHisChances() {
        java.nio.file.Path file = RaceSimulationTest.tum().resolve("pars_Austin_2019.ini");
        TumParameters.TumRace race = TumParameters.read(file);
        Incidents chances = TumParameters.incidents(RaceSimulationTest.tum().resolve("pars_mcs.ini"), race);
        Driver hamilton = race.setup().drivers().stream().filter(d -> d.initials().equals("HAM")).findFirst().orElseThrow();

        assertThat(chances.lapSigma()).containsKey("HAM");
        assertThat(chances.lapSigma().get("HAM")).isBetween(0.4, 0.9);
        assertThat(chances.failure().get("HAM")).isBetween(0.0, 0.3);
        assertThat(chances.safetyCars()).containsExactly(0.455, 0.413, 0.099, 0.033);
        assertThat(chances.random()).isTrue();
        StrategyFile.Race any = StrategyFile.readAny(file);
        assertThat(any.incidents().lapSigma()).isEqualTo(chances.lapSigma());
        assertThat(any.setup().drivers()).contains(hamilton);
        MonteCarlo.Odds odds = MonteCarlo.odds(race.setup().withoutEvents(), chances, RaceRegulations.none(), 1, 40, done -> { });
        assertThat(odds.drivers()).hasSize(race.setup().drivers().size());
    }
}
