package dev.pitwall.core.rules;

import dev.pitwall.core.model.Points;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The regulations of one race: where and over how many laps it runs, in what car, what it demands of
 * tyres and fuel, how it pays points and how its grid is set.
 *
 * @param session         a race or a sprint
 * @param fastestLap      bonus points for the fastest lap, if the race pays any
 * @param minimumDistance share of the race distance a retired car must have covered to be classified
 */
public record RaceRules(
        SessionType session,
        Optional<String> track,
        OptionalInt laps,
        Optional<String> car,
        Optional<StartProcedure> start,
        TyreRule tyres,
        Refuelling refuelling,
        PointsTable points,
        Points multiplier,
        GridRule grid,
        Optional<FastestLapBonus> fastestLap,
        Points minimumDistance) {

    public RaceRules {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(fastestLap, "fastestLap");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(laps, "laps");
        Objects.requireNonNull(car, "car");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(tyres, "tyres");
        Objects.requireNonNull(refuelling, "refuelling");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(multiplier, "multiplier");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(minimumDistance, "minimumDistance");
        if (!multiplier.isPositive()) {
            throw new IllegalArgumentException("a points multiplier must be positive, was " + multiplier);
        }
        if (laps.isPresent() && laps.getAsInt() < 1) {
            throw new IllegalArgumentException("a race runs at least one lap, was " + laps.getAsInt());
        }
    }

    /** Points for a classified position, multiplier applied. */
    public Points pointsFor(int position) {
        return points.forPosition(position).times(multiplier);
    }
}
