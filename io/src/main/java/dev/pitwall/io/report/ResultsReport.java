package dev.pitwall.io.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.RaceTime;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.scoring.Classification;
import dev.pitwall.core.scoring.ClassifiedEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A race's classification after the stewards' decisions, with points:
 * {@code {"race": "Race 1", "results": [{"position": 1, "driver": "Valerio Gallo", "country": "Italy",
 * "time": "17'47.179", "gap": null, "points": 12, "penalties": []}, ...]}}. {@code position} is null for
 * a driver who is not classified; {@code time} is the race time with time penalties.
 */
@JsonPropertyOrder({"race", "results"})
public record ResultsReport(String race, List<Row> results, @JsonIgnore String regulations) implements Report {

    @JsonPropertyOrder({"position", "driver", "country", "status", "time", "gap", "points", "penalties"})
    public record Row(Integer position, String driver, String country, String status, String time, String gap, Points points,
                      List<Penalty> penalties) {
    }

    /** A stewards' decision shown beside the row it changed. */
    public record Penalty(String decision, String reason) {
    }

    public static ResultsReport of(Championship championship, Classification classification) {
        List<Row> rows = classification.entries().stream().map(e -> row(championship, e)).toList();
        return new ResultsReport(classification.race().name(), rows,
                describe(classification.race().name(), classification.race().rules()));
    }

    private static Row row(Championship championship, ClassifiedEntry e) {
        String gap = switch (e.finish()) {
            case Finish.LapsDown l -> "+" + l.laps() + (l.laps() == 1 ? " lap" : " laps");
            default -> e.gap().map(RaceTime::formatGap).orElse(null);
        };
        return new Row(e.position().isPresent() ? e.position().getAsInt() : null, e.driver(),
                championship.requireEntrant(e.driver()).country(), e.finish().status(),
                e.elapsed().map(RaceTime::format).orElse(null), gap, e.points(),
                e.decisions().stream().map(d -> new Penalty(d.summary(), d.reason())).toList());
    }

    @Override
    public TextTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : results) {
            String shown = r.position() != null && r.position() == 1 || r.gap() == null
                    ? (r.time() != null ? r.time() : statusShort(r.status())) : r.gap();
            rows.add(List.of(r.position() == null ? "-" : r.position().toString(), r.driver(), r.country(), shown,
                    r.points().toString(),
                    r.penalties().stream().map(p -> p.decision() + " (" + p.reason() + ")").collect(Collectors.joining("; "))));
        }
        return new TextTable(race + " — classification",
                List.of(TextTable.Column.number("Pos"), TextTable.Column.text("Driver"), TextTable.Column.text("Country"),
                        TextTable.Column.number("Time"), TextTable.Column.number("Points"), TextTable.Column.text("Penalties")),
                rows, List.of(regulations));
    }

    private static String statusShort(String status) {
        return switch (status) {
            case "retired" -> "DNF";
            case "did not start" -> "DNS";
            case "disqualified" -> "DSQ";
            case "not classified" -> "NC";
            default -> "";
        };
    }

    /** A line such as "Grand Final: Nürburgring 24h Layout, 7 laps, points x2". */
    static String describe(String race, RaceRules rules) {
        List<String> parts = new ArrayList<>();
        rules.track().ifPresent(parts::add);
        rules.laps().ifPresent(l -> parts.add(l + " laps"));
        rules.car().ifPresent(parts::add);
        parts.add(rules.tyres().describe());
        parts.add("refuelling " + rules.refuelling().name().toLowerCase(java.util.Locale.ROOT));
        parts.add("points " + rules.points() + (rules.multiplier().equals(Points.ONE) ? "" : " x" + rules.multiplier()));
        return race + ": " + String.join(", ", parts);
    }
}
