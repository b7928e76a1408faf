package dev.pitwall.io.f1db;

import dev.pitwall.core.model.Points;

import java.time.Duration;

/**
 * One row of an F1DB race or sprint result.
 *
 * @param position  the classified position, or F1DB's status code: DNF, DNS, DSQ, NC, DNQ, DNPQ, DNP, EX
 * @param team      constructor and engine, {@code mclaren|mercedes}, as F1DB keys its constructors' standings
 * @param sharedCar the driver took over this car from another driver
 * @param points    the points F1DB gives the row
 * @param timePenalty the time the stewards added to the driver's race time (zero for none): the position is after it
 */
public record F1dbResult(String position, int driverNumber, String driverId, String team, boolean sharedCar, Points points,
                         Duration timePenalty) {

    /** A row without a time penalty. */
    public F1dbResult(String position, int driverNumber, String driverId, String team, boolean sharedCar, Points points) {
        this(position, driverNumber, driverId, team, sharedCar, points, Duration.ZERO);
    }

    public boolean classified() {
        return position.chars().allMatch(Character::isDigit);
    }
}
