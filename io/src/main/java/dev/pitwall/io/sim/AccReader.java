package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.pitwall.io.sim.SimResults.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Assetto Corsa Competizione server results: the classification is the order of
 * {@code sessionResult.leaderBoardLines}; times are integer milliseconds, 2147483647 meaning none.
 */
final class AccReader {

    private static final long NO_TIME = 2147483647L;
    private static final String[] CUPS = {"Pro", "Pro-Am", "Am", "Silver", "National"};

    private AccReader() {
    }

    static SimSession read(Path file, JsonNode root) {
        List<String> warnings = new ArrayList<>();
        JsonNode lines = root.path("sessionResult").get("leaderBoardLines");
        if (lines == null || !lines.isArray()) {
            warnings.add("the file has no sessionResult.leaderBoardLines: no classification");
            lines = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        String session = switch (root.path("sessionType").asText().replaceAll("\\d", "")) {
            case "R" -> "race";
            case "Q" -> "qualifying";
            case "FP" -> "practice";
            default -> root.path("sessionType").asText().toLowerCase(Locale.ROOT);
        };
        Map<Integer, List<SimPenalty>> penalties = new HashMap<>();
        for (JsonNode list : List.of(root.path("penalties"), root.path("post_race_penalties"))) {
            for (JsonNode p : list) {
                penalty(p).ifPresent(penalty -> penalties.computeIfAbsent(p.path("carId").asInt(), k -> new ArrayList<>()).add(penalty));
            }
        }
        int leaderLaps = lines.isEmpty() ? 0 : lines.get(0).path("timing").path("lapCount").asInt();
        List<SimEntry> entries = new ArrayList<>();
        int position = 0;
        int lineNumber = 0;
        for (JsonNode line : lines) {
            lineNumber++;
            JsonNode car = line.path("car");
            if (!car.has("carId")) {
                warnings.add("leaderboard line " + lineNumber + " has no car.carId and is left out");
                continue;
            }
            position++;
            List<String> drivers = new ArrayList<>();
            Optional<String> platformId = Optional.empty();
            for (JsonNode d : car.path("drivers")) {
                String[] lastAndTeam = d.path("lastName").asText().split("\n", 2);
                String last = lastAndTeam[0];
                // Leagues put the team after a newline in lastName; teamInNameOf reads it.
                drivers.add((d.path("firstName").asText().strip() + " " + last.strip()).strip());
                if (platformId.isEmpty() && !d.path("playerId").asText().isBlank()) {
                    platformId = Optional.of(d.path("playerId").asText());
                }
            }
            if (line.path("missingMandatoryPitstop").asInt(0) > 0 && session.equals("race")) {
                warnings.add((drivers.isEmpty() ? "car " + car.path("carId").asInt() : drivers.getFirst())
                        + " did not make the mandatory pit stop (missingMandatoryPitstop in the file)");
            }
            JsonNode timing = line.path("timing");
            int laps = timing.path("lapCount").asInt();
            String status = laps == 0 ? "did not start"
                    : session.equals("race") && laps < leaderLaps ? "laps down" : "finished";
            entries.add(new SimEntry(position, carClass(car), Optional.empty(), drivers, platformId,
                    text(car, "teamName").or(() -> teamInNameOf(car)), car.has("carModel") ? Optional.of("model " + car.path("carModel").asInt()) : Optional.empty(),
                    car.has("raceNumber") ? Optional.of(car.path("raceNumber").asInt()) : Optional.empty(),
                    laps, time(timing.path("totalTime")), time(timing.path("bestLap")), status,
                    penalties.getOrDefault(car.path("carId").asInt(), List.of())));
        }
        return new SimSession("acc", session, root.path("trackName").asText(), entries, warnings);
    }

    /**
     * ACC's penalty records: a drive-through or stop-go is in the result when it was served ({@code clearedInLap} set);
     * the server adds a post-race time penalty to {@code totalTime} and orders the leaderboard with it (as the samples
     * show); a removed best lap is already gone from the timing.
     */
    private static Optional<SimPenalty> penalty(JsonNode p) {
        String kind = p.path("penalty").asText("None");
        String reason = p.path("reason").asText("");
        boolean served = p.path("clearedInLap").asInt(0) > 0;
        return switch (kind) {
            case "None" -> Optional.empty();
            case "DriveThrough" -> Optional.of(new SimPenalty(SimPenalty.Kind.DRIVE_THROUGH, reason, Optional.empty(), 0, served));
            case "PostRaceTime" -> Optional.of(new SimPenalty(SimPenalty.Kind.POST_RACE_TIME, reason,
                    p.path("penaltyValue").asInt() > 0 ? Optional.of(Duration.ofSeconds(p.path("penaltyValue").asInt())) : Optional.empty(), 0, true));
            case "RemoveBestLaptime" -> Optional.of(new SimPenalty(SimPenalty.Kind.BEST_LAP_REMOVED, reason, Optional.empty(), 0, true));
            case "Disqualified" -> Optional.of(new SimPenalty(SimPenalty.Kind.DISQUALIFICATION, reason, Optional.empty(), 0, false));
            default -> Optional.of(kind.startsWith("StopAndGo")
                    ? new SimPenalty(SimPenalty.Kind.STOP_GO, reason, Optional.empty(), 0, served)
                    : new SimPenalty(SimPenalty.Kind.OTHER, kind + (reason.isEmpty() ? "" : ", " + reason), Optional.empty(), 0, served));
        };
    }

    private static Optional<String> teamInNameOf(JsonNode car) {
        for (JsonNode d : car.path("drivers")) {
            String[] parts = d.path("lastName").asText().split("\n", 2);
            if (parts.length > 1 && !parts[1].isBlank()) {
                return Optional.of(parts[1].strip());
            }
        }
        return Optional.empty();
    }

    /** The cup the file names (Pro, Pro-Am, Am, Silver, National); the class proper is not in the file. */
    private static Optional<String> carClass(JsonNode car) {
        JsonNode cup = car.get("cupCategory");
        if (cup == null || !cup.canConvertToInt() || cup.asInt() < 0 || cup.asInt() >= CUPS.length) {
            return Optional.empty();
        }
        return Optional.of(CUPS[cup.asInt()]);
    }


    private static Optional<Duration> time(JsonNode ms) {
        if (ms == null || !ms.canConvertToLong() || ms.asLong() <= 0 || ms.asLong() >= NO_TIME) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(ms.asLong()));
    }
}
