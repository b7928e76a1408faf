package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;

import java.util.OptionalInt;

/**
 * One line of a championship table, a driver's or a constructor's.
 *
 * @param position       championship position; competitors still level after every tie-break share it; empty
 *                       for one excluded from the championship
 * @param name           the driver's or constructor's name
 * @param points         carry-over plus the results that count, minus deductions
 * @param carryOver      points brought from earlier rounds (zero when unknown)
 * @param deductions     points taken away so far
 * @param wins           races won
 * @param carryOverKnown false when earlier rounds' points are unknown, so the total may be short
 */
public record StandingsRow(OptionalInt position, String name, Points points, Points carryOver, Points deductions, int wins,
                           boolean carryOverKnown) {

    public String driver() {
        return name;
    }

    public boolean excluded() {
        return position.isEmpty();
    }

    /** {@code 3}, or {@code EX} for a competitor excluded from the championship. */
    public String positionText() {
        return position.isPresent() ? Integer.toString(position.getAsInt()) : "EX";
    }
}
