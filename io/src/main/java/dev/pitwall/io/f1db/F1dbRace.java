package dev.pitwall.io.f1db;

import java.util.List;
import java.util.OptionalInt;

/**
 * One round of an F1DB season: the Grand Prix and its circuit, its sprint when it had one, who set the fastest lap (several
 * drivers on equal times), and F1DB's standings after the round.
 */
public record F1dbRace(int round, String grandPrixId, String circuitId, OptionalInt laps, List<F1dbResult> sprint, List<F1dbResult> race,
                       List<F1dbFastestLap> fastestLaps, List<F1dbStanding> driverStandings, List<F1dbStanding> constructorStandings) {

    public F1dbRace {
        sprint = List.copyOf(sprint);
        race = List.copyOf(race);
        fastestLaps = List.copyOf(fastestLaps);
        driverStandings = List.copyOf(driverStandings);
        constructorStandings = List.copyOf(constructorStandings);
    }

    /** A fastest lap: the driver and the car number it was set in. */
    public record F1dbFastestLap(String driverId, int driverNumber) {
    }
}
