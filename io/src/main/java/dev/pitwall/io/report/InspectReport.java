package dev.pitwall.io.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.RaceTime;
import dev.pitwall.io.sim.SimEntry;
import dev.pitwall.io.sim.SimPenalty;
import dev.pitwall.io.sim.SimSession;

import java.util.List;

/**
 * The classification a game's result file yields: {@code {"format": "acc", "session": "race", "track": "...",
 * "results": [{"position": 1, "class": "...", "driver": "...", "laps": 23, "time": "...", "status": "finished",
 * "penalties": [...]}]}}.
 */
@JsonPropertyOrder({"format", "session", "track", "results", "warnings"})
public record InspectReport(String format, String session, String track, List<Row> results, List<String> warnings) implements Report {

    @JsonPropertyOrder({"position", "class", "classPosition", "driver", "drivers", "platformId", "team", "car", "number", "laps", "time",
            "bestLap", "status", "penalties"})
    public record Row(int position, @com.fasterxml.jackson.annotation.JsonProperty("class") String carClass, Integer classPosition,
                      String driver, List<String> drivers, String platformId, String team, String car, Integer number, int laps, String time,
                      String bestLap, String status, List<Penalty> penalties) {
    }

    /**
     * A penalty the game gave: {@code {"penalty": "+80s post-race time (Cutting)", "kind": "post-race time", "reason":
     * "Cutting", "seconds": 80, "inResult": true}}; {@code inResult} says whether the file's times already include it.
     */
    @JsonPropertyOrder({"penalty", "kind", "reason", "seconds", "laps", "inResult"})
    public record Penalty(String penalty, String kind, String reason, java.math.BigDecimal seconds, Integer laps, boolean inResult) {

        static Penalty of(SimPenalty p) {
            return new Penalty(p.describe(), p.kind().words(), p.reason().isEmpty() ? null : p.reason(),
                    p.time().map(t -> java.math.BigDecimal.valueOf(t.toMillis(), 3).stripTrailingZeros()).orElse(null),
                    p.laps() > 0 ? p.laps() : null, p.inResult());
        }
    }

    public static InspectReport of(SimSession session) {
        return new InspectReport(session.format(), session.session(), session.track(),
                session.results().stream().map(InspectReport::row).toList(), session.warnings());
    }

    private static Row row(SimEntry e) {
        return new Row(e.position(), e.carClass().orElse(null), e.classPosition().orElse(null), e.driver(), e.drivers(), e.platformId().orElse(null), e.team().orElse(null),
                e.car().orElse(null), e.number().orElse(null), e.laps(), e.totalTime().map(RaceTime::format).orElse(null),
                e.bestLap().map(RaceTime::format).orElse(null), e.status(),
                e.penalties().stream().map(Penalty::of).toList());
    }

    @Override
    public TextTable table() {
        return new TextTable(format + " " + session + " at " + track,
                List.of(TextTable.Column.number("Pos"), TextTable.Column.text("Class"), TextTable.Column.number("In class"), TextTable.Column.text("Driver"),
                        TextTable.Column.number("Laps"), TextTable.Column.number("Time"), TextTable.Column.number("Best lap"),
                        TextTable.Column.text("Status"), TextTable.Column.text("Penalties")),
                results.stream().map(r -> List.of(Integer.toString(r.position()), r.carClass() == null ? "" : r.carClass(),
                        r.classPosition() == null ? "" : Integer.toString(r.classPosition()), r.driver(),
                        Integer.toString(r.laps()), r.time() == null ? "" : r.time(), r.bestLap() == null ? "" : r.bestLap(), r.status(),
                        String.join("; ", r.penalties().stream().map(Penalty::penalty).toList()))).toList(),
                warnings);
    }
}
