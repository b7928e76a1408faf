package dev.pitwall.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The fastest legal strategy for one car in free air (no opponents, no cautions), by dynamic programming over stints:
 * the best time to have run the first {@code L} laps having used a given set of compounds, built from the best of
 * every earlier stint end, compound and stint length. Each stint runs on a fresh set (the first on the set the car
 * starts on). Without refuelling the car carries the race's fuel from the start; with it, each stint takes just
 * the fuel it burns, and the standstill is the longer of the tyre change and the refuelling.
 */
public final class StrategyOptimizer {

    private StrategyOptimizer() {
    }

    /** The plan found and its race time, exactly as {@link RaceSimulation} runs the car alone. */
    public record Plan(List<Stint> stints, double raceTime) {
        public Plan {
            stints = List.copyOf(stints);
        }

        public int stops() {
            return stints.size() - 1;
        }
    }

    /**
     * The fastest plan for {@code driver} (his own first stint's compound and tyre age are free choices; the starting
     * tyre age of his current strategy is kept) with at most {@code maxStops} stops, among plans whose set of
     * compounds {@code legal} accepts (the regulations: "use at least two dry compounds").
     */
    public static Plan fastest(RaceSetup race, Driver driver, int maxStops, Predicate<Set<String>> legal) {
        List<String> compounds = new ArrayList<>(new TreeSet<>(driver.tyres().keySet()));
        int k = compounds.size();
        int laps = race.laps();
        boolean refuel = driver.car().refuelSecondsPerKg().isPresent();
        int startAge = driver.strategy().getFirst().tyreAge();
        double[] fuelAtLap = fuelWithoutStops(race, driver);
        // best[s][L][mask]: s stops made, L laps run (a stint ending at L), compounds used.
        double[][][] best = new double[maxStops + 1][laps + 1][1 << k];
        int[][][] fromLap = new int[maxStops + 1][laps + 1][1 << k];
        int[][][] fromMask = new int[maxStops + 1][laps + 1][1 << k];
        int[][][] compoundOf = new int[maxStops + 1][laps + 1][1 << k];
        for (double[][] a : best) {
            for (double[] b : a) {
                java.util.Arrays.fill(b, Double.POSITIVE_INFINITY);
            }
        }
        // Every stint's time, worked out once: the first (on the starting set) ending at each lap, and every later one
        // (fresh set) from each lap to each later lap.
        double[][] firstStint = new double[k][laps + 1];
        double[][][] stint = new double[k][laps + 1][laps + 1];
        for (int c = 0; c < k; c++) {
            stintTimes(race, driver, compounds.get(c), 1, startAge, refuel, fuelAtLap, firstStint[c]);
            for (int from = 2; from <= laps; from++) {
                stintTimes(race, driver, compounds.get(c), from, 0, refuel, fuelAtLap, stint[c][from]);
            }
        }
        double[] stopAfter = new double[laps + 1]; // a stop before a stint of this many laps
        for (int length = 1; length <= laps; length++) {
            stopAfter[length] = stop(race, driver, refuel ? driver.car().burnPerLap() * length : 0);
        }
        for (int end = 1; end <= laps; end++) {
            for (int c = 0; c < k; c++) {
                double t = firstStint[c][end];
                int mask = 1 << c;
                if (t < best[0][end][mask]) {
                    best[0][end][mask] = t;
                    fromLap[0][end][mask] = 0;
                    compoundOf[0][end][mask] = c;
                }
            }
        }
        for (int s = 1; s <= maxStops; s++) {
            for (int start = 1; start < laps; start++) {
                for (int mask = 1; mask < (1 << k); mask++) {
                    double before = best[s - 1][start][mask];
                    if (before == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    for (int c = 0; c < k; c++) {
                        double[] times = stint[c][start + 1];
                        int m = mask | (1 << c);
                        for (int end = start + 1; end <= laps; end++) {
                            double t = before + stopAfter[end - start] + times[end];
                            if (t < best[s][end][m]) {
                                best[s][end][m] = t;
                                fromLap[s][end][m] = start;
                                fromMask[s][end][m] = mask;
                                compoundOf[s][end][m] = c;
                            }
                        }
                    }
                }
            }
        }
        double bestTime = Double.POSITIVE_INFINITY;
        int bestStops = -1;
        int bestMask = 0;
        for (int s = 0; s <= maxStops; s++) {
            for (int mask = 1; mask < (1 << k); mask++) {
                if (best[s][laps][mask] < bestTime && legal.test(names(compounds, mask))) {
                    bestTime = best[s][laps][mask];
                    bestStops = s;
                    bestMask = mask;
                }
            }
        }
        if (bestStops < 0) {
            throw new IllegalArgumentException("no legal strategy with at most " + maxStops + " stops for " + driver.initials());
        }
        List<Stint> stints = new ArrayList<>();
        int end = laps;
        int mask = bestMask;
        for (int s = bestStops; s >= 0; s--) {
            int start = fromLap[s][end][mask];
            int c = compoundOf[s][end][mask];
            double fuel = refuel ? driver.car().burnPerLap() * (end - start) : 0;
            stints.addFirst(new Stint(start, compounds.get(c), s == 0 ? startAge : 0, fuel));
            int previousMask = fromMask[s][end][mask];
            end = start;
            mask = previousMask;
        }
        return new Plan(stints, bestTime);
    }

    private static Set<String> names(List<String> compounds, int mask) {
        Set<String> used = new TreeSet<>();
        for (int c = 0; c < compounds.size(); c++) {
            if ((mask & (1 << c)) != 0) {
                used.add(compounds.get(c));
            }
        }
        return used;
    }

    /** Fuel on board at the start of each lap (1-based) when the car carries the race's fuel from the start. */
    private static double[] fuelWithoutStops(RaceSetup race, Driver driver) {
        double[] fuel = new double[race.laps() + 2];
        fuel[1] = driver.car().fuelAtStart();
        for (int lap = 1; lap <= race.laps(); lap++) {
            double burn = Math.max(driver.car().burnPerLap(), Math.max(0, fuel[lap]) / (race.laps() - lap + 1));
            fuel[lap + 1] = fuel[lap] - burn;
        }
        return fuel;
    }

    /**
     * {@code out[to]}: the time of laps {@code from}..{@code to} on one set, for every {@code to}, summed lap by lap in
     * the simulation's order so the totals are the simulation's own. Without refuelling the fuel on board depends only
     * on the lap, so each total extends the one before; with it a stint carries just its own fuel, so each is summed anew.
     */
    private static void stintTimes(RaceSetup race, Driver d, String compound, int from, int age, boolean refuel, double[] fuelAtLap,
                                   double[] out) {
        Degradation tyre = d.tyres().get(compound);
        double running = 0;
        for (int to = from; to < out.length; to++) {
            if (refuel) {
                double t = 0;
                for (int lap = from; lap <= to; lap++) {
                    t += RaceSimulation.greenLap(race.track(), d, tyre, age + lap - from, d.car().burnPerLap() * (to - lap + 1), lap == from, lap);
                }
                out[to] = t;
            } else {
                running += RaceSimulation.greenLap(race.track(), d, tyre, age + to - from, fuelAtLap[to], to == from, to);
                out[to] = running;
            }
        }
    }

    /** A stop in green running: both pit-lane losses and the standstill. */
    private static double stop(RaceSetup race, Driver d, double fuel) {
        return race.track().pitInLap() + race.track().pitOutLap() + RaceSimulation.standstill(race.track(), d, fuel);
    }
}
