package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.ResultRow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A driver's place in a race's classification after the decisions, and what it scores.
 *
 * @param position        classified position, empty for a driver who is not classified; drivers who shared a
 *                        car share its position
 * @param finish          how the race ended for the driver, a disqualification applied
 * @param elapsed         race time with time penalties, when the results give one
 * @param gap             behind the winner on the same lap, when both times are known
 * @param points          what the row scores for the driver: position points (split for a shared car), plus bonus
 * @param bonus           the fastest-lap bonus included in {@code points}
 * @param scoringPosition the position the points table is read at (ineligible cars ahead may pass points down);
 *                        empty when the row cannot score
 * @param carDrivers      how many drivers shared this car (1 when nobody did)
 * @param decisions       the decisions about the driver in this race
 * @param published       the row as published
 */
public record ClassifiedEntry(
        OptionalInt position,
        String driver,
        Finish finish,
        Optional<Duration> elapsed,
        Optional<Duration> gap,
        Points points,
        Points bonus,
        OptionalInt scoringPosition,
        int carDrivers,
        List<Decision> decisions,
        ResultRow published) {

    public ClassifiedEntry {
        decisions = List.copyOf(decisions);
    }

    public boolean isClassified() {
        return position.isPresent();
    }

    public Optional<String> team() {
        return published.team();
    }
}
