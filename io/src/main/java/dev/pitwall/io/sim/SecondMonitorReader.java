package dev.pitwall.io.sim;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.pitwall.io.sim.SimResults.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SecondMonitor's session export (a third-party tool, here for Automobilista 2): {@code Drivers[]} with finishing
 * positions overall and in class and every lap. The file has no total time, so a driver's is the sum of their lap
 * times (an estimate: the file's finishing order, which is the game's, stands), and no penalties. Multi-class sessions name each driver's class.
 */
final class SecondMonitorReader {

    private static final Pattern SPAN = Pattern.compile("(-)?(?:(\\d{1,6})\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

    private SecondMonitorReader() {
    }

    static boolean recognises(JsonNode root) {
        return root.has("Drivers") && root.has("SessionType") && root.has("TrackInfo");
    }

    static List<SimSession> read(Path file, JsonNode root) {
        String type = root.path("SessionType").asText("").toLowerCase(Locale.ROOT);
        String session = type.startsWith("race") ? "race" : type.startsWith("qual") ? "qualifying" : type.startsWith("warm") ? "warmup" : "practice";
        JsonNode info = root.path("TrackInfo");
        String track = info.path("TrackName").asText("").strip();
        String layout = info.path("TrackLayoutName").asText("").strip();
        track = (track.isEmpty() ? "unknown track" : track) + (layout.isEmpty() || layout.equalsIgnoreCase(track) ? "" : " (" + layout + ")");
        List<String> warnings = new ArrayList<>();
        List<SimEntry> entries = new ArrayList<>();
        boolean multiClass = root.path("IsMultiClass").asBoolean(false);
        for (JsonNode d : root.path("Drivers")) {
            Duration total = Duration.ZERO;
            Optional<Duration> best = Optional.empty();
            int timed = 0;
            for (JsonNode lap : d.path("Laps")) {
                Optional<Duration> t = span(lap.path("LapTime").asText(""));
                if (t.isPresent() && !t.get().isZero() && !t.get().isNegative()) {
                    total = total.plus(t.get());
                    timed++;
                    if (lap.path("IsValid").asBoolean(true) && (best.isEmpty() || t.get().compareTo(best.get()) < 0)) {
                        best = t;
                    }
                }
            }
            int laps = d.path("TotalLaps").asInt(0);
            String status = !d.path("Finished").asBoolean(true) ? "retired" : laps == 0 && session.equals("race") ? "did not start" : "finished";
            Optional<String> carClass = multiClass ? text(d, "ClassName") : Optional.empty();
            entries.add(new SimEntry(d.path("FinishingPosition").asInt(0), carClass,
                    multiClass && d.path("FinishingPositionInClass").asInt(0) > 0 ? Optional.of(d.path("FinishingPositionInClass").asInt()) : Optional.empty(),
                    List.of(text(d, "DriverLongName").or(() -> text(d, "DriverId")).orElse("")), Optional.empty(), Optional.empty(),
                    text(d, "CarName"), Optional.empty(), laps,
                    session.equals("race") && timed == laps && laps > 0 ? Optional.of(total) : Optional.empty(), best, status, List.of()));
            if (session.equals("race") && laps > 0 && timed < laps) {
                warnings.add(text(d, "DriverLongName").orElse("?") + " has " + laps + " laps but " + timed + " lap times: no total time");
            }
        }
        // The file's finishing order is the game's; the summed lap times are an estimate and do not always agree with it.
        List<SimEntry> classified = session.equals("race") ? Classify.asStated(entries, true) : Classify.byBestLap(entries);
        return List.of(new SimSession("secondmonitor", session, track, classified, warnings));
    }

    /** A .NET TimeSpan as JSON writes it: {@code 00:01:09.0130000}, {@code 1.02:03:04.5}. */
    static Optional<Duration> span(String text) {
        Matcher m = SPAN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long nanos = m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "000000000").substring(0, 9));
        Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2))).plusHours(Long.parseLong(m.group(3)))
                .plusMinutes(Long.parseLong(m.group(4))).plusSeconds(Long.parseLong(m.group(5))).plusNanos(nanos);
        return Optional.of(m.group(1) == null ? d : d.negated());
    }

}
