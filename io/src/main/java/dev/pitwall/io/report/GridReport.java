package dev.pitwall.io.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.scoring.Grid;

import java.util.List;

/**
 * A race's starting grid: {@code {"race": "Grand Final", "rule": "finishing order of Race 2",
 * "grid": [{"slot": 1, "driver": "Jose Serrano", "country": "Spain", "note": null}, ...]}}.
 */
@JsonPropertyOrder({"race", "rule", "grid"})
public record GridReport(String race, String rule, List<Slot> grid) implements Report {

    /** A grid slot; {@code note} says why a stewards' decision moved the driver. */
    @JsonPropertyOrder({"slot", "driver", "country", "note"})
    public record Slot(int slot, String driver, String country, String note) {
    }

    public static GridReport of(Championship championship, Grid grid) {
        return new GridReport(grid.race().name(), grid.race().rules().grid().describe(), grid.slots().stream()
                .map(s -> new Slot(s.slot(), s.driver(), championship.requireEntrant(s.driver()).country(),
                        s.note().isEmpty() ? null : s.note()))
                .toList());
    }

    @Override
    public TextTable table() {
        return new TextTable(race + " — starting grid (" + rule + ")",
                List.of(TextTable.Column.number("Slot"), TextTable.Column.text("Driver"), TextTable.Column.text("Country"),
                        TextTable.Column.text("Note")),
                grid.stream().map(s -> List.of(Integer.toString(s.slot()), s.driver(), s.country(), s.note() == null ? "" : s.note()))
                        .toList(),
                List.of());
    }
}
