package dev.pitwall.io.f1db;

import dev.pitwall.core.model.Points;

/**
 * One row of an F1DB race or sprint result.
 *
 * @param position  the classified position, or F1DB's status code: DNF, DNS, DSQ, NC, DNQ, DNPQ, DNP, EX
 * @param team      constructor and engine, {@code mclaren|mercedes}, as F1DB keys its constructors' standings
 * @param sharedCar the driver took over this car from another driver
 * @param points    the points F1DB gives the row
 */
public record F1dbResult(String position, int driverNumber, String driverId, String team, boolean sharedCar, Points points) {

    public boolean classified() {
        return position.chars().allMatch(Character::isDigit);
    }
}
