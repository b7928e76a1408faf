package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;

import java.util.List;
import java.util.Map;

/**
 * What each competitor of one championship table scored in one race, as it still counts (nothing from before a
 * constructor started again from zero), before best-N results, deductions and exclusions; and the finishes its
 * countback reads.
 *
 * @param points   the points of each competitor who took part, by name (zero for one who took part and scored nothing)
 * @param finishes the classified finishes that count back, each at the place it was paid as
 */
public record RaceScores(Race race, Map<String, Points> points, List<CountbackFinish> finishes) {

    public RaceScores {
        points = Map.copyOf(points);
        finishes = List.copyOf(finishes);
    }

    /** A finish at {@code place} for {@code competitor}; {@code scored} when it earned points (countback of scoring finishes). */
    public record CountbackFinish(String competitor, int place, boolean scored) {
    }
}
