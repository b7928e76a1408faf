package dev.pitwall.core.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A stewards' decision about one driver in one race, always with the reason given. Decisions are facts:
 * the classification, points, grids and standings are recomputed from them, never edited by hand.
 */
public sealed interface Decision {

    String race();

    String driver();

    String reason();

    /** Seconds added to the driver's race time after the flag; the classification is re-sorted. */
    record TimePenalty(String race, String driver, Duration time, String reason) implements Decision {
        public TimePenalty {
            requireText(race, driver, reason);
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("a time penalty must be positive, was " + time);
            }
        }
    }

    /** The driver is moved down the classification by a number of places. */
    record PositionDrop(String race, String driver, int places, String reason) implements Decision {
        public PositionDrop {
            requireText(race, driver, reason);
            if (places < 1) {
                throw new IllegalArgumentException("a position drop must be at least one place, was " + places);
            }
        }
    }

    /** The driver starts this race a number of slots further back than the grid rule puts them. */
    record GridDrop(String race, String driver, int places, String reason) implements Decision {
        public GridDrop {
            requireText(race, driver, reason);
            if (places < 1) {
                throw new IllegalArgumentException("a grid drop must be at least one place, was " + places);
            }
        }
    }

    /** The driver is excluded from the race's results; everyone behind moves up. */
    record Disqualification(String race, String driver, String reason) implements Decision {
        public Disqualification {
            requireText(race, driver, reason);
        }
    }

    /** Championship points taken away, counted from this race on. */
    record PointsDeduction(String race, String driver, Points points, String reason) implements Decision {
        public PointsDeduction {
            requireText(race, driver, reason);
            if (!points.isPositive()) {
                throw new IllegalArgumentException("a points deduction must be positive, was " + points);
            }
        }
    }

    /** A short description such as {@code +5s time penalty} for result sheets. */
    default String summary() {
        return switch (this) {
            case TimePenalty t -> "+" + RaceTime.formatSeconds(t.time()) + "s time penalty";
            case PositionDrop p -> "dropped " + p.places() + (p.places() == 1 ? " place" : " places");
            case GridDrop g -> g.places() + "-place grid drop";
            case Disqualification d -> "disqualified";
            case PointsDeduction p -> "-" + p.points() + " points";
        };
    }

    private static void requireText(String race, String driver, String reason) {
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("every stewards' decision needs a reason");
        }
    }
}
