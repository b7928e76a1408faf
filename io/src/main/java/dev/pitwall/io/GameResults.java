package dev.pitwall.io;

import dev.pitwall.core.model.RaceTime;
import dev.pitwall.io.sim.SimEntry;
import dev.pitwall.io.sim.SimSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A game's session as the rows of a results table: the file's classification, each lead-lap finisher with the race
 * time the file gives, lapped cars as laps down, then retirements, disqualifications and non-starters. Drivers are
 * matched to the entry list by name or by platform id (an entrant's {@code online-id}).
 */
final class GameResults {

    private GameResults() {
    }

    static List<PublishedRow> rows(SimSession session) {
        int leaderLaps = session.results().stream().mapToInt(SimEntry::laps).max().orElse(0);
        List<PublishedRow> rows = new ArrayList<>();
        for (SimEntry e : session.results()) {
            String time = switch (e.status()) {
                case "did not start" -> "DNS";
                case "disqualified" -> "DSQ";
                case "none" -> "NC";
                default -> {
                    if (e.status().startsWith("retired")) {
                        yield "DNF";
                    }
                    if (e.laps() < leaderLaps) {
                        yield "+" + (leaderLaps - e.laps()) + (leaderLaps - e.laps() == 1 ? " lap" : " laps");
                    }
                    yield e.totalTime().map(RaceTime::format).orElse("");
                }
            };
            // A game file has no lines a person reads: errors name the driver instead.
            rows.add(new PublishedRow(0, Integer.toString(e.position()), Optional.empty(), e.driver(), time, Optional.empty(),
                    e.platformId().filter(id -> !id.isBlank())));
        }
        return rows;
    }
}
