package dev.pitwall.core.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Race times the way timing screens print them: a winner's elapsed time such as {@code 17'47.179}
 * (or {@code 1:02:03.456} past the hour) and gaps such as {@code +00.205} and {@code +1'05.938}.
 */
public final class RaceTime {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,6}):([0-5]\\d)[:'’]([0-5]\\d)(?:\\.(\\d{1,9}))?");
    private static final Pattern MINUTES = Pattern.compile("(\\d{1,6})[:'’]([0-5]\\d)(?:\\.(\\d{1,9}))?");
    private static final Pattern SECONDS = Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?");

    private RaceTime() {
    }

    /** Parses an elapsed time such as {@code 17'47.179}, {@code 46:26.252}, {@code 1:02:03.4} or {@code 65.938}. */
    public static Optional<Duration> parse(String text) {
        String s = text.strip();
        Matcher m;
        if ((m = HOURS.matcher(s)).matches()) {
            return Optional.of(time(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        if ((m = MINUTES.matcher(s)).matches()) {
            return Optional.of(time("0", m.group(1), m.group(2), m.group(3)));
        }
        if ((m = SECONDS.matcher(s)).matches()) {
            return Optional.of(time("0", "0", m.group(1), m.group(2)));
        }
        return Optional.empty();
    }

    private static Duration time(String hours, String minutes, String seconds, String fraction) {
        long nanos = fraction == null ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        return Duration.ofHours(Long.parseLong(hours))
                .plusMinutes(Long.parseLong(minutes))
                .plusSeconds(Long.parseLong(seconds))
                .plusNanos(nanos);
    }

    /** Parses a gap such as {@code +00.205} or {@code +1'05.938}; the plus sign is required. */
    public static Optional<Duration> parseGap(String text) {
        String s = text.strip();
        return s.startsWith("+") ? parse(s.substring(1)) : Optional.empty();
    }

    /** {@code 17'47.179}, or {@code 1:02:03.456} from an hour on. */
    public static String format(Duration time) {
        long millis = time.toMillis();
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long seconds = millis / 1000 % 60;
        long ms = millis % 1000;
        if (hours > 0) {
            return String.format("%d:%02d:%02d.%03d", hours, minutes, seconds, ms);
        }
        return String.format("%d'%02d.%03d", minutes, seconds, ms);
    }

    /** {@code +00.205}, {@code +1'05.938}. */
    public static String formatGap(Duration gap) {
        long millis = gap.toMillis();
        if (millis < 60_000) {
            return String.format("+%02d.%03d", millis / 1000, millis % 1000);
        }
        return "+" + format(gap);
    }

    /** {@code 5}, {@code 2.5}: a penalty's length in seconds. */
    public static String formatSeconds(Duration time) {
        long millis = time.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000)
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }
}
