package dev.pitwall.core.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one race as published: rows in published order, each driver at most once.
 */
public record RaceResult(String race, List<ResultRow> rows) {

    public RaceResult {
        Objects.requireNonNull(race, "race");
        rows = List.copyOf(rows);
        var drivers = new HashSet<String>();
        var positions = new HashSet<Integer>();
        for (ResultRow row : rows) {
            if (!drivers.add(row.driver())) {
                throw new IllegalArgumentException(race + ": " + row.driver() + " appears twice");
            }
            if (!positions.add(row.publishedPosition())) {
                throw new IllegalArgumentException(race + ": position " + row.publishedPosition() + " appears twice");
            }
        }
    }

    public Optional<ResultRow> rowOf(String driver) {
        return rows.stream().filter(r -> r.driver().equals(driver)).findFirst();
    }
}
