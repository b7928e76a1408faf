package dev.pitwall.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointsTest {

    @Test
    void halfPointsForAShortenedRaceAreExact() {
        // Spa 2021: half points, 25 x 0.5 = 12.5
        assertThat(Points.of(25).times(Points.parse("0.5"))).isEqualTo(Points.of(25, 2));
        assertThat(Points.of(25, 2).toString()).isEqualTo("12.5");
    }

    @Test
    void aFastestLapPointSharedBySevenDriversIsASeventhEach() {
        Points share = Points.ONE.dividedBy(7);
        assertThat(share.toString()).isEqualTo("1/7");
        assertThat(share.toDecimal()).isEmpty();
        Points sum = Points.ZERO;
        for (int i = 0; i < 7; i++) {
            sum = sum.plus(share);
        }
        assertThat(sum).isEqualTo(Points.ONE);
    }

    @ParameterizedTest
    @CsvSource({"12, 12", "12.5, 12.5", "0.25, 0.25", "1/7, 1/7", "2/4, 0.5", "-3, -3", "10.0, 10"})
    void parsesAndPrints(String text, String printed) {
        assertThat(Points.parse(text).toString()).isEqualTo(printed);
    }

    @Test
    void equalValuesAreEqualWhateverTheirForm() {
        assertThat(Points.of(2, 4)).isEqualTo(Points.of(1, 2)).hasSameHashCodeAs(Points.of(-1, -2));
        assertThat(Points.of(1, 3).compareTo(Points.of(1, 4))).isPositive();
    }

    @Test
    void aZeroDenominatorIsRefused() {
        assertThatThrownBy(() -> Points.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void additionIsExactOverManyRandomValues() {
        Random random = new Random(20241130);
        for (int i = 0; i < 2_000; i++) {
            long a = random.nextInt(1000);
            long b = random.nextInt(1000);
            long d1 = 1 + random.nextInt(12);
            long d2 = 1 + random.nextInt(12);
            Points sum = Points.of(a, d1).plus(Points.of(b, d2));
            assertThat(sum.minus(Points.of(b, d2))).isEqualTo(Points.of(a, d1));
            assertThat(sum.times(Points.of(d1 * d2))).isEqualTo(Points.of(a * d2 + b * d1));
        }
    }
}
