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
 * A driver's place in a race's classification after the stewards' decisions.
 *
 * @param position  classified position, empty for a driver who is not classified
 * @param finish    how the race ended for the driver, a disqualification applied
 * @param elapsed   race time with time penalties, when the results give one
 * @param gap       behind the winner on the same lap, when both times are known
 * @param points    race points, multiplier applied
 * @param decisions the stewards' decisions about the driver in this race
 * @param published the row as published
 */
public record ClassifiedEntry(
        OptionalInt position,
        String driver,
        Finish finish,
        Optional<Duration> elapsed,
        Optional<Duration> gap,
        Points points,
        List<Decision> decisions,
        ResultRow published) {

    public ClassifiedEntry {
        decisions = List.copyOf(decisions);
    }

    public boolean isClassified() {
        return position.isPresent();
    }
}
