package dev.pitwall.io.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.scoring.Disagreement;

import java.util.List;

/**
 * Every published number the regulations contradict: {@code {"disagreements": [{"race": "Grand Final",
 * "position": 4, "driver": "Valerio Gallo", "field": "points", "published": 12, "computed": 14, ...}]}}.
 */
public record AuditReport(String championship, List<Row> disagreements) implements Report {

    @JsonPropertyOrder({"race", "position", "driver", "field", "published", "computed", "explanation"})
    public record Row(String race, int position, String driver, String field, Points published, Points computed, String explanation) {
    }

    public static AuditReport of(String championship, List<Disagreement> disagreements) {
        return new AuditReport(championship, disagreements.stream()
                .map(d -> new Row(d.race(), d.position(), d.driver(), d.field(), d.published(), d.computed(), d.explanation()))
                .toList());
    }

    @Override
    public TextTable table() {
        return new TextTable(championship + " — audit of the published results: "
                + (disagreements.isEmpty() ? "every published number agrees with the regulations"
                : disagreements.size() + (disagreements.size() == 1 ? " disagreement" : " disagreements")),
                List.of(TextTable.Column.text("Race"), TextTable.Column.number("Pos"), TextTable.Column.text("Driver"),
                        TextTable.Column.text("Field"), TextTable.Column.number("Published"), TextTable.Column.number("Computed"),
                        TextTable.Column.text("Why")),
                disagreements.stream().map(d -> List.of(d.race(), Integer.toString(d.position()), d.driver(), d.field(),
                        d.published().toString(), d.computed().toString(), d.explanation())).toList(),
                List.of());
    }
}
