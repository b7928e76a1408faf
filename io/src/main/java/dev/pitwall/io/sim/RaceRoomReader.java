package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.pitwall.io.sim.SimResults.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RaceRoom Racing Experience dedicated-server JSON: one file per event, every session in {@code Sessions[]} with its
 * players in the server's order. Laps are counted from {@code RaceSessionLaps[]}; times are milliseconds with -1,
 * -1000 and 0 meaning none. A race is classified by the rules (laps, then time; retirements after the running cars)
 * and any difference from the server's {@code Position} is reported.
 */
final class RaceRoomReader {

    private RaceRoomReader() {
    }

    static boolean recognises(JsonNode root) {
        return root.has("Sessions") && root.path("Sessions").isArray() && root.has("Track");
    }

    static List<SimSession> read(Path file, JsonNode root) {
        String track = root.path("Track").asText("").strip();
        String layout = root.path("TrackLayout").isTextual() ? root.path("TrackLayout").asText().strip() : "";
        track = (track.isEmpty() ? "unknown track" : track) + (layout.isEmpty() ? "" : " (" + layout + ")");
        List<SimSession> sessions = new ArrayList<>();
        for (JsonNode s : root.path("Sessions")) {
            String type = s.path("Type").asText("");
            String lower = type.toLowerCase(Locale.ROOT);
            String session = lower.startsWith("race") ? "race" : lower.startsWith("qual") ? "qualifying"
                    : lower.startsWith("warm") ? "warmup" : "practice";
            List<String> warnings = new ArrayList<>();
            if (lower.startsWith("race") && !lower.equals("race")) {
                warnings.add("this is the file's " + type);
            }
            List<SimEntry> entries = new ArrayList<>();
            int order = 0;
            for (JsonNode p : s.path("Players")) {
                order++;
                String name = text(p, "FullName").or(() -> text(p, "Username")).orElse("");
                if (name.isEmpty()) {
                    name = "unknown";
                    warnings.add("player " + order + " of the " + type + " session has no name; called \"unknown\"");
                }
                int laps = p.path("RaceSessionLaps").isArray() ? p.path("RaceSessionLaps").size() : 0;
                String status = switch (p.path("FinishStatus").asText("None")) {
                    case "DidNotFinish" -> laps == 0 && session.equals("race") ? "did not start" : "retired";
                    case "Disqualified" -> "disqualified";
                    default -> "finished";
                };
                Optional<String> platformId = p.path("UserId").canConvertToLong() && p.path("UserId").asLong() > 0
                        ? Optional.of(p.path("UserId").asText()) : text(p, "Username");
                int position = p.path("Position").canConvertToInt() && p.path("Position").asInt() > 0 ? p.path("Position").asInt() : order;
                Optional<Integer> inClass = p.path("PositionInClass").canConvertToInt() && p.path("PositionInClass").asInt() > 0
                        ? Optional.of(p.path("PositionInClass").asInt()) : Optional.empty();
                entries.add(new SimEntry(position, Optional.empty(), inClass, List.of(name), platformId, Optional.empty(),
                        text(p, "Car"), Optional.empty(), laps, session.equals("race") ? time(p.path("TotalTime")) : Optional.empty(),
                        time(p.path("BestLapTime")), status, List.of()));
            }
            List<SimEntry> classified = session.equals("race") ? Classify.race(entries, true, warnings) : Classify.asStated(entries, false);
            sessions.add(new SimSession("raceroom-server", session, track, classified, warnings));
        }
        if (sessions.isEmpty()) {
            throw SimResults.missing(file, "at least one session in Sessions[]");
        }
        return sessions;
    }



    private static Optional<Duration> time(JsonNode ms) {
        return ms.canConvertToLong() && ms.asLong() > 0 ? Optional.of(Duration.ofMillis(ms.asLong())) : Optional.empty();
    }
}
