package dev.pitwall.io.f1db;

import dev.pitwall.core.model.Points;

/** One row of an F1DB standings table: a position (or DSQ, EX) and the points, for a driver or a constructor. */
public record F1dbStanding(String position, String id, Points points) {
}
