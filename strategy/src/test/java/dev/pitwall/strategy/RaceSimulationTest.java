package dev.pitwall.strategy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The race model on TUM's 121 parameter files (LGPL-3.0, TU Munich) and on small races built to isolate one effect
 * at a time.
 */
class RaceSimulationTest {

    static Path tum() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/data/tum-race-simulation"))) {
                return dir.resolve("shared/data/tum-race-simulation");
            }
        }
        throw new AssertionError("shared/data/tum-race-simulation not found beside the checkout");
    }

    static Stream<Path> races() throws IOException {
        return Files.list(tum()).filter(f -> f.getFileName().toString().matches("pars_[A-Za-z]+_\\d{4}\\.ini")).sorted();
    }

    @Test
    void thereAre121Races() throws IOException {
        assertThat(races()).hasSize(121);
    }

    @ParameterizedTest
    @MethodSource("races")
    void everyRaceReplaysWithItsRealStrategiesAndEvents(Path file) {
        TumParameters.TumRace race = TumParameters.read(file);
        RaceOutcome outcome = RaceSimulation.run(race.setup());

        assertThat(outcome.classification()).hasSize(race.setup().drivers().size());
        assertThat(outcome.order()).doesNotHaveDuplicates();
        RaceOutcome.Finisher winner = outcome.classification().getFirst();
        assertThat(winner.laps()).isEqualTo(race.setup().laps());
        assertThat(winner.retired()).isFalse();
        for (RaceOutcome.Finisher f : outcome.classification()) {
            assertThat(f.laps()).isBetween(0, race.setup().laps());
            if (race.setup().retirements().containsKey(f.driver())) {
                assertThat(f.retired()).as(f.driver() + " retired in the real race").isTrue();
                assertThat(f.laps()).isEqualTo((int) Math.floor(race.setup().retirements().get(f.driver())));
            }
        }
        // A plausible race: the winner's average lap within a few seconds of the base lap.
        double average = winner.raceTime() / winner.laps();
        assertThat(average).isBetween(race.setup().track().baseLap() - 1, race.setup().track().baseLap() * 1.6);
        // Deterministic.
        assertThat(RaceSimulation.run(race.setup()).order()).isEqualTo(outcome.order());
    }

    @Test
    void tumsFilesNameTheDriverWhoseRunAloneTimesTheCautions() {
        TumParameters.TumRace mexico = TumParameters.read(tum().resolve("pars_MexicoCity_2019.ini"));
        assertThat(mexico.setup().referenceDriver()).contains("HAM");
        assertThat(mexico.setup().drivers()).anyMatch(d -> d.initials().equals("HAM"));
    }

    // --- one effect at a time -------------------------------------------------------------------------------------

    private static final Track TRACK = new Track("Test Ring", 90, 0.03, 1, 18, 0, 12, -2, 12, true, 2.0, 0.15, 1.0, 1.5, -0.02,
            -0.5, 1.6, 1.4);

    private static Car car(OptionalDouble refuel) {
        return new Car("Team", 0, 100, 1.8, 0.25, 0.5, 0.5, refuel);
    }

    private static Driver driver(String initials, int grid, List<Stint> strategy, Car car) {
        return new Driver(initials, initials, car, 0, grid, 320, 1.0, 0.25, 0.5,
                Map.of("A3", new Degradation.Linear(0, 0.08), "A4", new Degradation.Linear(-0.6, 0.15)), strategy);
    }

    /** A car of the test team on one set of A3 for the whole race, with this pace deficit, grid slot and wear a lap. */
    private static Driver oneStint(String initials, double pace, int grid, double wearPerLap) {
        return new Driver(initials, initials, car(OptionalDouble.empty()), pace, grid, 320, 1.0, 0.25, 0.5,
                Map.of("A3", new Degradation.Linear(0, wearPerLap)), List.of(new Stint(0, "A3", 0, 0)));
    }

    /** A race on the test track with these cars and cautions, no DRS. */
    private static RaceSetup race(int laps, List<Driver> drivers, List<Caution> cautions) {
        return new RaceSetup(laps, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.empty(), 2, TRACK, drivers, cautions, Map.of());
    }

    private static RaceSetup alone(Driver d, int laps) {
        return new RaceSetup(laps, 0.5, 0.8, 0.3, 0.3, 1.0, OptionalInt.of(3), 2, TRACK, List.of(d), List.of(), Map.of());
    }

    @Test
    void anotherStopCostsTimeWithEverythingElseEqual() {
        Car c = car(OptionalDouble.empty());
        double oneStop = RaceSimulation.run(alone(driver("ONE", 1, List.of(new Stint(0, "A3", 0, 0), new Stint(25, "A3", 0, 0)), c), 50))
                .of("ONE").raceTime();
        double twoStops = RaceSimulation.run(alone(driver("TWO", 1,
                List.of(new Stint(0, "A3", 0, 0), new Stint(25, "A3", 0, 0), new Stint(26, "A3", 0, 0)), c), 50)).of("TWO").raceTime();
        assertThat(twoStops).isGreaterThan(oneStop + TRACK.pitOutLap());
    }

    static LongStream seeds() {
        return LongStream.range(1, 101);
    }

    /**
     * An extra stop that changes nothing else (the same compound, fitted at the age the old set had reached, no fuel)
     * costs at least both pit-lane losses and the tyre change, whatever the strategy around it.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCarThatPitsMoreLosesMoreWithEverythingElseEqual(long seed) {
        Random random = new Random(seed);
        int laps = 10 + random.nextInt(50);
        Car c = car(OptionalDouble.empty());
        List<Stint> base = new ArrayList<>(List.of(new Stint(0, random.nextBoolean() ? "A3" : "A4", random.nextInt(3), 0)));
        for (int stops = random.nextInt(3), lap = 0; stops > 0 && lap < laps - 2; stops--) {
            lap += 1 + random.nextInt(Math.max(1, (laps - lap) / 2));
            if (lap < laps - 1) {
                base.add(new Stint(lap, random.nextBoolean() ? "A3" : "A4", 0, 0));
            }
        }
        int extraAt;
        do {
            extraAt = 1 + random.nextInt(laps - 1);
        } while (stopsAt(base, extraAt));
        List<Stint> more = new ArrayList<>();
        for (int s = 0; s < base.size(); s++) {
            Stint stint = base.get(s);
            more.add(stint);
            int end = s + 1 < base.size() ? base.get(s + 1).inLap() : laps;
            if (extraAt > stint.inLap() && extraAt < end) {
                more.add(new Stint(extraAt, stint.compound(), stint.tyreAge() + extraAt - stint.inLap(), 0));
            }
        }

        double once = RaceSimulation.run(alone(driver("ONE", 1, base, c), laps)).of("ONE").raceTime();
        double twice = RaceSimulation.run(alone(driver("ONE", 1, more, c), laps)).of("ONE").raceTime();

        assertThat(twice).isGreaterThanOrEqualTo(once + TRACK.pitInLap() + TRACK.pitOutLap() + TRACK.tyreChangeMin() - 1e-9);
    }

    private static boolean stopsAt(List<Stint> strategy, int lap) {
        return strategy.stream().anyMatch(s -> s.inLap() == lap);
    }

    /**
     * Saving fuel: with more fuel than the race needs the tank empties at the flag either way, so saving costs exactly
     * its price every lap; with a tank too small to finish flat out but enough when saving, only the saving car sees
     * the flag.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void savingFuelCostsItsPriceEveryLapAndCanBringTheCarHome(long seed) {
        Random random = new Random(seed);
        int laps = 10 + random.nextInt(40);
        double burn = 1 + 2 * random.nextDouble();
        double saving = 0.03 + 0.17 * random.nextDouble(); // short by at least 0.15 kg flat out: more than rounding
        double costPerPercent = 0.01 + 0.1 * random.nextDouble();
        List<Stint> flatOut = List.of(new Stint(0, "A3", 0, 0));
        List<Stint> saver = List.of(new Stint(0, "A3", 0, 0, saving));

        Car ample = new Car("Team", 0, burn * laps * 1.5, burn, 0.25, 0.5, 0.5, OptionalDouble.empty(), Car.PitWork.SIMULTANEOUS,
                costPerPercent);
        double full = RaceSimulation.run(alone(driver("FUL", 1, flatOut, ample), laps)).of("FUL").raceTime();
        double saved = RaceSimulation.run(alone(driver("SAV", 1, saver, ample), laps)).of("SAV").raceTime();
        assertThat(saved - full).isCloseTo(laps * saving * 100 * costPerPercent, within(1e-6));

        Car tight = new Car("Team", 0, burn * laps * (1 - saving / 2), burn, 0.25, 0.5, 0.5, OptionalDouble.empty(),
                Car.PitWork.SIMULTANEOUS, costPerPercent);
        RaceOutcome.Finisher dry = RaceSimulation.run(alone(driver("FUL", 1, flatOut, tight), laps)).of("FUL");
        RaceOutcome.Finisher home = RaceSimulation.run(alone(driver("SAV", 1, saver, tight), laps)).of("SAV");
        assertThat(dry.reason()).isEqualTo("out of fuel");
        assertThat(home.retired()).isFalse();
        assertThat(home.laps()).isEqualTo(laps);
    }

    /** Refuelling and the tyre change one after the other cost the shorter of the two on top of doing them together. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aSequentialStopLastsAsLongAsBothJobsASimultaneousOneAsTheLonger(long seed) {
        Random random = new Random(seed);
        int laps = 6 + random.nextInt(30);
        int stopAfter = 1 + random.nextInt(laps - 2);
        double rate = 0.05 + 0.5 * random.nextDouble();
        double fill = 3 + 40 * random.nextDouble();
        double extra = 2 * random.nextDouble();
        List<Stint> plan = List.of(new Stint(0, "A3", 0, 2.0 * stopAfter), new Stint(stopAfter, "A4", 0, fill));
        Car together = new Car("Team", 0, 0, 2.0, 0.25, 0.5, extra, OptionalDouble.of(rate), Car.PitWork.SIMULTANEOUS, 0);
        Car oneThenOther = new Car("Team", 0, 0, 2.0, 0.25, 0.5, extra, OptionalDouble.of(rate), Car.PitWork.SEQUENTIAL, 0);

        double tyres = TRACK.tyreChangeMin() + extra;
        double fuel = fill * rate;
        assertThat(RaceSimulation.standstill(TRACK, driver("TOG", 1, plan, together), fill)).isEqualTo(Math.max(tyres, fuel));
        assertThat(RaceSimulation.standstill(TRACK, driver("SEQ", 1, plan, oneThenOther), fill)).isCloseTo(tyres + fuel, within(1e-12));
        double a = RaceSimulation.run(alone(driver("TOG", 1, plan, together), laps)).raceTimeByLap().get("TOG")[stopAfter];
        double b = RaceSimulation.run(alone(driver("SEQ", 1, plan, oneThenOther), laps)).raceTimeByLap().get("SEQ")[stopAfter];
        assertThat(b - a).isCloseTo(Math.min(tyres, fuel), within(1e-6));
    }

    @Test
    void lessFuelMeansAShorterStopAndRunningDry() {
        Car refuelling = new Car("Team", 0, 20, 2.0, 0.25, 0.5, 0.5, OptionalDouble.of(0.1));
        double full = RaceSimulation.run(alone(driver("FUL", 1, List.of(new Stint(0, "A3", 0, 0), new Stint(10, "A4", 0, 22)), refuelling), 20))
                .of("FUL").raceTime();
        RaceOutcome light = RaceSimulation.run(alone(driver("LIT", 1,
                List.of(new Stint(0, "A3", 0, 0), new Stint(10, "A4", 0, 19)), refuelling), 20));
        // 3 kg less: 0.3 s less standing still, a lighter car; and the tank is empty before the flag.
        assertThat(light.of("LIT").retired()).isTrue();
        assertThat(light.of("LIT").reason()).isEqualTo("out of fuel");
        assertThat(light.of("LIT").laps()).isLessThan(20);
        double[] lightHistory = light.raceTimeByLap().get("LIT");
        double[] fullHistory = RaceSimulation.run(alone(driver("FUL", 1,
                List.of(new Stint(0, "A3", 0, 0), new Stint(10, "A4", 0, 22)), refuelling), 20)).raceTimeByLap().get("FUL");
        assertThat(lightHistory[10]).isLessThan(fullHistory[10]); // the out-lap: a shorter stop
        assertThat(full).isPositive();
    }

    @Test
    void aFasterCarNeedsEnoughOfAnAdvantageToPass() {
        Driver slow = oneStint("SLO", 0.3, 1, 0.08);
        Driver quick = oneStint("QCK", 0.0, 2, 0.08);
        RaceSetup race = race(5, List.of(slow, quick), List.of());
        // 0.3 s a lap is less than the 1.5 s needed to pass: held behind for five laps.
        assertThat(RaceSimulation.run(race).order()).containsExactly("SLO", "QCK");
        Driver muchQuicker = oneStint("MQK", -2.0, 2, 0.08);
        assertThat(RaceSimulation.run(race.withDrivers(List.of(slow, muchQuicker))).order()).containsExactly("MQK", "SLO");
    }

    @Test
    void aSafetyCarBunchesTheField() {
        Driver leader = oneStint("LDR", -1.0, 1, 0.05);
        Driver second = oneStint("SEC", 0.0, 2, 0.05);
        RaceSetup green = race(20, List.of(leader, second), List.of());
        RaceSetup caution = race(20, List.of(leader, second), List.of(new Caution(Caution.Kind.SAFETY_CAR, 15.0, 17.0)));
        double gapGreen = RaceSimulation.run(green).raceTimeByLap().get("SEC")[16] - RaceSimulation.run(green).raceTimeByLap().get("LDR")[16];
        double[] sec = RaceSimulation.run(caution).raceTimeByLap().get("SEC");
        double[] ldr = RaceSimulation.run(caution).raceTimeByLap().get("LDR");
        assertThat(sec[16] - ldr[16]).isLessThan(gapGreen).isGreaterThanOrEqualTo(0.8 - 1e-9);
    }

    @Test
    void aPassCostsBothCarsTheDuelAndThePassedCarMore() {
        Driver slow = oneStint("SLO", 0.3, 1, 0.08);
        Driver quick = oneStint("MQK", -2.0, 2, 0.08);
        RaceSetup race = race(5, List.of(slow, quick), List.of());
        RaceOutcome both = RaceSimulation.run(race);
        double slowAlone = RaceSimulation.run(race.withDrivers(List.of(slow))).of("SLO").raceTime();
        double quickAlone = RaceSimulation.run(race.withDrivers(List.of(quick))).of("MQK").raceTime();
        // Passed in the first lap (TUM's rule: cars that close fight, both lose the duel's time; the passed car more).
        assertThat(both.order()).containsExactly("MQK", "SLO");
        assertThat(both.of("MQK").raceTime()).isCloseTo(quickAlone + 0.3, within(1e-9));
        assertThat(both.of("SLO").raceTime()).isCloseTo(slowAlone + 0.3 + 0.3, within(1e-9));
    }

    @Test
    void theFieldClosesUpOnlyFromTheLapAfterTheSafetyCarComesOut() {
        Driver leader = oneStint("LDR", -1.0, 1, 0.05);
        Driver second = oneStint("SEC", 0.0, 2, 0.05);
        RaceSetup green = race(20, List.of(leader, second), List.of());
        RaceSetup caution = race(20, List.of(leader, second), List.of(new Caution(Caution.Kind.SAFETY_CAR, 14.4, 17.0)));
        double[] ldrGreen = RaceSimulation.run(green).raceTimeByLap().get("LDR");
        double[] secGreen = RaceSimulation.run(green).raceTimeByLap().get("SEC");
        double[] ldr = RaceSimulation.run(caution).raceTimeByLap().get("LDR");
        double[] sec = RaceSimulation.run(caution).raceTimeByLap().get("SEC");
        // Lap 15, the one it comes out in, at 40% of the leader's lap: from that moment both run the caution's pace
        // (90 s x 1.4). The second car, 14 s behind, is then at an earlier point of its own lap, so more of its lap is
        // slow: its share is where its race time meets the caution's start. Nobody is held yet.
        assertThat(sec[13] - ldr[13]).isCloseTo(secGreen[13] - ldrGreen[13], within(1e-9));
        double leaderGreen = ldrGreen[14] - ldrGreen[13];
        double secondGreen = secGreen[14] - secGreen[13];
        double comesOut = ldr[13] + 0.4 * leaderGreen;
        double secondShare = (sec[13] + secondGreen - comesOut) / secondGreen;
        assertThat(secondShare).isGreaterThan(0.6);
        assertThat(ldr[14] - ldr[13]).isCloseTo(0.4 * leaderGreen + 0.6 * 126, within(1e-9));
        assertThat(sec[14] - sec[13]).isCloseTo((1 - secondShare) * secondGreen + secondShare * 126, within(1e-9));
        assertThat(sec[14] - ldr[14]).isGreaterThan(sec[13] - ldr[13] + 0.4);
        // Lap 16: the safety car holds the leader to its own, slower pace, and the second car closes up on the queue,
        // the difference of the two paces a lap; in lap 17 it reaches the queue, the gap per place behind.
        assertThat(sec[15] - ldr[15]).isLessThan(sec[14] - ldr[14] - 10).isGreaterThan(0.8);
        assertThat(sec[16] - ldr[16]).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void aTimePenaltyIsAddedAtTheFlagAndCanCostPlaces() {
        Driver first = oneStint("FST", -0.2, 1, 0.05);
        Driver second = oneStint("SND", 0.0, 2, 0.05);
        RaceSetup race = race(10, List.of(first, second), List.of());
        RaceOutcome clean = RaceSimulation.run(race);
        double gap = clean.of("SND").raceTime() - clean.of("FST").raceTime();
        assertThat(clean.order()).containsExactly("FST", "SND");

        RaceOutcome small = RaceSimulation.run(race.withTimePenalties(Map.of("FST", gap / 2)));
        RaceOutcome large = RaceSimulation.run(race.withTimePenalties(Map.of("FST", gap + 5)));
        assertThat(small.order()).containsExactly("FST", "SND");
        assertThat(small.of("FST").raceTime()).isCloseTo(clean.of("FST").raceTime() + gap / 2, within(1e-9));
        assertThat(large.order()).containsExactly("SND", "FST");
        assertThatThrownBy(() -> race.withTimePenalties(Map.of("FST", -1.0))).hasMessageContaining("FST: a time penalty");
    }

    @Test
    void aCarOutOnTheLastLapIsClassifiedByTheLapsItCompletedAheadOfACarLappedBeforeIt() {
        // The sporting code classifies by laps completed, then by who completed them first, retired or running.
        Driver leader = oneStint("LDR", 0, 1, 0.05);
        Driver out = oneStint("OUT", 0.5, 2, 0.05);
        Driver lapped = oneStint("LAP", 12, 3, 0.05);
        Driver early = oneStint("EAR", 0.5, 4, 0.05);
        RaceOutcome outcome = RaceSimulation.run(race(10, List.of(leader, out, lapped, early), List.of())
                .withEvents(List.of(), Map.of("OUT", 9.5, "EAR", 2.5)));

        assertThat(outcome.of("OUT").laps()).isEqualTo(9);
        assertThat(outcome.of("LAP").laps()).isEqualTo(9);
        assertThat(outcome.of("OUT").raceTime()).isLessThan(outcome.of("LAP").raceTime());
        assertThat(outcome.order()).containsExactly("LDR", "OUT", "LAP", "EAR");
        assertThat(outcome.of("OUT").retired()).isTrue();
        assertThat(outcome.of("LAP").retired()).isFalse();
    }

    @Test
    void aStrategyOnACompoundWithoutParametersIsRefused() {
        assertThatThrownBy(() -> driver("BAD", 1, List.of(new Stint(0, "A7", 0, 0)), car(OptionalDouble.empty())))
                .hasMessageContaining("no degradation for compound A7");
    }
}
