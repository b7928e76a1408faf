package dev.pitwall.strategy;

/**
 * A safety-car or virtual-safety-car phase, from and to race progress in laps (12.5 is halfway through lap 13).
 */
public record Caution(Kind kind, double from, double to) {

    public enum Kind { SAFETY_CAR, VIRTUAL_SAFETY_CAR }

    public Caution {
        if (!(to > from) || from < 0) {
            throw new IllegalArgumentException("a caution runs from a progress >= 0 to a later one, was " + from + " to " + to);
        }
    }

    /** The share of lap {@code lap} (1-based) run under this caution. */
    double shareOf(int lap) {
        return Math.max(0, Math.min(to, lap) - Math.max(from, lap - 1));
    }
}
