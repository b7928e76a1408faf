package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classification;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rest of a season as numbers a solver can use: what each place of each remaining race is worth (read from the
 * scoring engine itself, multipliers and the fastest-lap bonus included), each driver's points and finishes so far,
 * the best-N segments and the first tie-break. Points are whole numbers in units of {@code 1/scale}.
 * <p>
 * The model is only used when it agrees with the engine: {@link #agreesWithEngine} compares its totals with the
 * engine's on a completed season, and a season whose rules it cannot follow is left to the engine alone.
 */
final class SeasonModel {

    final Championship before;
    final List<Race> remaining;
    final List<String> drivers;
    final int n;
    /** points[k][p-1]: place p of remaining race k, scaled. */
    final long[][] points;
    /** The fastest-lap bonus of remaining race k, scaled (0 when the race has none). */
    final long[] fastestLapBonus;
    /** The round (1-based) of each remaining race. */
    final int[] roundOf;
    final int rounds;
    final Optional<DropRule> dropRule;
    /** Carry-over minus deductions, scaled. */
    final long[] fixed;
    /** pastByRound[d][round-1]: the points each driver has scored in each round so far, scaled. */
    final long[][] pastByRound;
    /** countbackAll[d][p-1]: race finishes at place p so far; countbackScoring: those of them that scored. */
    final int[][] countbackAll;
    final int[][] countbackScoring;
    final List<TieBreak> tieBreaks;
    /** Every race so far as its classified drivers (indexes), winner first: what a strength model is fitted to. */
    final List<int[]> pastOrders;
    final long scale;

    private SeasonModel(Championship before, List<Race> remaining) {
        this.before = before;
        this.remaining = List.copyOf(remaining);
        this.drivers = before.entrants().stream().map(Entrant::name).toList();
        this.n = drivers.size();
        this.rounds = before.rounds().size();
        this.dropRule = before.scoring().dropRule();
        this.tieBreaks = List.copyOf(before.tieBreaks());

        List<Points[]> racePoints = new ArrayList<>();
        List<Points> bonuses = new ArrayList<>();
        for (Race race : remaining) {
            Classification plain = probe(race, Optional.empty());
            Classification withLap = probe(race, Optional.of(drivers.getFirst()));
            Points[] byPlace = new Points[n];
            for (int p = 1; p <= n; p++) {
                byPlace[p - 1] = plain.entryOf(drivers.get(p - 1)).map(ClassifiedEntry::points).orElse(Points.ZERO);
            }
            racePoints.add(byPlace);
            bonuses.add(withLap.entryOf(drivers.getFirst()).map(ClassifiedEntry::points).orElse(Points.ZERO).minus(byPlace[0]));
        }
        Standings now = Standings.latest(before);
        Points[][] pastRounds = new Points[n][rounds];
        for (Points[] row : pastRounds) {
            Arrays.fill(row, Points.ZERO);
        }
        int[][] counts = new int[n][n];
        int[][] scoring = new int[n][n];
        List<int[]> orders = new ArrayList<>();
        for (Race race : before.racesRun()) {
            Classification c = Classifier.classify(before, race);
            int round = before.roundOf(race);
            orders.add(finishingOrder(c, drivers));
            for (ClassifiedEntry e : c.entries()) {
                int d = drivers.indexOf(e.driver());
                if (d < 0) {
                    continue;
                }
                pastRounds[d][round - 1] = pastRounds[d][round - 1].plus(e.points());
                // As the engine counts back: race finishes (not sprints) at the place they were paid as.
                int place = e.scoringPosition().orElse(e.position().orElse(0));
                if (race.rules().session() != SessionType.SPRINT && e.position().isPresent() && place >= 1 && place <= n) {
                    counts[d][place - 1]++;
                    if (e.points().isPositive()) {
                        scoring[d][place - 1]++;
                    }
                }
            }
        }
        Points[] fixedPoints = new Points[n];
        for (int d = 0; d < n; d++) {
            // A driver the table does not list yet (it lists drivers from their first race) has only a carry-over.
            Entrant entrant = before.entrants().get(d);
            fixedPoints[d] = now.rowOf(drivers.get(d)).map(row -> row.carryOver().minus(row.deductions()))
                    .orElse(entrant.carryOver().points());
        }

        Scaled units = Scaled.of(racePoints, pastRounds, bonuses, fixedPoints);
        this.scale = units.scale();
        this.points = racePoints.stream().map(units::of).toArray(long[][]::new);
        this.fastestLapBonus = units.of(bonuses);
        this.roundOf = remaining.stream().mapToInt(before::roundOf).toArray();
        this.fixed = units.of(fixedPoints);
        this.pastByRound = units.of(pastRounds);
        this.pastOrders = List.copyOf(orders);
        this.countbackAll = counts;
        this.countbackScoring = scoring;
    }

    /** A race's classified drivers (indexes into {@code drivers}), winner first. */
    static int[] finishingOrder(Classification c, List<String> drivers) {
        return c.entries().stream().filter(e -> e.position().isPresent() && drivers.contains(e.driver()))
                .sorted(java.util.Comparator.comparingInt(e -> e.position().getAsInt()))
                .mapToInt(e -> drivers.indexOf(e.driver())).distinct().toArray();
    }

    static SeasonModel of(Championship before, List<Race> remaining) {
        return new SeasonModel(before, remaining);
    }

    private long scaled(Points p) {
        return new Scaled(scale).of(p);
    }

    /** The classification of {@code race} with the drivers in entry-list order, the fastest lap to {@code lap}. */
    private Classification probe(Race race, Optional<String> lap) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new ResultRow(i + 1, drivers.get(i), new Finish.Finished(Optional.empty()), Optional.empty()));
        }
        RaceResult result = new RaceResult(race.name(), rows, lap.map(FastestLap::by).stream().toList());
        return Classifier.classify(before.withResult(result), race);
    }

    /** Whether a place further up never scores less, in every remaining race: finishing higher never hurts. */
    boolean monotone() {
        for (long[] race : points) {
            for (int p = 1; p < race.length; p++) {
                if (race[p] > race[p - 1]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A driver's final total, scaled, when he finishes {@code places[k]} in remaining race k, with the fastest laps given. */
    long total(int driver, int[] places, boolean[] fastestLaps) {
        long[] byRound = pastByRound[driver].clone();
        for (int k = 0; k < places.length; k++) {
            byRound[roundOf[k] - 1] += points[k][places[k] - 1] + (fastestLaps[k] ? fastestLapBonus[k] : 0);
        }
        return fixed[driver] + counted(byRound);
    }

    /** The points of each round that count: the best of each segment, every round no segment covers. */
    long counted(long[] byRound) {
        return counted(byRound, dropRule, rounds);
    }

    /** The same for any table: the best of each segment of {@code dropRule}, every round no segment covers. */
    static long counted(long[] byRound, Optional<DropRule> dropRule, int rounds) {
        if (dropRule.isEmpty()) {
            return Arrays.stream(byRound).sum();
        }
        long total = 0;
        boolean[] covered = new boolean[rounds];
        for (DropRule.Segment s : dropRule.get().segments()) {
            List<Long> in = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                if (s.contains(r + 1)) {
                    in.add(byRound[r]);
                    covered[r] = true;
                }
            }
            in.sort(java.util.Comparator.reverseOrder());
            for (int i = 0; i < Math.min(s.best(), in.size()); i++) {
                total += in.get(i);
            }
        }
        for (int r = 0; r < rounds; r++) {
            if (!covered[r]) {
                total += byRound[r];
            }
        }
        return total;
    }

    /** Whether a finish at {@code place} in remaining race k counts for this countback. */
    boolean countsBack(int k, int place, TieBreak.Countback countback) {
        return remaining.get(k).rules().session() != SessionType.SPRINT && (!countback.scoringFinishesOnly() || points[k][place - 1] > 0);
    }

    /** A driver's finishes so far at each place, as this countback counts them. */
    int[] countback(int driver, TieBreak.Countback countback) {
        return (countback.scoringFinishesOnly() ? countbackScoring : countbackAll)[driver];
    }

    /** Points so far, the remaining races aside (carry-over, deductions and the results that count). */
    long current(int d) {
        return total(d, new int[0], new boolean[0]);
    }

    /**
     * Whether {@code rival} ends ahead of {@code driver}, each finishing the remaining races at the places given (and
     * with the fastest laps given): by points, then the tie-break chain; empty when only the engine can tell (a step
     * the model does not follow).
     */
    Optional<Boolean> rivalAhead(int rival, int[] rivalPlaces, boolean[] rivalLaps, int driver, int[] places, boolean[] laps) {
        long mine = total(driver, places, laps);
        long theirs = total(rival, rivalPlaces, rivalLaps);
        return mine != theirs ? Optional.of(theirs > mine) : tieAhead(rival, rivalPlaces, driver, places);
    }

    /**
     * For two drivers level on points after the remaining races (their places given), whether the tie-break chain puts
     * {@code rival} ahead of {@code driver}: true, false (behind or sharing the place), or empty when a step of the chain
     * is one this model does not follow.
     */
    Optional<Boolean> tieAhead(int rival, int[] rivalPlaces, int driver, int[] driverPlaces) {
        for (TieBreak step : tieBreaks) {
            switch (step) {
                case TieBreak.Countback c -> {
                    int[] mine = counts(driver, driverPlaces, c);
                    int[] theirs = counts(rival, rivalPlaces, c);
                    int cmp = Arrays.compare(theirs, mine);
                    if (cmp != 0) {
                        return Optional.of(cmp > 0);
                    }
                }
                case TieBreak.LatestRaceFinish l -> {
                    int last = rivalPlaces.length - 1;
                    if (last >= 0 && rivalPlaces[last] != driverPlaces[last]) {
                        return Optional.of(rivalPlaces[last] < driverPlaces[last]);
                    }
                    return Optional.empty();
                }
                case TieBreak.FirstToReachTotal f -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(false);
    }

    /** A driver's finishes at each place as this countback counts them, his places in the remaining races included. */
    int[] counts(int d, int[] places, TieBreak.Countback c) {
        int[] counts = countback(d, c).clone();
        for (int k = 0; k < places.length; k++) {
            if (countsBack(k, places[k], c)) {
                counts[places[k] - 1]++;
            }
        }
        return counts;
    }

    /** The final standings when the remaining races finish in these orders (drivers by index), fastest laps as given. */
    Standings engine(int[][] orders, int[] fastestLapBy) {
        Championship season = before;
        for (int k = 0; k < remaining.size(); k++) {
            List<ResultRow> rows = new ArrayList<>();
            for (int i = 0; i < orders[k].length; i++) {
                rows.add(new ResultRow(i + 1, drivers.get(orders[k][i]), new Finish.Finished(Optional.empty()), Optional.empty()));
            }
            List<FastestLap> lap = fastestLapBy[k] >= 0 && fastestLapBonus[k] > 0 ? List.of(FastestLap.by(drivers.get(fastestLapBy[k])))
                    : List.of();
            season = season.withResult(new RaceResult(remaining.get(k).name(), rows, lap));
        }
        return Standings.after(season, remaining.getLast());
    }

    /**
     * Whether the model's totals are the engine's on a completed season (any orders will do: the engine and the model
     * must agree on every one). A season with rules the model does not follow fails here.
     */
    boolean agreesWithEngine(int[][] orders, int[] fastestLapBy) {
        Standings table = engine(orders, fastestLapBy);
        for (int d = 0; d < n; d++) {
            int[] places = new int[remaining.size()];
            boolean[] laps = new boolean[remaining.size()];
            for (int k = 0; k < remaining.size(); k++) {
                for (int i = 0; i < n; i++) {
                    if (orders[k][i] == d) {
                        places[k] = i + 1;
                    }
                }
                laps[k] = fastestLapBy[k] == d;
            }
            StandingsRow row = table.rowOf(drivers.get(d)).orElseThrow();
            if (row.excluded() || total(d, places, laps) != scaled(row.points())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the final table has {@code driver} first (alone or sharing it). */
    boolean champion(Standings table, int driver) {
        return table.rowOf(drivers.get(driver)).flatMap(r -> r.position().isPresent() ? Optional.of(r.position().getAsInt()) : Optional.empty())
                .map(p -> p == 1).orElse(false);
    }

    /** A witness: the orders of the remaining races by name, and the fastest laps where they pay. */
    List<Outlook.RaceOrder> witness(int[][] orders, int[] fastestLapBy) {
        List<Outlook.RaceOrder> out = new ArrayList<>();
        for (int k = 0; k < orders.length; k++) {
            Optional<String> lap = fastestLapBy[k] >= 0 && fastestLapBonus[k] > 0 ? Optional.of(drivers.get(fastestLapBy[k])) : Optional.empty();
            out.add(new Outlook.RaceOrder(remaining.get(k).name(), Arrays.stream(orders[k]).mapToObj(drivers::get).toList(), lap));
        }
        return out;
    }

    /** The index of each driver's assumed place in each remaining race, 0 when free. */
    int[][] assumedPlaces(Map<String, Map<String, Integer>> assumed) {
        int[][] fixedPlace = new int[remaining.size()][n];
        for (int k = 0; k < remaining.size(); k++) {
            Map<String, Integer> here = assumed.getOrDefault(remaining.get(k).name(), Map.of());
            for (var e : here.entrySet()) {
                fixedPlace[k][drivers.indexOf(before.requireEntrant(e.getKey()).name())] = e.getValue();
            }
        }
        return fixedPlace;
    }
}
