package dev.pitwall.strategy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything a race simulation needs: the distance, the racing rules between cars (the smallest gap behind a car, the
 * time both lose in a duel and the one passed loses, DRS), the track, the drivers with their cars and strategies,
 * the race's events (cautions, retirements at a race progress), and time penalties: seconds the stewards add to a
 * driver's race time at the flag.
 *
 * @param referenceDriver the car whose run alone turns the cautions' race progress into race time (TUM's
 *                        {@code ref_driver}); the pole-sitter where none is named or the named one is not in the field
 */
public record RaceSetup(int laps, double minGap, double minGapSc, double duelLoss, double passedLoss, double drsWindow,
                        OptionalInt drsFromLap, int drsDelayAfterSc, Track track, List<Driver> drivers, List<Caution> cautions,
                        Map<String, Double> retirements, Map<String, Double> timePenalties, Optional<String> referenceDriver) {

    public RaceSetup {
        Objects.requireNonNull(referenceDriver, "referenceDriver");
        drivers = List.copyOf(drivers);
        cautions = List.copyOf(cautions);
        retirements = Map.copyOf(retirements);
        timePenalties = Map.copyOf(timePenalties);
        if (laps < 1 || drivers.isEmpty()) {
            throw new IllegalArgumentException("a race has at least one lap and one driver");
        }
        timePenalties.forEach((driver, seconds) -> {
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException(driver + ": a time penalty is a number of seconds, at least 0, was " + seconds);
            }
        });
    }

    /** A race with the pole-sitter as the cautions' reference. */
    public RaceSetup(int laps, double minGap, double minGapSc, double duelLoss, double passedLoss, double drsWindow,
                     OptionalInt drsFromLap, int drsDelayAfterSc, Track track, List<Driver> drivers, List<Caution> cautions,
                     Map<String, Double> retirements, Map<String, Double> timePenalties) {
        this(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers, cautions, retirements,
                timePenalties, Optional.empty());
    }

    /** A race without time penalties. */
    public RaceSetup(int laps, double minGap, double minGapSc, double duelLoss, double passedLoss, double drsWindow,
                     OptionalInt drsFromLap, int drsDelayAfterSc, Track track, List<Driver> drivers, List<Caution> cautions,
                     Map<String, Double> retirements) {
        this(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers, cautions, retirements,
                Map.of());
    }

    public RaceSetup withDrivers(List<Driver> replaced) {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, replaced,
                cautions, retirements, timePenalties, referenceDriver);
    }

    /** The same race with other cautions and retirements (drawn by chance, or none). */
    public RaceSetup withEvents(List<Caution> otherCautions, Map<String, Double> otherRetirements) {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers,
                otherCautions, otherRetirements, timePenalties, referenceDriver);
    }

    /** The same race with this driver (initials) as the reference that times the cautions. */
    public RaceSetup withReferenceDriver(String initials) {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers,
                cautions, retirements, timePenalties, Optional.of(initials));
    }

    public RaceSetup withoutEvents() {
        return withEvents(List.of(), Map.of());
    }

    /** The same race with these time penalties, in seconds by driver (initials). */
    public RaceSetup withTimePenalties(Map<String, Double> penalties) {
        return new RaceSetup(laps, minGap, minGapSc, duelLoss, passedLoss, drsWindow, drsFromLap, drsDelayAfterSc, track, drivers,
                cautions, retirements, penalties, referenceDriver);
    }
}
