package dev.pitwall.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of a race's published results: the position printed, the driver, how they finished and the
 * points printed beside them (which Pitwall audits, never trusts).
 */
public record ResultRow(int publishedPosition, String driver, Finish finish, Optional<Points> publishedPoints) {

    public ResultRow {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(publishedPoints, "publishedPoints");
        if (publishedPosition < 1) {
            throw new IllegalArgumentException("a published position starts at 1, was " + publishedPosition);
        }
    }
}
