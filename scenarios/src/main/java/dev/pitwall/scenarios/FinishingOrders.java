package dev.pitwall.scenarios;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Draws the finishing order of a race for a simulation, with no allocation per race: assumed places are kept, the
 * other entries finish in a uniformly random order, or by a Plackett-Luce strength model (the Gumbel trick).
 */
final class FinishingOrders {

    /** Plackett-Luce strengths, or null for uniform orders. */
    private final double[] strength;
    private final int[] free;
    private final double[] keys;
    private final boolean[] taken;

    FinishingOrders(int entries, Optional<double[]> strength) {
        this.strength = strength.orElse(null);
        this.free = new int[entries];
        this.keys = new double[entries];
        this.taken = new boolean[entries + 1];
    }

    /** Fills {@code place[e]} (1-based) for every entry e, keeping {@code assumed[e]} where it is not 0. */
    void draw(RandomGenerator random, int[] assumed, int[] place) {
        int count = 0;
        Arrays.fill(taken, false);
        for (int e = 0; e < assumed.length; e++) {
            if (assumed[e] > 0) {
                place[e] = assumed[e];
                taken[assumed[e]] = true;
            } else {
                free[count++] = e;
            }
        }
        order(random, count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            while (taken[p + 1]) {
                p++;
            }
            p++;
            place[free[i]] = p;
        }
    }

    /** Puts the first {@code count} entries of {@code free} in a random finishing order. */
    private void order(RandomGenerator random, int count) {
        if (strength == null) {
            for (int i = count - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = free[i];
                free[i] = free[j];
                free[j] = t;
            }
            return;
        }
        // Plackett-Luce by the Gumbel trick: sorting log-strength plus Gumbel noise draws the order exactly.
        for (int i = 0; i < count; i++) {
            keys[i] = -(Math.log(strength[free[i]]) - Math.log(-Math.log(random.nextDouble(Double.MIN_VALUE, 1.0))));
        }
        for (int i = 1; i < count; i++) {
            double key = keys[i];
            int e = free[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                free[j + 1] = free[j];
                j--;
            }
            keys[j + 1] = key;
            free[j + 1] = e;
        }
    }
}
