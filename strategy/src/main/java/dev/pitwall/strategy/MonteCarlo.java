package dev.pitwall.strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Many simulated races of one setup, each drawn from its {@link Incidents} with a seed of its own and classified as its
 * {@link RaceRegulations} say (a finisher whose strategy breaks them is disqualified): the distribution of
 * every driver's finishing position, and candidate strategies for one driver ranked against the field with common
 * random numbers (in run r every candidate meets the same drawn race: the same noise, cautions and failures), so that
 * the differences between candidates are measured with far less noise than the positions themselves.
 */
public final class MonteCarlo {

    private MonteCarlo() {
    }

    /**
     * Finishing positions over the runs: {@code positions[d][p-1]} is how many runs driver d (in the setup's order)
     * finished p-th, the retired classified by the laps they completed, as the race classifies them.
     */
    public record Odds(List<String> drivers, int runs, int[][] positions, int[] retirements) {

        public Odds {
            drivers = List.copyOf(drivers);
        }

        /** The share of runs driver d finished in the top {@code places}. */
        public double top(int d, int places) {
            int count = 0;
            for (int p = 0; p < Math.min(places, positions[d].length); p++) {
                count += positions[d][p];
            }
            return (double) count / runs;
        }

        public double win(int d) {
            return top(d, 1);
        }

        public double podium(int d) {
            return top(d, 3);
        }

        public double meanPosition(int d) {
            double sum = 0;
            for (int p = 0; p < positions[d].length; p++) {
                sum += (p + 1.0) * positions[d][p];
            }
            return sum / runs;
        }

        /** The standard error of a share estimated from these runs. */
        public double standardError(double share) {
            return Math.sqrt(share * (1 - share) / runs);
        }
    }

    /** The seed of each run: the same for every candidate, so that they meet the same races. */
    private static long[] runSeeds(long seed, int runs) {
        SplittableRandom base = new SplittableRandom(seed);
        long[] seeds = new long[runs];
        for (int r = 0; r < runs; r++) {
            seeds[r] = base.nextLong();
        }
        return seeds;
    }

    /** The finishing-position distribution of every driver over {@code runs} drawn races; {@code progress} hears each run done. */
    public static Odds odds(RaceSetup race, Incidents incidents, RaceRegulations regulations, long seed, int runs, IntConsumer progress) {
        int n = race.drivers().size();
        List<String> drivers = race.drivers().stream().map(Driver::initials).toList();
        int[][] positions = new int[n][n];
        int[] retired = new int[n];
        long[] seeds = runSeeds(seed, runs);
        for (int r = 0; r < runs; r++) {
            RaceOutcome outcome = regulations.apply(RaceSimulation.run(incidents.draw(race, new SplittableRandom(seeds[r]))), race);
            for (RaceOutcome.Finisher f : outcome.classification()) {
                int d = drivers.indexOf(f.driver());
                positions[d][f.position() - 1]++;
                retired[d] += f.retired() ? 1 : 0;
            }
            progress.accept(r + 1);
        }
        return new Odds(drivers, runs, positions, retired);
    }

    /**
     * Every run's finishing order, winner first, by the drivers' names (the retired classified by the laps they completed):
     * a race model to fit, for the championship odds.
     */
    public static List<List<String>> orders(RaceSetup race, Incidents incidents, RaceRegulations regulations, long seed, int runs) {
        List<List<String>> orders = new ArrayList<>(runs);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        race.drivers().forEach(d -> names.put(d.initials(), d.name()));
        for (long runSeed : runSeeds(seed, runs)) {
            orders.add(regulations.apply(RaceSimulation.run(incidents.draw(race, new SplittableRandom(runSeed))), race).order().stream()
                    .map(names::get).toList());
        }
        return orders;
    }

    /** A strategy to try for the driver, with a label for tables. */
    public record Candidate(String label, List<Stint> strategy) {
        public Candidate {
            strategy = List.copyOf(strategy);
        }
    }

    /**
     * A candidate's results over the runs: mean finishing position and win share, each with the half-width of its 95%
     * confidence interval, and the mean paired difference in position to the best candidate (0 for the best itself) with
     * its own interval: a difference whose interval excludes 0 is real, not noise.
     */
    public record Ranked(String label, List<Stint> strategy, double meanPosition, double meanPositionHalfWidth, double win,
                         double winHalfWidth, double behindBest, double behindBestHalfWidth) {
        public Ranked {
            strategy = List.copyOf(strategy);
        }
    }

    /**
     * Ranks candidate strategies for one driver against the field as set up: run r draws the same race for every
     * candidate. Best mean finishing position first; {@code progress} hears each run done (candidates times runs).
     */
    public static List<Ranked> rank(RaceSetup race, String driver, List<Candidate> candidates, Incidents incidents,
                                    RaceRegulations regulations, long seed, int runs, IntConsumer progress) {
        Driver d = race.drivers().stream().filter(x -> x.initials().equals(driver)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no driver " + driver + " in the race"));
        long[] seeds = runSeeds(seed, runs);
        int[][] position = new int[candidates.size()][runs];
        int done = 0;
        for (int c = 0; c < candidates.size(); c++) {
            List<Driver> field = new ArrayList<>(race.drivers());
            field.set(field.indexOf(d), d.withStrategy(candidates.get(c).strategy()));
            RaceSetup withCandidate = race.withDrivers(field);
            for (int r = 0; r < runs; r++) {
                position[c][r] = regulations.apply(RaceSimulation.run(incidents.draw(withCandidate, new SplittableRandom(seeds[r]))),
                        withCandidate).of(driver).position();
                progress.accept(++done);
            }
        }
        int best = 0;
        for (int c = 1; c < candidates.size(); c++) {
            best = mean(position[c]) < mean(position[best]) ? c : best;
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            double[] wins = new double[runs];
            double[] paired = new double[runs];
            double[] pos = new double[runs];
            for (int r = 0; r < runs; r++) {
                wins[r] = position[c][r] == 1 ? 1 : 0;
                paired[r] = position[c][r] - position[best][r];
                pos[r] = position[c][r];
            }
            ranked.add(new Ranked(candidates.get(c).label(), candidates.get(c).strategy(), mean(pos), halfWidth(pos), mean(wins),
                    halfWidth(wins), mean(paired), halfWidth(paired)));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::meanPosition));
        return ranked;
    }

    private static double mean(int[] values) {
        double sum = 0;
        for (int v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Half the width of the 95% confidence interval of the mean (normal approximation). */
    private static double halfWidth(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return 1.96 * Math.sqrt(ss / (values.length - 1) / values.length);
    }
}
