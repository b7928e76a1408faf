package dev.pitwall.io.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One car's line in a session read from a game's result file.
 *
 * @param position   position in the file's classification (1-based)
 * @param carClass   the car's class where the file says or it can be derived
 * @param drivers    every driver of the car, the one credited first
 * @param platformId the first driver's platform id (a Steam id), when the file has one
 * @param status     finished, laps down, did not start (as far as the file tells)
 * @param penalties  the game's penalties, as "DriveThrough (Cutting)", "+80s PostRaceTime (...)"
 */
public record SimEntry(int position, Optional<String> carClass, List<String> drivers, Optional<String> platformId,
                       Optional<String> team, Optional<String> car, Optional<Integer> number, int laps,
                       Optional<Duration> totalTime, Optional<Duration> bestLap, String status, List<String> penalties) {

    public SimEntry {
        drivers = List.copyOf(drivers);
        penalties = List.copyOf(penalties);
    }

    public String driver() {
        return drivers.isEmpty() ? "" : drivers.getFirst();
    }
}
