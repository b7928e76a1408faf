package dev.pitwall.strategy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Everything a race simulation needs: the distance, the racing rules between cars (the smallest gap behind a car, the
 * time both lose in a duel and the one passed loses, DRS), the track, the drivers with their cars and strategies,
 * and the race's events (cautions, retirements at a race progress).
 */
public record RaceSetup(int laps, double minGap, double minGapSc, double duelLoss, double passedLoss, double drsWindow,
                        OptionalInt drsFromLap, int drsDelayAfterSc, Track track, List<Driver> drivers, List<Caution> cautions,
                        Map<String, Double> retirements) {

    public RaceSetup {
        drivers = List.copyOf(drivers);
        cautions = List.copyOf(cautions);
        retirements = Map.copyOf(retirements);
        if (laps < 1 || drivers.isEmpty()) {
            throw new IllegalArgumentException("a race has at least one lap and one driver");
        }
    }

    public RaceSetup withDrivers(List<Driver> replaced) {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, replaced,
                cautions, retirements);
    }

    public RaceSetup withoutEvents() {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers,
                List.of(), Map.of());
    }
}
