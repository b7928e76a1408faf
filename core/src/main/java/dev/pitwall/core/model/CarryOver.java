package dev.pitwall.core.model;

/**
 * Points a driver brings from earlier rounds that are not part of this championship's results:
 * a known amount, or unknown (counted as zero, and said so wherever standings are shown).
 */
public sealed interface CarryOver {

    Points points();

    static CarryOver none() {
        return new Known(Points.ZERO);
    }

    static CarryOver of(Points points) {
        return new Known(points);
    }

    static CarryOver unknown() {
        return new Unknown();
    }

    default boolean isKnown() {
        return this instanceof Known;
    }

    record Known(Points points) implements CarryOver {
    }

    record Unknown() implements CarryOver {
        @Override
        public Points points() {
            return Points.ZERO;
        }
    }
}
