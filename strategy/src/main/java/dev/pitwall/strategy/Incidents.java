package dev.pitwall.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What happens by chance in a simulated race, for Monte Carlo runs (after TUM's race simulation): Gaussian noise on
 * every lap (a sigma per driver); safety-car phases, as probabilities of how many there are (0, 1, 2, ...), when one
 * starts (in the first lap, then in each fifth of the race) and how long it lasts (1, 2, ... laps), each brought out
 * by one driver's accident (the driver drawn in proportion to the accident rates); and a technical failure per car
 * with a probability per race, at a uniformly random point, followed by a virtual safety car with a probability,
 * lasting 1, 2, ... laps. The race's own cautions and retirements stay; drawn phases that would come within a lap and
 * a half of another are left out.
 *
 * @param lapSigma        sigma of each driver's lap-time noise in seconds, by initials
 * @param defaultLapSigma for drivers not in {@code lapSigma}
 * @param accident        each driver's accident rate (TUM's per-race probability), by initials: who crashes when a
 *                        safety car comes out
 * @param failure         probability per race of a technical failure, by initials
 */
public record Incidents(Map<String, Double> lapSigma, double defaultLapSigma, Map<String, Double> accident, Map<String, Double> failure,
                        double[] safetyCars, double[] safetyCarStart, double[] safetyCarLaps, double vscAfterFailure, double[] vscLaps) {

    public Incidents {
        lapSigma = Map.copyOf(lapSigma);
        accident = Map.copyOf(accident);
        failure = Map.copyOf(failure);
        safetyCars = safetyCars.clone();
        safetyCarStart = safetyCarStart.clone();
        safetyCarLaps = safetyCarLaps.clone();
        vscLaps = vscLaps.clone();
        if (defaultLapSigma < 0 || !(vscAfterFailure >= 0 && vscAfterFailure <= 1)) {
            throw new IllegalArgumentException("a lap-time sigma is at least 0 and a probability between 0 and 1");
        }
        for (Map<String, Double> p : List.of(accident, failure)) {
            p.forEach((driver, value) -> {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException(driver + ": a probability lies between 0 and 1, was " + value);
                }
            });
        }
        if (safetyCarStart.length != 0 && safetyCarStart.length != 6) {
            throw new IllegalArgumentException("safety-car starts are six probabilities: the first lap, then each fifth of the race");
        }
    }

    /** Nothing by chance: every run is the deterministic race. */
    public static Incidents none() {
        return new Incidents(Map.of(), 0, Map.of(), Map.of(), new double[] {1}, new double[0], new double[0], 0, new double[0]);
    }

    /** The same chances with every driver's lap-time noise at {@code sigma}. */
    public static Incidents noiseOnly(double sigma) {
        return new Incidents(Map.of(), sigma, Map.of(), Map.of(), new double[] {1}, new double[0], new double[0], 0, new double[0]);
    }

    /** Whether anything is left to chance: noise, an accident, a failure or a safety car. */
    public boolean random() {
        boolean safetyCar = safetyCars.length > 1 && Arrays.stream(safetyCars, 1, safetyCars.length).anyMatch(p -> p > 0);
        return defaultLapSigma > 0 || lapSigma.values().stream().anyMatch(v -> v > 0) || accident.values().stream().anyMatch(v -> v > 0)
                || failure.values().stream().anyMatch(v -> v > 0) || safetyCar;
    }

    /** One drawn race: the setup with the drawn cautions and retirements added, and each driver's noise on each lap. */
    public record Draw(RaceSetup race, double[][] lapNoise) {
    }

    /** Draws one race's chance events from {@code random}; the same random state gives the same race. */
    public Draw draw(RaceSetup race, RandomGenerator random) {
        List<Driver> drivers = race.drivers();
        int laps = race.laps();
        double[][] noise = new double[drivers.size()][laps];
        for (int i = 0; i < drivers.size(); i++) {
            double sigma = lapSigma.getOrDefault(drivers.get(i).initials(), defaultLapSigma);
            for (int lap = 0; lap < laps && sigma > 0; lap++) {
                noise[i][lap] = sigma * random.nextGaussian();
            }
        }
        // Copied only when something is drawn: most races keep the setup's own events, and a run is a few microseconds.
        List<Caution> cautions = race.cautions();
        Map<String, Double> retirements = race.retirements();
        // Safety cars first, each brought out by one driver's accident: the driver is drawn in proportion to the
        // accident rates, among those not already out (TUM: accidents always lead to a safety car).
        int phases = pick(safetyCars, random);
        for (int k = 0; k < phases && safetyCarStart.length == 6 && safetyCarLaps.length > 0; k++) {
            int bin = pick(safetyCarStart, random);
            double start = bin == 0 ? random.nextDouble() : laps * (bin - 1 + random.nextDouble()) / 5;
            double end = Math.min(laps, start + 1 + pick(safetyCarLaps, random));
            if (end > start) {
                Caution phase = new Caution(Caution.Kind.SAFETY_CAR, start, end);
                if (!tooClose(cautions, phase)) {
                    cautions = added(cautions, phase);
                    retirements = crash(drivers, retirements, start, random);
                }
            }
        }
        // Then technical failures, each with its chance, at a random point; one may bring out a virtual safety car.
        for (Driver d : drivers) {
            if (retirements.containsKey(d.initials()) || !(random.nextDouble() < failure.getOrDefault(d.initials(), 0.0))) {
                continue;
            }
            double at = random.nextDouble() * laps;
            retirements = with(retirements, d.initials(), at);
            if (vscLaps.length > 0 && random.nextDouble() < vscAfterFailure) {
                double length = 1 + pick(vscLaps, random) + random.nextDouble();
                Caution phase = new Caution(Caution.Kind.VIRTUAL_SAFETY_CAR, at, Math.min(laps, at + length));
                if (!tooClose(cautions, phase)) {
                    cautions = added(cautions, phase);
                }
            }
        }
        return new Draw(race.withEvents(cautions, retirements), noise);
    }

    /**
     * The retirements with the driver whose accident brings out a safety car at {@code at}, drawn by accident rate among
     * those still running (unchanged when nobody has an accident rate).
     */
    private Map<String, Double> crash(List<Driver> drivers, Map<String, Double> retirements, double at, RandomGenerator random) {
        double total = 0;
        for (Driver d : drivers) {
            total += retirements.containsKey(d.initials()) ? 0 : accident.getOrDefault(d.initials(), 0.0);
        }
        if (total <= 0) {
            return retirements;
        }
        double u = random.nextDouble() * total;
        for (Driver d : drivers) {
            double w = retirements.containsKey(d.initials()) ? 0 : accident.getOrDefault(d.initials(), 0.0);
            u -= w;
            if (w > 0 && u < 0) {
                return with(retirements, d.initials(), at);
            }
        }
        return retirements;
    }

    private static Map<String, Double> with(Map<String, Double> retirements, String driver, double at) {
        Map<String, Double> more = new HashMap<>(retirements);
        more.put(driver, at);
        return more;
    }

    /** Whether a caution comes within a lap and a half of one already there (TUM's smallest distance): it is left out. */
    private static boolean tooClose(List<Caution> cautions, Caution c) {
        for (Caution other : cautions) {
            if (c.from() < other.to() + 1.5 && other.from() < c.to() + 1.5) {
                return true;
            }
        }
        return false;
    }

    private static List<Caution> added(List<Caution> cautions, Caution c) {
        List<Caution> more = new ArrayList<>(cautions);
        more.add(c);
        return more;
    }

    /** An index drawn with the given probabilities (normalised). */
    private static int pick(double[] probabilities, RandomGenerator random) {
        double total = 0;
        for (double p : probabilities) {
            total += p; // a loop: drawn for every race, where a stream's sum costs more than the race's draw
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < probabilities.length; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }
}
