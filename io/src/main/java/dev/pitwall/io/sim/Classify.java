package dev.pitwall.io.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders a session's cars the way the rules do when a file's own order cannot be trusted or is not given, and works out
 * the classification within each class. Every difference from what the file states is reported, never silently fixed.
 */
final class Classify {

    private Classify() {
    }

    /**
     * A race: running and finished cars by laps (most first) then total time, then the retired, the disqualified and
     * the non-starters. {@code position} of each entry is what the file states (0 when it states none); where it
     * differs from the order by the rules, a warning says so.
     */
    static List<SimEntry> race(List<SimEntry> entries, boolean positionsStated, List<String> warnings) {
        List<SimEntry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingInt((SimEntry e) -> group(e.status()))
                .thenComparing(Comparator.comparingInt(SimEntry::laps).reversed())
                .thenComparing(e -> e.totalTime().orElse(Duration.ofSeconds(Long.MAX_VALUE / 2)))
                .thenComparingInt(e -> e.position() <= 0 ? Integer.MAX_VALUE : e.position()));
        int leaderLaps = order.stream().filter(e -> group(e.status()) == 0).mapToInt(SimEntry::laps).max().orElse(0);
        List<SimEntry> out = new ArrayList<>();
        for (SimEntry e : order) {
            int position = out.size() + 1;
            if (positionsStated && e.position() > 0 && e.position() != position) {
                warnings.add(e.driver() + " is " + position + " by laps and time; the file says " + e.position());
            }
            String status = e.status().equals("finished") && e.laps() < leaderLaps ? "laps down" : e.status();
            out.add(renumbered(e, position, status));
        }
        return out;
    }

    /**
     * In the order the file states (its {@code position}s), for files whose own order is authoritative where their
     * times are not (a total time the game does not write and a reader can only estimate): lapped cars marked.
     */
    static List<SimEntry> asStated(List<SimEntry> entries, boolean race) {
        List<SimEntry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingInt(e -> e.position() <= 0 ? Integer.MAX_VALUE : e.position()));
        int leaderLaps = order.isEmpty() ? 0 : order.getFirst().laps();
        List<SimEntry> out = new ArrayList<>();
        for (SimEntry e : order) {
            String status = race && e.status().equals("finished") && e.laps() < leaderLaps ? "laps down" : e.status();
            out.add(renumbered(e, out.size() + 1, status));
        }
        return out;
    }

    /** Qualifying or practice: by best lap, cars without one after in the file's order. */
    static List<SimEntry> byBestLap(List<SimEntry> entries) {
        List<SimEntry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparing((SimEntry e) -> e.bestLap().orElse(Duration.ofSeconds(Long.MAX_VALUE / 2))));
        List<SimEntry> out = new ArrayList<>();
        for (SimEntry e : order) {
            out.add(renumbered(e, out.size() + 1, e.status()));
        }
        return out;
    }

    /**
     * The position of each car among its class, when the session has more than one class; where the file states a
     * class position that differs, a warning says so and the order by the rules stands.
     */
    static List<SimEntry> classPositions(List<SimEntry> entries, List<String> warnings) {
        LinkedHashSet<String> classes = new LinkedHashSet<>();
        entries.forEach(e -> e.carClass().ifPresent(classes::add));
        if (classes.size() < 2) {
            return entries.stream().map(e -> e.withClassPosition(Optional.empty())).toList();
        }
        Map<String, Integer> counters = new LinkedHashMap<>();
        List<SimEntry> out = new ArrayList<>();
        for (SimEntry e : entries) {
            Optional<Integer> derived = e.carClass().map(c -> counters.merge(c, 1, Integer::sum));
            if (derived.isPresent() && e.classPosition().isPresent() && !e.classPosition().equals(derived)) {
                warnings.add(e.driver() + " is " + derived.get() + " in " + e.carClass().orElseThrow() + "; the file says "
                        + e.classPosition().get());
            }
            out.add(e.withClassPosition(derived));
        }
        return out;
    }

    private static SimEntry renumbered(SimEntry e, int position, String status) {
        return new SimEntry(position, e.carClass(), e.classPosition(), e.drivers(), e.platformId(), e.team(), e.car(), e.number(),
                e.laps(), e.totalTime(), e.bestLap(), status, e.penalties());
    }

    /** Classified (finished, laps down, running) first, then the retired, the disqualified, the non-starters. */
    static int group(String status) {
        if (status.startsWith("retired")) {
            return 1;
        }
        return switch (status) {
            case "disqualified" -> 2;
            case "did not start" -> 3;
            default -> 0;
        };
    }
}
