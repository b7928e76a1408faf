package dev.pitwall.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a race's published results: the position printed, the driver, how they finished and the
 * points printed beside them (which Pitwall audits, never trusts).
 *
 * @param team the constructor or team the car was entered by, when the results say
 * @param car  the car, when the results say (its number): drivers who shared a car share its row position
 */
public record ResultRow(int publishedPosition, String driver, Finish finish, Optional<Points> publishedPoints,
                        Optional<String> team, Optional<String> car) {

    public ResultRow {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(publishedPoints, "publishedPoints");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(car, "car");
        if (publishedPosition < 1) {
            throw new IllegalArgumentException("a published position starts at 1, was " + publishedPosition);
        }
    }

    /** A row of a results sheet that does not say which car or team. */
    public ResultRow(int publishedPosition, String driver, Finish finish, Optional<Points> publishedPoints) {
        this(publishedPosition, driver, finish, publishedPoints, Optional.empty(), Optional.empty());
    }

    /** Whether this row and the other are the same car (so its drivers shared it). */
    public boolean sameCarAs(ResultRow other) {
        return car.isPresent() && car.equals(other.car) && team.equals(other.team);
    }
}
