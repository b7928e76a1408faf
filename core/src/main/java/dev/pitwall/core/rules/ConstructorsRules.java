package dev.pitwall.core.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a constructors' (teams') championship scores, when the championship has one.
 *
 * @param points         points for the classified position of each car in a race (sprints use their own table)
 * @param bestCarOnly    only each constructor's best-placed car scores (Formula 1 1958-1978)
 * @param fastestLap     fastest-lap bonus points count for the constructor too
 * @param sprints        sprint races count
 * @param excludedRaces  races that count for drivers only (the Indianapolis 500, 1950-1960)
 * @param sharedCars     a car shared by several drivers scores for its constructor
 * @param dropRule       only the best results count, if present
 */
public record ConstructorsRules(PointsTable points, boolean bestCarOnly, boolean fastestLap, boolean sprints,
                                Set<String> excludedRaces, boolean sharedCars, Optional<DropRule> dropRule) {

    public ConstructorsRules {
        Objects.requireNonNull(points, "points");
        excludedRaces = Set.copyOf(excludedRaces);
        Objects.requireNonNull(dropRule, "dropRule");
    }
}
