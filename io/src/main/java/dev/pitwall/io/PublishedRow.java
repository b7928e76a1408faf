package dev.pitwall.io;

import java.util.Optional;

/**
 * One row of a results table as written, before its cells are understood: any format (Markdown, CSV,
 * JSON) is first read into these, then {@link ResultRows} turns them into a race result.
 *
 * @param country a separate country cell, when the format has one
 * @param driver  the driver cell, which may start with the country ({@code Italy Valerio Gallo})
 * @param time    the winner's time, a gap, laps down or a status word; may be empty
 * @param points  the points cell, empty when the format has no points column
 * @param platformId the driver's platform id (a Steam id) from a game's file, matched to an entrant's online id
 */
record PublishedRow(int line, String position, Optional<String> country, String driver, String time, Optional<String> points,
                    Optional<String> platformId) {

    PublishedRow(int line, String position, Optional<String> country, String driver, String time, Optional<String> points) {
        this(line, position, country, driver, time, points, Optional.empty());
    }
}
