package dev.pitwall.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A stewards' or governing body's decision, always with the reason given. Decisions are facts: the
 * classification, points, grids and standings are recomputed from them, never edited by hand.
 */
public sealed interface Decision {

    /** The race the decision is about, or from which it applies. */
    String race();

    String reason();

    /** A decision about one driver. */
    sealed interface AboutDriver extends Decision {
        String driver();
    }

    /** A decision about a constructor (team) in the constructors' championship. */
    sealed interface AboutConstructor extends Decision {
        String constructor();
    }

    /** Seconds added to the driver's race time after the flag; the classification is re-sorted. */
    record TimePenalty(String race, String driver, Duration time, String reason) implements AboutDriver {
        public TimePenalty {
            requireText(race, driver, reason);
            if (time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("a time penalty must be positive, was " + time);
            }
        }
    }

    /** The driver is moved down the classification by a number of places. */
    record PositionDrop(String race, String driver, int places, String reason) implements AboutDriver {
        public PositionDrop {
            requireText(race, driver, reason);
            requirePlaces(places);
        }
    }

    /** The driver starts this race a number of slots further back than the grid rule puts them. */
    record GridDrop(String race, String driver, int places, String reason) implements AboutDriver {
        public GridDrop {
            requireText(race, driver, reason);
            requirePlaces(places);
        }
    }

    /** The driver is excluded from the race's results; everyone behind moves up. */
    record Disqualification(String race, String driver, String reason) implements AboutDriver {
        public Disqualification {
            requireText(race, driver, reason);
        }
    }

    /** Championship points taken away, counted from this race on. */
    record PointsDeduction(String race, String driver, Points points, String reason) implements AboutDriver {
        public PointsDeduction {
            requireText(race, driver, reason);
            requirePositive(points);
        }
    }

    /**
     * The driver keeps their place but scores nothing in this race (an ineligible car, a class that does
     * not score). When the points pass down, the eligible cars behind score as if the driver were not there.
     */
    record Ineligible(String race, String driver, boolean pointsPassDown, String reason) implements AboutDriver {
        public Ineligible {
            requireText(race, driver, reason);
        }
    }

    /**
     * The points a driver's result scores, as decided rather than as the table gives (a shared car whose
     * second driver did not cover enough distance). {@code position} picks the row when the driver had several.
     */
    record PointsAwarded(String race, String driver, OptionalInt position, Points points, String reason) implements AboutDriver {
        public PointsAwarded {
            requireText(race, driver, reason);
            if (points.compareTo(Points.ZERO) < 0) {
                throw new IllegalArgumentException("awarded points cannot be negative, was " + points);
            }
        }
    }

    /** The driver is excluded from the drivers' championship from this race on; their results stand for others. */
    record ExcludedFromChampionship(String race, String driver, String reason) implements AboutDriver {
        public ExcludedFromChampionship {
            requireText(race, driver, reason);
        }
    }

    /** The fastest lap is credited to these drivers, whatever the timing sheet says. */
    record FastestLapAwarded(String race, List<String> drivers, String reason) implements Decision {
        public FastestLapAwarded {
            Objects.requireNonNull(race, "race");
            requireReason(reason);
            drivers = List.copyOf(drivers);
            if (drivers.isEmpty()) {
                throw new IllegalArgumentException("name at least one driver credited with the fastest lap");
            }
        }
    }

    /**
     * A classified position is left empty: its points are not awarded and the cars behind keep their places
     * (Formula 1, Brazil 1983: Rosberg's second place after his disqualification).
     */
    record PositionVacated(String race, int position, String reason) implements Decision {
        public PositionVacated {
            Objects.requireNonNull(race, "race");
            requireReason(reason);
            if (position < 1) {
                throw new IllegalArgumentException("a vacated position is 1 or more, was " + position);
            }
        }
    }

    /** Constructors' championship points taken away, counted from this race on. */
    record ConstructorPointsDeduction(String race, String constructor, Points points, String reason) implements AboutConstructor {
        public ConstructorPointsDeduction {
            requireText(race, constructor, reason);
            requirePositive(points);
        }
    }

    /** The constructor scores nothing in this race, though its drivers keep their results. */
    record ConstructorRaceVoid(String race, String constructor, String reason) implements AboutConstructor {
        public ConstructorRaceVoid {
            requireText(race, constructor, reason);
        }
    }

    /**
     * The constructor is excluded from the constructors' championship from this race on; with
     * {@code zeroPoints} its total is shown as zero.
     */
    record ConstructorExcluded(String race, String constructor, boolean zeroPoints, String reason) implements AboutConstructor {
        public ConstructorExcluded {
            requireText(race, constructor, reason);
        }
    }

    /** The constructor starts again from zero at this race (a new entry under the same name). */
    record ConstructorReset(String race, String constructor, String reason) implements AboutConstructor {
        public ConstructorReset {
            requireText(race, constructor, reason);
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
            case Ineligible i -> i.pointsPassDown() ? "ineligible for points, which pass down" : "ineligible for points";
            case PointsAwarded p -> "awarded " + p.points() + " points";
            case ExcludedFromChampionship e -> "excluded from the championship";
            case FastestLapAwarded f -> "fastest lap credited to " + String.join(", ", f.drivers());
            case PositionVacated v -> "position " + v.position() + " left vacant";
            case ConstructorPointsDeduction c -> "-" + c.points() + " constructors' points";
            case ConstructorRaceVoid c -> "no constructors' points in this race";
            case ConstructorExcluded c -> "excluded from the constructors' championship";
            case ConstructorReset c -> "constructors' points start again from zero";
        };
    }

    private static void requireText(String race, String who, String reason) {
        Objects.requireNonNull(race, "race");
        Objects.requireNonNull(who, "driver or constructor");
        requireReason(reason);
    }

    private static void requireReason(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("every decision needs a reason");
        }
    }

    private static void requirePlaces(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("a drop must be at least one place, was " + places);
        }
    }

    private static void requirePositive(Points points) {
        if (!points.isPositive()) {
            throw new IllegalArgumentException("a points deduction must be positive, was " + points);
        }
    }
}
