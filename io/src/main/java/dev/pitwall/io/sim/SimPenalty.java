package dev.pitwall.io.sim;

import java.time.Duration;
import java.util.Optional;

/**
 * A penalty the game (or its server) gave during or after the session, as its file records it.
 *
 * @param kind      what was given: drive-through, stop-go, post-race time, lap deduction, best lap removed,
 *                  disqualification, or the game's own word when it is none of these
 * @param reason    the game's reason (Cutting, Speeding in pit lane), empty when the file gives none
 * @param time      seconds added to the race time, for a post-race time penalty
 * @param laps      laps taken away, for a lap deduction
 * @param inResult  whether the file's times and order already include it (served in the race, or added to the total
 *                  by the server); a penalty that is not still has to be applied by the stewards
 */
public record SimPenalty(Kind kind, String reason, Optional<Duration> time, int laps, boolean inResult) {

    /** The kinds of penalty games give. */
    public enum Kind {
        DRIVE_THROUGH("drive-through"), STOP_GO("stop-go"), POST_RACE_TIME("post-race time"), LAP_DEDUCTION("lap deduction"),
        BEST_LAP_REMOVED("best lap removed"), DISQUALIFICATION("disqualification"), OTHER("penalty");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public SimPenalty {
        reason = reason == null ? "" : reason.strip();
        if (time.isPresent() && (time.get().isNegative() || time.get().isZero())) {
            throw new IllegalArgumentException("a penalty's time must be positive, was " + time.get());
        }
    }

    /** As a person writes it: {@code +80s post-race time (Cutting)}, {@code drive-through (Speeding)}. */
    public String describe() {
        String amount = time.map(t -> "+" + seconds(t) + "s ").orElse("") + (laps > 0 ? "-" + laps + (laps == 1 ? " lap " : " laps ") : "");
        return amount + kind.words() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private static String seconds(Duration t) {
        return t.toNanos() % 1_000_000_000L == 0 ? Long.toString(t.toSeconds())
                : java.math.BigDecimal.valueOf(t.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
