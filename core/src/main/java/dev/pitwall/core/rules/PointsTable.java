package dev.pitwall.core.rules;

import dev.pitwall.core.model.Points;

import java.util.List;
import java.util.stream.Collectors;

/** Points for each classified position, winner first; positions past the end of the table score nothing. */
public record PointsTable(List<Points> byPosition) {

    public PointsTable {
        byPosition = List.copyOf(byPosition);
        for (Points p : byPosition) {
            if (p.compareTo(Points.ZERO) < 0) {
                throw new IllegalArgumentException("a points table cannot award negative points: " + p);
            }
        }
    }

    public static PointsTable of(long... points) {
        return new PointsTable(java.util.Arrays.stream(points).mapToObj(Points::of).toList());
    }

    public Points forPosition(int position) {
        return position >= 1 && position <= byPosition.size() ? byPosition.get(position - 1) : Points.ZERO;
    }


    @Override
    public String toString() {
        return byPosition.stream().map(Points::toString).collect(Collectors.joining("-"));
    }
}
