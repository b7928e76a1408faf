package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.GridRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.pitwall.core.scoring.Fixtures.race;
import static org.assertj.core.api.Assertions.assertThat;

class AuditTest {

    private static ResultRow row(int position, String driver, double seconds, Integer points) {
        return new ResultRow(position, driver, Finish.Finished.in(Fixtures.seconds(seconds)),
                Optional.ofNullable(points).map(Points::of));
    }

    private static Championship withSheet(RaceResult sheet) {
        return Fixtures.championship(List.of(race("Grand Final", 2, GridRule.qualifying(List.of()))),
                Fixtures.drivers("A", "B", "C"), List.of(), List.of(sheet), List.of());
    }

    @Test
    void pointsThatAgreeWithTheRegulationsPassAndThoseThatDoNotAreReported() {
        Championship c = withSheet(new RaceResult("Grand Final",
                List.of(row(1, "A", 600, 24), row(2, "B", 601, 16), row(3, "C", 602, null))));

        List<Disagreement> found = Audit.of(c);

        assertThat(found).hasSize(1);
        Disagreement d = found.getFirst();
        assertThat(d.race()).isEqualTo("Grand Final");
        assertThat(d.position()).isEqualTo(2);
        assertThat(d.driver()).isEqualTo("B");
        assertThat(d.field()).isEqualTo("points");
        assertThat(d.published()).isEqualTo(Points.of(16));
        assertThat(d.computed()).isEqualTo(Points.of(20));
        assertThat(d.explanation()).isEqualTo("2nd pays 10 x 2 = 20");
    }

    @Test
    void aPublishedPositionTheTimesContradictIsReported() {
        Championship c = withSheet(new RaceResult("Grand Final",
                List.of(row(1, "A", 600, null), row(2, "B", 603, null), row(3, "C", 602, null))));

        assertThat(Audit.of(c)).extracting(Disagreement::driver, Disagreement::field, d -> d.computed().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", "position", "3"),
                        org.assertj.core.groups.Tuple.tuple("C", "position", "2"));
    }

    @Test
    void aSheetThatAgreesHasNothingToReport() {
        Championship c = withSheet(new RaceResult("Grand Final",
                List.of(row(1, "A", 600, 24), row(2, "B", 601, 20), row(3, "C", 602, 16))));

        assertThat(Audit.of(c)).isEmpty();
    }
}
