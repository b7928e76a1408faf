package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * iRacing's subsession results JSON (the Data API's {@code results/get}, or the website's export wrapping it in
 * {@code {"type": ..., "data": {...}}}), written from iRacing's documentation: every session of the event in
 * {@code session_results[]}, positions 0-based, times in ten-thousandths of a second with -1 meaning none, the
 * class of each car by {@code car_class_id}. The file has no total time per driver: the winner's is their average
 * lap times their laps, and a lead-lap car's adds its {@code interval}. iRacing's own order (which counts a
 * disconnected car by its laps among the running ones) is kept.
 */
final class IRacingReader {

    private IRacingReader() {
    }

    static boolean recognises(JsonNode root) {
        return root.has("session_results") || root.path("data").has("session_results");
    }

    static List<SimSession> read(Path file, JsonNode top) {
        JsonNode root = top.has("session_results") ? top : top.path("data");
        if (!root.path("session_results").isArray()) {
            throw SimResults.missing(file, "session_results[], the sessions of the event");
        }
        Map<Integer, String> classes = new HashMap<>();
        for (JsonNode c : root.path("car_classes")) {
            classes.put(c.path("car_class_id").asInt(), SimResults.text(c, "short_name").or(() -> SimResults.text(c, "name")).orElse(""));
        }
        JsonNode trackNode = root.path("track");
        String track = SimResults.text(trackNode, "track_name").orElse("unknown track")
                + SimResults.text(trackNode, "config_name").map(c -> " (" + c + ")").orElse("");
        List<SimSession> sessions = new ArrayList<>();
        for (JsonNode s : root.path("session_results")) {
            int number = s.path("simsession_number").asInt(0);
            String name = s.path("simsession_name").asText("").toUpperCase(Locale.ROOT);
            String session = number == 0 || name.contains("RACE") ? "race" : name.contains("QUALIFY") || number == -1 ? "qualifying"
                    : name.contains("WARMUP") ? "warmup" : "practice";
            List<JsonNode> rows = new ArrayList<>();
            s.path("results").forEach(rows::add);
            for (JsonNode r : rows) {
                if (!r.path("finish_position").canConvertToInt()) {
                    throw SimResults.missing(file, "finish_position in every result of " + name.toLowerCase(Locale.ROOT) + " (0-based)");
                }
            }
            rows.sort(Comparator.comparingInt(r -> r.path("finish_position").asInt()));
            Optional<Duration> winner = rows.isEmpty() ? Optional.empty() : ticks(rows.getFirst().path("average_lap"))
                    .map(avg -> avg.multipliedBy(Math.max(0, rows.getFirst().path("laps_complete").asInt())))
                    .filter(t -> !t.isZero());
            int leaderLaps = rows.isEmpty() ? 0 : rows.getFirst().path("laps_complete").asInt();
            List<SimEntry> entries = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (JsonNode r : rows) {
                int laps = Math.max(0, r.path("laps_complete").asInt());
                String reason = r.path("reason_out").asText("Running");
                int reasonId = r.path("reason_out_id").asInt(0);
                String status;
                if (reason.toLowerCase(Locale.ROOT).startsWith("disq")) {
                    status = "disqualified";
                } else if (reasonId == 0 || reason.equalsIgnoreCase("Running")) {
                    status = session.equals("race") && laps < leaderLaps ? "laps down" : "finished";
                } else {
                    status = session.equals("race") && laps == 0 ? "did not start" : "retired (" + reason + ")";
                }
                Optional<Duration> total = Optional.empty();
                if (session.equals("race") && status.equals("finished") && winner.isPresent()) {
                    total = ticks(r.path("interval")).map(winner.get()::plus);
                }
                List<String> drivers = new ArrayList<>();
                Optional<String> team = Optional.empty();
                Optional<String> platformId;
                if (r.path("driver_results").isArray() && !r.path("driver_results").isEmpty()) {
                    team = SimResults.text(r, "display_name");
                    r.path("driver_results").forEach(d -> SimResults.text(d, "display_name").ifPresent(drivers::add));
                    platformId = SimResults.text(r.path("driver_results").get(0), "cust_id");
                } else {
                    drivers.add(SimResults.text(r, "display_name").orElse(""));
                    platformId = SimResults.text(r, "cust_id");
                }
                Optional<String> carClass = r.has("car_class_id") ? Optional.ofNullable(classes.get(r.path("car_class_id").asInt()))
                        .filter(c -> !c.isBlank()).or(() -> Optional.of("class " + r.path("car_class_id").asInt())) : Optional.empty();
                Optional<Integer> inClass = r.path("finish_position_in_class").canConvertToInt()
                        ? Optional.of(r.path("finish_position_in_class").asInt() + 1) : Optional.empty();
                Optional<Integer> carNumber = SimResults.text(r.path("livery"), "car_number").flatMap(IRacingReader::integer);
                Optional<String> car = r.has("car_id") ? Optional.of("car " + r.path("car_id").asInt()) : Optional.empty();
                entries.add(new SimEntry(entries.size() + 1, carClass, inClass, drivers, platformId, team,
                        car, carNumber, laps, total, ticks(r.path("best_lap_time")), status, List.of()));
            }
            sessions.add(new SimSession("iracing", session, track, Classify.asStated(entries, false), warnings));
        }
        return sessions;
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ten-thousandths of a second; -1 (and any negative) means none. */
    private static Optional<Duration> ticks(JsonNode n) {
        return n.canConvertToLong() && n.asLong() >= 0 && n.isIntegralNumber() ? Optional.of(Duration.ofNanos(n.asLong() * 100_000L))
                : Optional.empty();
    }
}
