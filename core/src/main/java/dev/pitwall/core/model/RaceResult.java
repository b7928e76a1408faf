package dev.pitwall.core.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one race as published: rows in published order, and who set the fastest lap (several
 * drivers when they set the same time). A driver appears once per car they drove; a position appears once,
 * or once per driver of a shared car.
 */
public record RaceResult(String race, List<ResultRow> rows, List<FastestLap> fastestLap) {

    public RaceResult {
        Objects.requireNonNull(race, "race");
        rows = List.copyOf(rows);
        fastestLap = List.copyOf(fastestLap);
        var driverCars = new HashSet<String>();
        Map<Integer, ResultRow> positions = new HashMap<>();
        for (ResultRow row : rows) {
            if (!driverCars.add(row.driver() + "\u0000" + row.car().orElse("") + "\u0000" + row.team().orElse(""))) {
                throw new IllegalArgumentException(race + ": " + row.driver() + " appears twice");
            }
            ResultRow earlier = positions.putIfAbsent(row.publishedPosition(), row);
            if (earlier != null && !earlier.sameCarAs(row)) {
                throw new IllegalArgumentException(race + ": position " + row.publishedPosition() + " appears twice");
            }
        }
    }

    public RaceResult(String race, List<ResultRow> rows) {
        this(race, rows, List.of());
    }

    /** The driver's row, the first if they drove several cars. */
    public Optional<ResultRow> rowOf(String driver) {
        return rows.stream().filter(r -> r.driver().equals(driver)).findFirst();
    }
}
