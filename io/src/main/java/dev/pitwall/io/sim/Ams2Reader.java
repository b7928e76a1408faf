package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Automobilista 2 (and Project CARS) dedicated-server {@code sms_stats} files. One file holds many sessions (a history
 * item per server event, a stage per session); every stage with results is a session. Positions
 * are {@code attributes.RacePosition}; times are milliseconds; names and Steam ids come from the session's members.
 */
final class Ams2Reader {

    private Ams2Reader() {
    }

    private static String steamIdByName(JsonNode root, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("stats").path("players").fields(); it.hasNext(); ) {
            var player = it.next();
            if (player.getValue().path("name").asText().equals(name)) {
                return player.getKey();
            }
        }
        return "";
    }

    static List<SimSession> read(Path file, JsonNode root) {
        List<SimSession> sessions = new ArrayList<>();
        for (JsonNode item : root.path("stats").path("history")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.path("stages").fields(); it.hasNext(); ) {
                var stage = it.next();
                if (stage.getValue().path("results").isArray() && !stage.getValue().path("results").isEmpty()) {
                    sessions.add(session(root, item, stage.getKey()));
                }
            }
        }
        if (sessions.isEmpty()) {
            sessions.add(new SimSession("automobilista2", "practice", "unknown track", List.of(), List.of("the file holds no session with results")));
        }
        return sessions;
    }

    private static SimSession session(JsonNode root, JsonNode chosenItem, String chosenStage) {
        List<String> warnings = new ArrayList<>();
        warnings.add("this is " + chosenStage + " of history item " + chosenItem.path("index").asInt());
        JsonNode members = chosenItem.path("members");
        List<JsonNode> results = new ArrayList<>();
        chosenItem.path("stages").path(chosenStage).path("results").forEach(results::add);
        results.sort((a, b) -> Integer.compare(a.path("attributes").path("RacePosition").asInt(Integer.MAX_VALUE),
                b.path("attributes").path("RacePosition").asInt(Integer.MAX_VALUE)));
        String session = chosenStage.startsWith("race") ? "race" : chosenStage.startsWith("qualifying") ? "qualifying" : "practice";
        int leaderLaps = results.stream().mapToInt(r -> r.path("attributes").path("Lap").asInt()).max().orElse(0);
        List<SimEntry> entries = new ArrayList<>();
        int position = 0;
        for (JsonNode r : results) {
            position++;
            JsonNode member = members.path(r.path("refid").asText());
            String name = r.path("name").asText().isBlank() ? member.path("name").asText() : r.path("name").asText();
            JsonNode a = r.path("attributes");
            int laps = a.path("Lap").asInt();
            String status = switch (a.path("State").asText()) {
                case "Finished" -> session.equals("race") && laps < leaderLaps ? "laps down" : "finished";
                case "Disqualified" -> "disqualified";
                case "Retired", "DNF" -> "retired";
                default -> "none";
            };
            long total = a.path("TotalTime").asLong();
            long best = a.path("FastestLapTime").asLong();
            String steam = member.path("steamid").asText();
            if (steam.isBlank() || steam.equals("0")) {
                steam = steamIdByName(root, name); // some files leave it out of members; stats.players has it
            }
            entries.add(new SimEntry(position, Optional.empty(), Optional.empty(), List.of(name.strip()),
                    steam.isBlank() || steam.equals("0") ? Optional.empty() : Optional.of(steam), Optional.empty(),
                    a.has("VehicleId") ? Optional.of("vehicle " + a.path("VehicleId").asLong()) : Optional.empty(), Optional.empty(),
                    laps, session.equals("race") && total > 0 ? Optional.of(Duration.ofMillis(total)) : Optional.empty(),
                    best > 0 ? Optional.of(Duration.ofMillis(best)) : Optional.empty(), status, List.of()));
        }
        String track = "track id " + chosenItem.path("setup").path("TrackId").asLong();
        if (track.endsWith(" 0")) {
            track = "unknown track";
        }
        return new SimSession("automobilista2", session, track, entries, warnings);
    }
}
