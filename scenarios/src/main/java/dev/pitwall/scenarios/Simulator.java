package dev.pitwall.scenarios;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Monte Carlo title odds on the season model's numbers, with no allocation per simulated race: every remaining race
 * finishes in a random order (uniformly, or by a Plackett-Luce strength model fitted to the results so far), the totals
 * and best-N results follow, and drivers level on points are separated by the tie-break chain (sharing the title when
 * it cannot separate them).
 */
final class Simulator {

    private final SeasonModel season;
    private final int[][] assumed;
    private final FinishingOrders orders;
    private final int races;
    private final int n;
    // Work arrays, reused run after run.
    private final int[][] places;
    private final long[] totals;
    private final long[] byRound;
    private final int[] place;
    private final int[] level;
    private final int[] champions;

    Simulator(SeasonModel season, int[][] assumed, Optional<double[]> strength) {
        this.season = season;
        this.assumed = assumed;
        this.orders = new FinishingOrders(season.n, strength);
        this.races = season.remaining.size();
        this.n = season.n;
        this.places = new int[n][races];
        this.totals = new long[n];
        this.byRound = new long[season.rounds];
        this.place = new int[n];
        this.level = new int[n];
        this.champions = new int[n];
    }

    /** Title shares per driver over {@code runs} simulated seasons (a shared title counts as a fraction). */
    double[] run(RandomGenerator random, int runs) {
        double[] wins = new double[n];
        for (int run = 0; run < runs; run++) {
            simulate(random);
            credit(wins);
        }
        return wins;
    }

    /** One simulated rest of the season: every driver's places and final total. */
    void simulate(RandomGenerator random) {
        for (int k = 0; k < races; k++) {
            orders.draw(random, assumed[k], place);
            for (int d = 0; d < n; d++) {
                places[d][k] = place[d];
            }
        }
        for (int d = 0; d < n; d++) {
            if (season.dropRule.isEmpty()) {
                long t = season.fixed[d];
                for (long v : season.pastByRound[d]) {
                    t += v;
                }
                for (int k = 0; k < races; k++) {
                    t += season.points[k][places[d][k] - 1];
                }
                totals[d] = t;
            } else {
                System.arraycopy(season.pastByRound[d], 0, byRound, 0, byRound.length);
                for (int k = 0; k < races; k++) {
                    byRound[season.roundOf[k] - 1] += season.points[k][places[d][k] - 1];
                }
                totals[d] = season.fixed[d] + season.counted(byRound);
            }
        }
    }

    /** Credits the champion of the simulated season; drivers the tie-break chain cannot separate share it. */
    private void credit(double[] wins) {
        long best = Long.MIN_VALUE;
        int levels = 0;
        for (int d = 0; d < n; d++) {
            if (totals[d] > best) {
                best = totals[d];
                levels = 1;
                level[0] = d;
            } else if (totals[d] == best) {
                level[levels++] = d;
            }
        }
        if (levels == 1) {
            wins[level[0]] += 1;
            return;
        }
        int count = 0;
        for (int i = 0; i < levels; i++) {
            int d = level[i];
            boolean beaten = false;
            for (int j = 0; j < levels && !beaten; j++) {
                int r = level[j];
                beaten = r != d && season.tieAhead(r, places[r], d, places[d]).orElse(false);
            }
            if (!beaten) {
                champions[count++] = d;
            }
        }
        for (int i = 0; i < count; i++) {
            wins[champions[i]] += 1.0 / count;
        }
    }

    /**
     * Plackett-Luce strengths fitted to finishing orders by Hunter's minorisation-maximisation, with one pseudo-win per
     * driver against an average rival, so that a driver who has never beaten anyone keeps a small chance.
     */
    static double[] fit(int n, java.util.List<int[]> orders) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        double[] wins = new double[n];
        for (int[] order : orders) {
            for (int i = 0; i < order.length - 1; i++) {
                wins[order[i]]++;
            }
        }
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] denominator = new double[n];
            for (int[] order : orders) {
                double rest = 0;
                for (int d : order) {
                    rest += w[d];
                }
                double sum = 0;
                for (int i = 0; i < order.length - 1; i++) {
                    sum += 1.0 / rest;
                    denominator[order[i]] += sum;
                    rest -= w[order[i]];
                }
                denominator[order[order.length - 1]] += sum;
            }
            double mean = Arrays.stream(w).average().orElse(1);
            double total = 0;
            for (int d = 0; d < n; d++) {
                w[d] = (wins[d] + 1) / (denominator[d] + 2.0 / (w[d] + mean));
                total += w[d];
            }
            for (int d = 0; d < n; d++) {
                w[d] *= n / total;
            }
        }
        return w;
    }
}
