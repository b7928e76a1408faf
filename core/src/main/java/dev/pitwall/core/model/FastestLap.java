package dev.pitwall.core.model;

import java.util.Objects;
import java.util.Optional;

/** Who set a race's fastest lap, and in which car when the results say. */
public record FastestLap(String driver, Optional<String> car) {

    public FastestLap {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(car, "car");
    }

    public static FastestLap by(String driver) {
        return new FastestLap(driver, Optional.empty());
    }

    /** Whether the lap was set in this row's car. */
    public boolean setIn(ResultRow row) {
        return driver.equals(row.driver()) && (car.isEmpty() || car.equals(row.car()));
    }
}
