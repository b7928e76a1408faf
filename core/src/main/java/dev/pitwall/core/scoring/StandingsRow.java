package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;

/**
 * One driver's line in the championship standings.
 *
 * @param position   championship position; drivers still level after every tie-break share it
 * @param points     carry-over plus race points minus deductions
 * @param carryOver  points brought from earlier rounds (zero when unknown)
 * @param deductions points taken away by the stewards so far
 * @param wins       races won
 */
public record StandingsRow(int position, Entrant entrant, Points points, Points carryOver, Points deductions, int wins) {

    public String driver() {
        return entrant.name();
    }

    /** False when the driver's carry-over points are unknown, so their total may be short. */
    public boolean carryOverKnown() {
        return entrant.carryOver().isKnown();
    }
}
