package dev.pitwall.io.sim;

import dev.pitwall.core.model.RaceTime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text results of the RACE 07 family (RACE 07, GTR2, RaceRoom's legacy files, F1 Challenge 99-02): {@code [Header]}
 * and {@code [Race]} sections, then one {@code [SlotNNN]} per car in no particular order, and in RaceRoom several
 * sessions separated by {@code [END]}. The session type is not written: a file in which no car has a race time is
 * qualifying or practice. Positions are not written either (except F1 Challenge's {@code RacePlace}), so a race is
 * classified by laps then race time.
 */
final class Race07Reader {

    private static final Pattern SECTION = Pattern.compile("\\[([^\\]]+)]");
    private static final Pattern NO_TIME = Pattern.compile("0+:00:00\\.0+|-?:?--.*|");

    private Race07Reader() {
    }

    /** Whether the text starts like one of these files: a {@code [Header]} section naming the game. */
    static boolean recognises(String text) {
        String head = text.stripLeading();
        return head.startsWith("[Header]") && head.contains("Game=");
    }

    static List<SimSession> read(Path file, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<Map<String, Map<String, String>>> blocks = new ArrayList<>();
        Map<String, Map<String, String>> slots = new LinkedHashMap<>();
        Map<String, String> section = null;
        String sectionName = "";
        int lineNumber = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            var m = SECTION.matcher(line);
            if (m.matches()) {
                sectionName = m.group(1).strip();
                if (sectionName.equalsIgnoreCase("END")) {
                    blocks.add(slots);
                    slots = new LinkedHashMap<>();
                    section = null;
                } else if (sectionName.regionMatches(true, 0, "Slot", 0, 4)) {
                    section = new LinkedHashMap<>();
                    slots.put(sectionName, section); // RaceRoom repeats a session's slots: the last copy stands
                } else {
                    section = header;
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || section == null) {
                throw dev.pitwall.io.InvalidInputException.at(file, lineNumber, "expected a [Section] line or Key=Value inside a "
                        + "section, found \"" + abbreviated(line) + "\"");
            }
            String key = line.substring(0, eq).strip();
            if (!key.equals("Lap")) {
                section.put(key, line.substring(eq + 1).strip());
            }
        }
        if (!slots.isEmpty() || blocks.isEmpty()) {
            blocks.add(slots);
        }
        String game = header.getOrDefault("Game", "");
        if (game.isEmpty()) {
            throw SimResults.missing(file, "Game= in the [Header] section");
        }
        String format = switch (game) {
            case "GTR2" -> "gtr2";
            case "RaceRoom Racing Experience" -> "raceroom";
            case "F1 Challenge 99-02" -> "f1-challenge";
            default -> "race07";
        };
        String track = track(header.getOrDefault("Scene", ""));
        List<SimSession> sessions = new ArrayList<>();
        for (Map<String, Map<String, String>> block : blocks) {
            if (!block.isEmpty()) {
                sessions.add(session(format, track, block.values()));
            }
        }
        if (sessions.isEmpty()) {
            sessions.add(new SimSession(format, "race", track, List.of(), List.of("the file holds no [Slot] sections: no classification")));
        }
        return sessions;
    }

    private static SimSession session(String format, String track, java.util.Collection<Map<String, String>> slots) {
        List<String> warnings = new ArrayList<>();
        boolean f1c = format.equals("f1-challenge");
        boolean race = slots.stream().anyMatch(s -> raceTimeGiven(s.getOrDefault("RaceTime", "")));
        int garbage = 0;
        List<SimEntry> entries = new ArrayList<>();
        for (Map<String, String> s : slots) {
            String raceTime = s.getOrDefault("RaceTime", "");
            Optional<Duration> total = RaceTime.parse(raceTime).filter(t -> !t.isZero());
            if (raceTime.startsWith("-")) {
                garbage++;
            }
            String status = switch (raceTime.toUpperCase(java.util.Locale.ROOT)) {
                case "DNF" -> race ? "retired" : "finished"; // outside a race every car is "DNF"
                case "DQ", "DSQ" -> "disqualified";
                default -> total.isPresent() || !race ? "finished" : "none";
            };
            int laps = integer(s, f1c ? "RaceLaps" : "Laps");
            if (race && laps == 0 && status.equals("retired") && total.isEmpty()) {
                status = "did not start";
            }
            // A race's best lap; outside a race the qualifying time where the file has one.
            Optional<Duration> lap = time(s, f1c ? "RaceBestLap" : "BestLap");
            Optional<Duration> best = race ? lap : time(s, "QualTime").or(() -> lap);
            List<SimPenalty> penalties = new ArrayList<>();
            int penalty = integer(s, "Penalty");
            if (penalty > 0) {
                penalties.add(new SimPenalty(SimPenalty.Kind.OTHER, "Penalty=" + penalty + " in the file; the game does not say what it means",
                        Optional.empty(), 0, true));
            }
            int stated = f1c ? integer(s, race ? "RacePlace" : "QualPlace") : 0;
            String driver = s.getOrDefault("Driver", "").strip();
            Optional<String> platformId = Optional.ofNullable(s.get("SteamId")).filter(id -> !id.isBlank() && !id.equals("0"));
            entries.add(new SimEntry(stated, Optional.empty(), Optional.empty(), List.of(driver), platformId,
                    Optional.ofNullable(s.get("Team")).filter(t -> !t.isBlank()), Optional.ofNullable(s.get("Vehicle")).filter(v -> !v.isBlank()),
                    number(s.get("VehicleNumber")), laps, race ? total : Optional.empty(), best, status, penalties));
        }
        if (garbage > 0) {
            warnings.add(garbage + " cars have a RaceTime that is not a time (-2147483648:...): they are classified by laps alone");
        }
        if (!race) {
            warnings.add("the file does not say which session this is; no car has a race time, so it is qualifying or practice");
            boolean placed = f1c && entries.stream().allMatch(e -> e.position() > 0);
            List<SimEntry> order = placed ? entries.stream().sorted(java.util.Comparator.comparingInt(SimEntry::position)).toList()
                    : Classify.byBestLap(entries);
            return new SimSession(format, "qualifying", track, order, warnings);
        }
        return new SimSession(format, "race", track, Classify.race(entries, f1c, warnings), warnings);
    }

    /** A race time that says the car ran the race: a real time, or the garbage RaceRoom writes for one it lost. */
    private static boolean raceTimeGiven(String raceTime) {
        return raceTime.startsWith("-2147483648") || RaceTime.parse(raceTime).filter(t -> !t.isZero()).isPresent();
    }

    /** {@code GameData\Locations\Monza_2007\2007_Monza.TRK}: the venue folder and the layout file; else the name as written. */
    private static String track(String scene) {
        String[] parts = scene.split("[\\\\/]");
        if (parts.length >= 2 && parts[parts.length - 1].toUpperCase(java.util.Locale.ROOT).endsWith(".TRK")) {
            String layout = parts[parts.length - 1].substring(0, parts[parts.length - 1].length() - 4);
            String venue = parts[parts.length - 2];
            return layout.equalsIgnoreCase(venue) ? venue : venue + " (" + layout + ")";
        }
        return scene.isBlank() ? "unknown track" : scene;
    }

    private static Optional<Duration> time(Map<String, String> s, String key) {
        String text = s.getOrDefault(key, "");
        if (NO_TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        return RaceTime.parse(text).filter(t -> !t.isZero());
    }

    private static int integer(Map<String, String> s, String key) {
        try {
            return Math.max(0, Integer.parseInt(s.getOrDefault(key, "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Integer> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String abbreviated(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
