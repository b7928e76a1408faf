package dev.pitwall.scenarios;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A strength model fitted to finishing orders from elsewhere, as the odds use it. */
class StrengthsTest {

    @Test
    void theDriverWhoWinsMostIsStrongestAndOthersGetTheMean() {
        List<List<String>> orders = new ArrayList<>();
        for (int run = 0; run < 30; run++) {
            orders.add(run % 3 == 0 ? List.of("B", "A", "C") : List.of("A", "B", "C"));
        }
        Strengths s = Strengths.fit(orders, "30 races");

        assertThat(s.byDriver().get("A")).isGreaterThan(s.byDriver().get("B"));
        assertThat(s.byDriver().get("B")).isGreaterThan(s.byDriver().get("C"));
        double mean = (s.byDriver().get("A") + s.byDriver().get("B") + s.byDriver().get("C")) / 3;
        assertThat(mean).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.of(List.of("C", "X", "A"))).containsExactly(new double[] {s.byDriver().get("C"), mean, s.byDriver().get("A")},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.source()).isEqualTo("30 races");
    }

    @Test
    void aStrengthIsPositive() {
        assertThatThrownBy(() -> new Strengths(Map.of("A", 0.0), "nowhere")).hasMessageContaining("A: a strength is a positive number");
        assertThatThrownBy(() -> new Strengths(Map.of("A", Double.NaN), "nowhere")).hasMessageContaining("positive");
    }
}
