package dev.pitwall.strategy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Kendall's rank correlation between two orders of the same drivers: 1 when they agree, -1 when one reverses the other. */
public final class Kendall {

    private Kendall() {
    }

    /**
     * Tau over the drivers in {@code reference}, ranked as {@code ordered} ranks them (drivers missing from it are
     * left out of both).
     */
    public static double tau(List<String> ordered, List<String> reference) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            rank.put(ordered.get(i), i);
        }
        List<String> both = reference.stream().filter(rank::containsKey).toList();
        int n = both.size();
        if (n < 2) {
            return 1.0;
        }
        long concordant = 0;
        long discordant = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rank.get(both.get(i)) < rank.get(both.get(j))) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        return (double) (concordant - discordant) / (concordant + discordant);
    }
}
