package dev.pitwall.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A race model for the title odds: each driver's Plackett-Luce strength (relative; the mean is 1), and the finishing
 * orders it was fitted to. By default the odds fit it to the season's results so far; a strength model from elsewhere
 * (simulated races of the strategy lab, say) replaces that fit. Drivers it does not name get the mean strength.
 */
public record Strengths(Map<String, Double> byDriver, String source) {

    public Strengths {
        byDriver = Map.copyOf(byDriver);
        byDriver.forEach((driver, strength) -> {
            if (!(strength > 0) || strength.isInfinite()) {
                throw new IllegalArgumentException(driver + ": a strength is a positive number, was " + strength);
            }
        });
    }

    /** Fits strengths to finishing orders (winner first), by Hunter's minorisation-maximisation as the odds do. */
    public static Strengths fit(List<List<String>> orders, String source) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (List<String> order : orders) {
            order.forEach(d -> index.putIfAbsent(d, index.size()));
        }
        List<int[]> indexed = new ArrayList<>(orders.size());
        for (List<String> order : orders) {
            indexed.add(order.stream().mapToInt(index::get).toArray());
        }
        double[] w = Simulator.fit(index.size(), indexed);
        Map<String, Double> byDriver = new LinkedHashMap<>();
        index.forEach((d, i) -> byDriver.put(d, w[i]));
        return new Strengths(byDriver, source);
    }

    /** The strengths of {@code drivers} in that order: named ones as given, the others the mean of those given. */
    double[] of(List<String> drivers) {
        double mean = byDriver.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
        return drivers.stream().mapToDouble(d -> byDriver.getOrDefault(d, mean)).toArray();
    }
}
