package dev.pitwall.io.sim;

import java.util.List;

/**
 * A session read from a game's result file: which game wrote it, what session, where, its classification, and what
 * in the file could not be used (a leaderboard line without its car, no classification at all).
 */
public record SimSession(String format, String session, String track, List<SimEntry> results, List<String> warnings) {

    public SimSession {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }
}
