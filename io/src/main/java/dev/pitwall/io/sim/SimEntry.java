package dev.pitwall.io.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One car's line in a session read from a game's result file.
 *
 * @param position      position in the session's classification (1-based)
 * @param carClass      the car's class where the file says or it can be derived
 * @param classPosition position among the cars of its class, when the session has more than one class
 * @param drivers       every driver of the car, the one credited first
 * @param platformId    the first driver's platform id (a Steam id, an iRacing customer id), when the file has one
 * @param status        finished, laps down, retired (with the reason), disqualified, did not start, none
 * @param penalties     the game's penalties
 */
public record SimEntry(int position, Optional<String> carClass, Optional<Integer> classPosition, List<String> drivers,
                       Optional<String> platformId, Optional<String> team, Optional<String> car, Optional<Integer> number, int laps,
                       Optional<Duration> totalTime, Optional<Duration> bestLap, String status, List<SimPenalty> penalties) {

    public SimEntry {
        drivers = List.copyOf(drivers);
        penalties = List.copyOf(penalties);
    }

    public String driver() {
        return drivers.isEmpty() ? "" : drivers.getFirst();
    }

    SimEntry withClassPosition(Optional<Integer> classPosition) {
        return new SimEntry(position, carClass, classPosition, drivers, platformId, team, car, number, laps, totalTime, bestLap,
                status, penalties);
    }
}
