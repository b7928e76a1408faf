package dev.pitwall.core.rules;

import dev.pitwall.core.model.Points;

import java.util.OptionalInt;

/**
 * Bonus points for the fastest lap of a race.
 *
 * @param shareTies             drivers who set the same fastest time share the bonus equally (1954 British GP:
 *                              seven drivers, 1/7 of a point each); otherwise each of them gets it in full
 * @param requireClassifiedTop  only a driver classified in this top N scores it (Formula 1 2019-2024: top 10)
 */
public record FastestLapBonus(Points points, boolean shareTies, OptionalInt requireClassifiedTop) {

    public FastestLapBonus {
        if (!points.isPositive()) {
            throw new IllegalArgumentException("a fastest-lap bonus must be positive, was " + points);
        }
        if (requireClassifiedTop.isPresent() && requireClassifiedTop.getAsInt() < 1) {
            throw new IllegalArgumentException("the top that may score the fastest lap must be at least 1");
        }
    }
}
