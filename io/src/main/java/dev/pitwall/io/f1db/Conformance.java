package dev.pitwall.io.f1db;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.scoring.Classification;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what Pitwall computes from a season's results alone with what F1DB publishes: the points of every
 * result row, and every row of the drivers' and constructors' standings after every round (position and points).
 */
public final class Conformance {

    private Conformance() {
    }

    /** Matched rows out of rows compared. */
    public record Tally(int matched, int total) {
        public Tally plus(Tally other) {
            return new Tally(matched + other.matched, total + other.total);
        }

        public double rate() {
            return total == 0 ? 1.0 : (double) matched / total;
        }
    }

    /** A row where Pitwall and F1DB disagree, and Pitwall's explanation. */
    @JsonPropertyOrder({"season", "round", "race", "table", "id", "f1db", "pitwall", "reason"})
    public record Mismatch(int season, int round, String race, String table, String id, String f1db, String pitwall, String reason) {
    }

    /** One season's comparison. */
    @JsonPropertyOrder({"season", "racePoints", "drivers", "constructors", "finalDriversIdentical"})
    public record SeasonReport(int season, Tally racePoints, Tally drivers, Tally constructors, boolean finalDriversIdentical,
                               @com.fasterxml.jackson.annotation.JsonIgnore List<Mismatch> mismatches) {
    }

    public static SeasonReport check(F1dbSeason season, Championship championship) {
        List<Mismatch> mismatches = new ArrayList<>();
        Tally racePoints = new Tally(0, 0);
        for (int i = 0; i < season.races().size(); i++) {
            Round round = championship.rounds().get(i);
            for (Race race : round.races()) {
                racePoints = racePoints.plus(racePoints(season.year(), season.races().get(i).round(), championship, race, mismatches));
            }
        }
        List<Standings.Pair> tables = Standings.everyRace(championship);
        List<Race> run = championship.racesRun();
        Tally drivers = new Tally(0, 0);
        Tally constructors = new Tally(0, 0);
        boolean finalIdentical = true;
        for (int i = 0; i < season.races().size(); i++) {
            F1dbRace f1db = season.races().get(i);
            F1dbRace previous = i == 0 ? null : season.races().get(i - 1);
            Race last = championship.rounds().get(i).races().getLast();
            Standings.Pair after = tables.get(run.indexOf(last));
            Tally d = compare(season.year(), f1db.round(), last.name(), "drivers", f1db.driverStandings(), after.drivers(),
                    slip(previous == null ? List.of() : previous.driverStandings(), f1db), mismatches);
            drivers = drivers.plus(d);
            constructors = constructors.plus(compare(season.year(), f1db.round(), last.name(), "constructors",
                    f1db.constructorStandings(), after.constructors(), id -> java.util.Optional.empty(), mismatches));
            if (i == season.races().size() - 1) {
                finalIdentical = d.matched() == d.total();
            }
        }
        return new SeasonReport(season.year(), racePoints, drivers, constructors, finalIdentical, mismatches);
    }

    private static Tally racePoints(int year, int round, Championship championship, Race race, List<Mismatch> mismatches) {
        Classification c = Classifier.classify(championship, race);
        Map<ResultRow, ClassifiedEntry> byRow = new IdentityHashMap<>();
        c.entries().forEach(e -> byRow.put(e.published(), e));
        int matched = 0;
        List<ResultRow> rows = championship.resultOf(race).orElseThrow().rows();
        for (ResultRow row : rows) {
            Points published = row.publishedPoints().orElse(Points.ZERO);
            Points computed = byRow.get(row).points();
            if (same(published, computed)) {
                matched++;
            } else {
                mismatches.add(new Mismatch(year, round, race.name(), "race points", row.driver() + " " + row.car().orElse(""),
                        shown(published), shown(computed), "the regulations give " + computed));
            }
        }
        return new Tally(matched, rows.size());
    }

    /**
     * For a driver whose F1DB total is not the previous F1DB total plus F1DB's own points for the round (before any
     * best-N results apply), the sum it should have been: a slip in the record itself.
     */
    private static java.util.function.Function<String, java.util.Optional<String>> slip(List<F1dbStanding> before, F1dbRace round) {
        Map<String, Points> earlier = new HashMap<>();
        before.forEach(s -> earlier.put(s.id(), s.points()));
        Map<String, Points> scored = new HashMap<>();
        for (List<F1dbResult> rows : List.of(round.sprint(), round.race())) {
            rows.forEach(r -> scored.merge(r.driverId(), r.points(), Points::plus));
        }
        Map<String, Points> now = new HashMap<>();
        round.driverStandings().forEach(s -> now.put(s.id(), s.points()));
        return id -> {
            Points expected = earlier.getOrDefault(id, Points.ZERO).plus(scored.getOrDefault(id, Points.ZERO));
            Points shown = now.getOrDefault(id, Points.ZERO);
            return same(expected, shown) ? java.util.Optional.empty()
                    : java.util.Optional.of("F1DB's total does not follow from F1DB's own results (previous total "
                    + shown(earlier.getOrDefault(id, Points.ZERO)) + " + " + shown(scored.getOrDefault(id, Points.ZERO)) + " this round = "
                    + shown(expected) + ", not " + shown(shown) + "): a slip in the record");
        };
    }

    private static Tally compare(int year, int round, String race, String table, List<F1dbStanding> published, Standings computed,
                                 java.util.function.Function<String, java.util.Optional<String>> slip, List<Mismatch> mismatches) {
        Map<String, StandingsRow> ours = new HashMap<>();
        computed.rows().forEach(r -> ours.put(r.name(), r));
        Map<Points, Integer> level = new HashMap<>();
        published.forEach(p -> level.merge(p.points(), 1, Integer::sum));
        int matched = 0;
        for (F1dbStanding p : published) {
            StandingsRow row = ours.get(p.id());
            String theirs = position(p.position()) + " " + shown(p.points());
            if (row == null) {
                mismatches.add(new Mismatch(year, round, race, table, p.id(), theirs, "-", "not in Pitwall's table"));
                continue;
            }
            String mine = row.positionText() + " " + shown(row.points());
            if (theirs.equals(mine)) {
                matched++;
                continue;
            }
            String reason;
            java.util.Set<String> positions = new java.util.HashSet<>();
            published.forEach(x -> positions.add(x.position()));
            if (!same(p.points(), row.points())) {
                reason = slip.apply(p.id()).orElse("points differ");
            } else if (row.position().isPresent() && !positions.contains(Integer.toString(row.position().getAsInt()))
                    && published.stream().anyMatch(x -> x.position().equals("EX") || x.position().equals("DSQ"))) {
                reason = "F1DB keeps the excluded entry's place in its numbering: no row is " + row.positionText()
                        + " in its table";
            } else if (level.getOrDefault(p.points(), 0) > 1) {
                reason = "level on points with another; F1DB separates or shares them differently from its countback, "
                        + "by a convention no written rule gives";
            } else {
                reason = "a row above differs";
            }
            mismatches.add(new Mismatch(year, round, race, table, p.id(), theirs, mine, reason));
        }
        return new Tally(matched, published.size());
    }

    /** Equal at F1DB's precision: it stores 1/7 of a point as 0.14. */
    private static boolean same(Points f1db, Points computed) {
        return f1db.rounded(2).compareTo(computed.rounded(2)) == 0;
    }

    private static String shown(Points points) {
        return points.toDecimal().map(d -> d.toPlainString()).orElse(points.rounded(2).stripTrailingZeros().toPlainString());
    }

    private static String position(String f1db) {
        return f1db.equals("DSQ") || f1db.equals("EX") ? "EX" : f1db;
    }
}
