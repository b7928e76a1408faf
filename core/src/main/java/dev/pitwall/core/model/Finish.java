package dev.pitwall.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How a driver's race ended, as the results sheet states it (before any later stewards' decision).
 */
public sealed interface Finish {

    /** Took the chequered flag on the lead lap; the elapsed race time is known for a timed result. */
    record Finished(Optional<Duration> elapsed) implements Finish {
        public static Finished in(Duration elapsed) {
            return new Finished(Optional.of(elapsed));
        }
    }

    /** Took the chequered flag one or more laps behind the winner. */
    record LapsDown(int laps) implements Finish {
        public LapsDown {
            if (laps < 1) {
                throw new IllegalArgumentException("laps down must be at least 1, was " + laps);
            }
        }
    }

    /** Stopped before the flag; classified only if the regulations' minimum distance was covered. */
    record Retired(Optional<Integer> lapsCompleted, String reason) implements Finish {
    }

    /** Running at the end but too far behind to be classified. */
    record NotClassified() implements Finish {
    }

    /** Entered but did not take the start. */
    record DidNotStart() implements Finish {
    }

    /** Excluded from the results. */
    record Disqualified(String reason) implements Finish {
    }

    /** The status word used in result sheets. */
    default String status() {
        return switch (this) {
            case Finished f -> "finished";
            case LapsDown l -> "laps down";
            case Retired r -> "retired";
            case NotClassified n -> "not classified";
            case DidNotStart d -> "did not start";
            case Disqualified d -> "disqualified";
        };
    }
}
