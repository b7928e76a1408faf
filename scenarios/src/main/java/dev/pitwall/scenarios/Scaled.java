package dev.pitwall.scenarios;

import dev.pitwall.core.model.Points;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exact points as whole numbers for a solver: every value in units of {@code 1/scale}, where {@code scale} is the least
 * common denominator of all the values a model holds (half points, sevenths of a shared fastest lap).
 */
record Scaled(long scale) {

    /** The scale that makes every value of these tables, rows and single values a whole number. */
    static Scaled of(List<Points[]> tables, Points[][] rows, List<Points> singles, Points[] more) {
        Stream<Points> all = Stream.of(tables.stream().flatMap(Arrays::stream), Arrays.stream(rows).flatMap(Arrays::stream),
                singles.stream(), Arrays.stream(more)).flatMap(s -> s);
        BigInteger lcm = all.map(p -> BigInteger.valueOf(p.denominator()))
                .reduce(BigInteger.ONE, (a, b) -> a.divide(a.gcd(b)).multiply(b));
        return new Scaled(lcm.longValueExact());
    }

    long of(Points p) {
        return Math.multiplyExact(p.numerator(), scale / p.denominator());
    }

    long[] of(Points[] values) {
        return Arrays.stream(values).mapToLong(this::of).toArray();
    }

    long[][] of(Points[][] rows) {
        return Arrays.stream(rows).map(this::of).toArray(long[][]::new);
    }

    long[] of(List<Points> values) {
        return values.stream().mapToLong(this::of).toArray();
    }
}
