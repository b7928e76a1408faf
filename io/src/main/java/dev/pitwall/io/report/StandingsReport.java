package dev.pitwall.io.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.ArrayList;
import java.util.List;

/**
 * The championship table: {@code {"after": "Race 2", "standings": [{"position": 1, "driver": "Jose Serrano",
 * "country": "Spain", "points": 32, ...}]}}. {@code after} is null before any race has been run.
 */
@JsonPropertyOrder({"championship", "after", "standings"})
public record StandingsReport(String championship, String after, List<Row> standings) implements Report {

    /** One line of the table; {@code carryOverKnown} is false when earlier rounds' points are unknown. */
    @JsonPropertyOrder({"position", "driver", "country", "points", "onlineId", "wins", "carryOverKnown"})
    public record Row(Integer position, String driver, String country, Points points, String onlineId, int wins, boolean carryOverKnown) {
    }

    public static StandingsReport of(Championship championship, Standings standings) {
        List<Row> rows = standings.rows().stream().map(r -> row(championship, r)).toList();
        return new StandingsReport(championship.name(), standings.after().map(Race::name).orElse(null), rows);
    }

    private static Row row(Championship championship, StandingsRow r) {
        var entrant = championship.entrant(r.name());
        return new Row(r.position().isPresent() ? r.position().getAsInt() : null, r.name(),
                entrant.map(e -> e.country()).orElse(null), r.points(), entrant.flatMap(e -> e.onlineId()).orElse(null),
                r.wins(), r.carryOverKnown());
    }

    @Override
    public TextTable table() {
        Points leader = standings.isEmpty() ? Points.ZERO : standings.getFirst().points();
        List<List<String>> rows = new ArrayList<>();
        for (Row r : standings) {
            rows.add(List.of(r.position() == null ? "EX" : r.position().toString(), r.driver() + (r.carryOverKnown() ? "" : " *"),
                    r.country() == null ? "" : r.country(),
                    r.onlineId() == null ? "" : r.onlineId(), r.points().toString(),
                    r.points().equals(leader) ? "" : "-" + leader.minus(r.points()), Integer.toString(r.wins())));
        }
        List<String> notes = standings.stream().anyMatch(r -> !r.carryOverKnown())
                ? List.of("* points carried over from earlier rounds are not known for this driver: counted as 0")
                : List.of();
        return new TextTable(championship + " — standings " + (after == null ? "before the first race" : "after " + after),
                List.of(TextTable.Column.number("Pos"), TextTable.Column.text("Driver"), TextTable.Column.text("Country"),
                        TextTable.Column.text("Online ID"), TextTable.Column.number("Points"), TextTable.Column.number("Gap"),
                        TextTable.Column.number("Wins")),
                rows, notes);
    }
}
