package dev.pitwall.io;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.RaceTime;
import dev.pitwall.io.sim.SimEntry;
import dev.pitwall.io.sim.SimPenalty;
import dev.pitwall.io.sim.SimSession;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A game's session as the rows of a results table and the stewards' decisions the game took: the file's
 * classification (of one class, when the championship is for one), each lead-lap finisher with the race time the file
 * gives, lapped cars as laps down, then retirements, disqualifications and non-starters. Drivers are matched to the
 * entry list by platform id or name (an entrant's {@code online-id} and {@code aliases}).
 *
 * <p>The game's penalties that decide the result become decisions whose reason says they come from the file: a
 * post-race time penalty is a {@link Decision.TimePenalty} (where the file's total already includes it, the row's time
 * is the total without it, so the classification is the file's and the penalty is visible and can be reviewed), and a
 * disqualification the file gives as a penalty is a {@link Decision.Disqualification}. Penalties served in the race
 * (drive-through, stop-go) are already in the times and stay facts of the file.
 */
final class GameResults {

    /** A decision the game took, about the car on result row {@code row} (0-based). */
    record GameDecision(int row, Kind kind, Optional<Duration> time, String reason) {
        enum Kind { TIME_PENALTY, DISQUALIFICATION }

        Decision about(String race, RaceResult result) {
            String driver = result.rows().get(row).driver();
            return switch (kind) {
                case TIME_PENALTY -> new Decision.TimePenalty(race, driver, time.orElseThrow(), reason);
                case DISQUALIFICATION -> new Decision.Disqualification(race, driver, reason);
            };
        }
    }

    record Imported(List<PublishedRow> rows, List<GameDecision> decisions) {
    }

    private GameResults() {
    }

    static Imported read(Path file, SimSession session, Optional<String> carClass) {
        List<SimEntry> entries = session.results().stream()
                .filter(e -> carClass.isEmpty() || e.carClass().map(c -> c.equalsIgnoreCase(carClass.get())).orElse(false))
                .toList();
        if (carClass.isPresent() && entries.isEmpty() && !session.results().isEmpty()) {
            throw InvalidInputException.at(file, 0, "no car of class " + carClass.get() + " in this file; its classes are "
                    + String.join(", ", session.results().stream().map(e -> e.carClass().orElse("(none)")).distinct().toList()));
        }
        int leaderLaps = entries.stream().mapToInt(SimEntry::laps).max().orElse(0);
        List<PublishedRow> rows = new ArrayList<>();
        List<GameDecision> decisions = new ArrayList<>();
        for (SimEntry e : entries) {
            int row = rows.size();
            Optional<Duration> total = e.totalTime();
            for (SimPenalty p : e.penalties()) {
                String reason = "from the game file " + file.getFileName() + ": " + p.describe();
                if (p.kind() == SimPenalty.Kind.POST_RACE_TIME && p.time().isPresent() && e.laps() == leaderLaps && total.isPresent()
                        && e.status().equals("finished")) {
                    if (p.inResult()) {
                        total = total.map(t -> t.minus(p.time().get())).filter(t -> t.isPositive());
                    }
                    decisions.add(new GameDecision(row, GameDecision.Kind.TIME_PENALTY, p.time(), reason));
                } else if (p.kind() == SimPenalty.Kind.DISQUALIFICATION && !e.status().equals("disqualified")) {
                    decisions.add(new GameDecision(row, GameDecision.Kind.DISQUALIFICATION, Optional.empty(), reason));
                }
            }
            rows.add(new PublishedRow(0, Integer.toString(row + 1), Optional.empty(), e.driver(), time(e, total, leaderLaps), Optional.empty(),
                    e.platformId().filter(id -> !id.isBlank())));
        }
        return new Imported(rows, decisions);
    }

    private static String time(SimEntry e, Optional<Duration> total, int leaderLaps) {
        return switch (e.status()) {
            case "did not start" -> "DNS";
            case "disqualified" -> "DSQ";
            case "none" -> e.laps() < leaderLaps ? lapsDown(leaderLaps - e.laps()) : total.map(RaceTime::format).orElse("");
            default -> {
                if (e.status().startsWith("retired")) {
                    yield "DNF";
                }
                if (e.laps() < leaderLaps) {
                    yield lapsDown(leaderLaps - e.laps());
                }
                yield total.map(RaceTime::format).orElse("");
            }
        };
    }

    private static String lapsDown(int laps) {
        return "+" + laps + (laps == 1 ? " lap" : " laps");
    }
}
