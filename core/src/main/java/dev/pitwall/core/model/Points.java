package dev.pitwall.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An exact number of championship points. Real series award half points (shortened races), 1/7 of a
 * point (shared fastest laps) and 12.5 points, so points are a reduced fraction, never a double.
 */
public record Points(long numerator, long denominator) implements Comparable<Points> {

    /** Whole numbers from 0 to 1023, made once: tables and totals are mostly these, built by the ten thousand. */
    private static final Points[] WHOLE = java.util.stream.LongStream.range(0, 1024).mapToObj(w -> new Points(w, 1))
            .toArray(Points[]::new);
    public static final Points ZERO = WHOLE[0];
    public static final Points ONE = WHOLE[1];

    public Points {
        if (denominator == 0) {
            throw new ArithmeticException("points with a zero denominator");
        }
        if (denominator < 0) {
            numerator = Math.negateExact(numerator);
            denominator = Math.negateExact(denominator);
        }
        long gcd = denominator == 1 ? 1 : gcd(Math.abs(numerator), denominator);
        if (gcd > 1) {
            numerator /= gcd;
            denominator /= gcd;
        }
    }

    public static Points of(long whole) {
        return whole >= 0 && whole < WHOLE.length ? WHOLE[(int) whole] : new Points(whole, 1);
    }

    public static Points of(long numerator, long denominator) {
        if (denominator == 1 || denominator > 1 && numerator % denominator == 0) {
            return of(numerator / denominator);
        }
        return new Points(numerator, denominator);
    }

    /** Parses {@code 12}, {@code -3}, {@code 12.5}, {@code 0.25} or {@code 1/7}. */
    public static Points parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash > 0) {
            return of(Long.parseLong(s.substring(0, slash).strip()), Long.parseLong(s.substring(slash + 1).strip()));
        }
        BigDecimal decimal = new BigDecimal(s);
        if (decimal.scale() <= 0) {
            return of(decimal.longValueExact());
        }
        return of(decimal.unscaledValue().longValueExact(), BigInteger.TEN.pow(decimal.scale()).longValueExact());
    }

    public Points plus(Points other) {
        if (other.numerator == 0) {
            return this;
        }
        if (numerator == 0) {
            return other;
        }
        if (denominator == 1 && other.denominator == 1) {
            return of(Math.addExact(numerator, other.numerator));
        }
        return of(Math.addExact(Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator)),
                Math.multiplyExact(denominator, other.denominator));
    }

    public Points minus(Points other) {
        return other.numerator == 0 ? this : plus(other.negate());
    }

    public Points times(Points other) {
        if (other.numerator == 1 && other.denominator == 1) {
            return this;
        }
        return of(Math.multiplyExact(numerator, other.numerator), Math.multiplyExact(denominator, other.denominator));
    }

    public Points dividedBy(long divisor) {
        if (divisor == 1) {
            return this;
        }
        return of(numerator, Math.multiplyExact(denominator, divisor));
    }

    public Points negate() {
        return of(Math.negateExact(numerator), denominator);
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public boolean isPositive() {
        return numerator > 0;
    }

    /** The exact decimal value, when it has one (every value but thirds, sevenths and the like). */
    public Optional<BigDecimal> toDecimal() {
        long d = denominator;
        while (d % 2 == 0) d /= 2;
        while (d % 5 == 0) d /= 5;
        if (d != 1) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(numerator).divide(new BigDecimal(denominator));
        return Optional.of(value.scale() > 0 ? value.stripTrailingZeros() : value);
    }

    /** The value rounded half up to this many decimal places, as records that print decimals show it. */
    public BigDecimal rounded(int places) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), places, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Points other) {
        if (denominator == other.denominator) {
            return Long.compare(numerator, other.numerator);
        }
        return Long.compare(Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator));
    }

    /** {@code 12}, {@code 12.5} or {@code 1/7}. */
    @Override
    public String toString() {
        return toDecimal().map(BigDecimal::toPlainString).orElse(numerator + "/" + denominator);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
