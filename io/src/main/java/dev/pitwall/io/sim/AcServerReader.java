package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Assetto Corsa dedicated-server results: the classification is the order of {@code Result[]}; laps are counted
 * from {@code Laps[]}; empty car slots (no driver name) are left out; 999999999 means no best lap.
 */
final class AcServerReader {

    private AcServerReader() {
    }

    static SimSession read(Path file, JsonNode root) {
        JsonNode result = root.get("Result");
        if (result == null || !result.isArray()) {
            throw SimResults.missing(file, "Result[], the classification");
        }
        Map<String, Integer> laps = new HashMap<>();
        for (JsonNode lap : root.path("Laps")) {
            laps.merge(lap.path("DriverName").asText(), 1, Integer::sum);
        }
        String session = switch (root.path("Type").asText().toUpperCase(Locale.ROOT)) {
            case "RACE" -> "race";
            case "QUALIFY" -> "qualifying";
            case "PRACTICE" -> "practice";
            default -> root.path("Type").asText().toLowerCase(Locale.ROOT);
        };
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode r : result) {
            if (!r.path("DriverName").asText().isBlank()) {
                rows.add(r);
            }
        }
        int leaderLaps = rows.isEmpty() ? 0 : laps.getOrDefault(rows.getFirst().path("DriverName").asText(), 0);
        List<SimEntry> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode r : rows) {
            position++;
            String name = r.path("DriverName").asText();
            int done = laps.getOrDefault(name, 0);
            long total = r.path("TotalTime").asLong();
            String status = done == 0 && total == 0 ? "did not start"
                    : session.equals("race") && done < leaderLaps ? "laps down" : "finished";
            long best = r.path("BestLap").asLong();
            entries.add(new SimEntry(position, Optional.empty(), Optional.empty(), List.of(name.strip()),
                    r.path("DriverGuid").asText().isBlank() ? Optional.empty() : Optional.of(r.path("DriverGuid").asText()),
                    Optional.empty(), Optional.of(r.path("CarModel").asText()), Optional.empty(), done,
                    total > 0 ? Optional.of(Duration.ofMillis(total)) : Optional.empty(),
                    best > 0 && best < 999999999L ? Optional.of(Duration.ofMillis(best)) : Optional.empty(), status, List.of()));
        }
        String track = root.path("TrackName").asText() + (root.path("TrackConfig").asText().isBlank() ? ""
                : " (" + root.path("TrackConfig").asText() + ")");
        return new SimSession("assetto-corsa-server", session, track, entries, List.of());
    }
}
