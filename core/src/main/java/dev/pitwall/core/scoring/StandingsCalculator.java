package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Computes drivers' and constructors' standings from a championship's facts. Each race run is classified and
 * scored once; one pass over the season then carries running totals, countback counts and best-N results
 * forward, producing the table after every race.
 */
final class StandingsCalculator {

    private static final int UNPLACED = Integer.MAX_VALUE;

    private final Championship championship;
    private final List<Race> racesRun;
    private final int[] roundOfRace;
    private final boolean[] isRace;
    private final List<List<Decision>> decisionsByRace = new ArrayList<>();
    private final Map<Race, Integer> indexOfRace = new java.util.IdentityHashMap<>();
    private List<Classification> classifications;
    private List<Standings> drivers;
    private List<Standings> constructors;

    private StandingsCalculator(Championship championship) {
        this.championship = championship;
        this.racesRun = championship.racesRun();
        this.roundOfRace = new int[racesRun.size()];
        this.isRace = new boolean[racesRun.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < racesRun.size(); i++) {
            roundOfRace[i] = championship.roundOf(racesRun.get(i));
            isRace[i] = racesRun.get(i).rules().session() == SessionType.RACE;
            index.put(racesRun.get(i).name(), i);
            indexOfRace.put(racesRun.get(i), i);
            decisionsByRace.add(new ArrayList<>());
        }
        for (Decision d : championship.decisions()) {
            Integer i = index.get(d.race());
            if (i != null) {
                decisionsByRace.get(i).add(d);
            }
        }
    }

    static StandingsCalculator of(Championship championship) {
        return new StandingsCalculator(championship);
    }

    Standings drivers(Optional<Race> after) {
        int counted = counted(after);
        if (counted == 0) {
            return new Standings(after, driverTable().pass(0, this).getFirst().rows());
        }
        return driversAfterEveryRace().get(counted - 1);
    }

    Standings constructors(Optional<Race> after) {
        int counted = counted(after);
        if (championship.scoring().constructors().isEmpty()) {
            return new Standings(after, List.of());
        }
        return counted == 0 ? new Standings(after, List.of()) : constructorsAfterEveryRace().get(counted - 1);
    }

    private int counted(Optional<Race> after) {
        return after.map(race -> {
            Integer found = indexOfRace.get(race);
            int i = found != null ? found : racesRun.indexOf(race);
            if (i < 0) {
                throw new IllegalStateException(race.name() + " has no results yet");
            }
            return i + 1;
        }).orElse(0);
    }

    private List<Classification> classifications() {
        if (classifications == null) {
            List<Classification> list = new ArrayList<>(racesRun.size());
            for (Race race : racesRun) {
                list.add(Classifier.classify(championship, race));
            }
            classifications = list;
        }
        return classifications;
    }

    /** Drivers' standings after each race run, in running order. */
    List<Standings> driversAfterEveryRace() {
        if (drivers == null) {
            drivers = driverTable().pass(racesRun.size(), this).subList(1, racesRun.size() + 1);
        }
        return drivers;
    }

    /** Constructors' standings after each race run; empty tables when there is no constructors' championship. */
    List<Standings> constructorsAfterEveryRace() {
        if (constructors == null) {
            constructors = championship.scoring().constructors()
                    .map(rules -> constructorTable(rules).pass(racesRun.size(), this).subList(1, racesRun.size() + 1))
                    .orElse(racesRun.stream().map(r -> new Standings(Optional.of(r), List.of())).toList());
        }
        return constructors;
    }

    /**
     * What each constructor scored in each race run that still counts (a constructor that started again from zero keeps
     * only what it scored since), before best-N results, deductions and exclusions.
     */
    List<RaceScores> constructorScores() {
        Optional<ConstructorsRules> rules = championship.scoring().constructors();
        if (rules.isEmpty()) {
            return racesRun.stream().map(r -> new RaceScores(r, Map.of(), List.of())).toList();
        }
        Table t = constructorTable(rules.get());
        List<RaceScores> out = new ArrayList<>(racesRun.size());
        for (int i = 0; i < racesRun.size(); i++) {
            Map<String, Points> points = new HashMap<>();
            for (int k = 0; k < t.names.size(); k++) {
                // Points scored before a constructor started again from zero no longer count.
                if (t.points[i][k] != null && i >= t.resetAt[k]) {
                    points.put(t.names.get(k), t.points[i][k]);
                }
            }
            List<RaceScores.CountbackFinish> finishes = new ArrayList<>();
            for (int[] f : t.finishes[i]) {
                finishes.add(new RaceScores.CountbackFinish(t.names.get(f[0]), f[1], f[2] == 1));
            }
            out.add(new RaceScores(racesRun.get(i), points, finishes));
        }
        return out;
    }

    private Table driverTable() {
        List<Entrant> entrants = championship.entrants();
        Table t = new Table(entrants.stream().map(Entrant::name).toList(), racesRun.size(), championship.scoring().dropRule());
        for (int c = 0; c < entrants.size(); c++) {
            t.carryOver[c] = entrants.get(c).carryOver().points();
            t.carryOverKnown[c] = entrants.get(c).carryOver().isKnown();
        }
        MultiCar multiCar = championship.scoring().multiCar();
        List<Classification> classified = classifications();
        for (int i = 0; i < classified.size(); i++) {
            for (ClassifiedEntry e : classified.get(i).entries()) {
                int c = t.index(e.driver());
                Points before = t.points[i][c];
                t.points[i][c] = before == null ? e.points()
                        : multiCar == MultiCar.SUM ? before.plus(e.points()) : (before.compareTo(e.points()) >= 0 ? before : e.points());
                if (e.position().isPresent() && isRace[i]) {
                    // Countback reads the place a finish is paid as: behind an ineligible car whose points pass
                    // down, 6th on the road is 5th. It counts races, not sprints.
                    t.finish(i, c, e.scoringPosition().orElse(e.position().getAsInt()), e.points().isPositive());
                }
            }
            for (Decision d : decisionsByRace.get(i)) {
                if (d instanceof Decision.PointsDeduction p) {
                    t.deduct(i, t.index(p.driver()), p.points());
                } else if (d instanceof Decision.ExcludedFromChampionship x) {
                    t.exclude(i, t.index(x.driver()), false);
                }
            }
        }
        return t;
    }

    private Table constructorTable(ConstructorsRules rules) {
        List<Classification> classified = classifications();
        LinkedHashMap<String, Integer> names = new LinkedHashMap<>();
        for (Classification c : classified) {
            for (ClassifiedEntry e : c.entries()) {
                e.team().ifPresent(team -> names.putIfAbsent(team, names.size()));
            }
        }
        Table t = new Table(List.copyOf(names.keySet()), racesRun.size(), rules.dropRule());
        Arrays.fill(t.present, false);
        for (int i = 0; i < classified.size(); i++) {
            scoreConstructors(i, racesRun.get(i), classified.get(i), rules, t);
            for (Decision d : decisionsByRace.get(i)) {
                switch (d) {
                    case Decision.ConstructorPointsDeduction p -> t.deduct(i, t.index(p.constructor()), p.points());
                    case Decision.ConstructorExcluded x -> t.exclude(i, t.index(x.constructor()), x.zeroPoints());
                    case Decision.ConstructorReset r -> t.resetAt[t.index(r.constructor())] = i;
                    default -> {
                    }
                }
            }
        }
        return t;
    }

    private void scoreConstructors(int i, Race race, Classification c, ConstructorsRules rules, Table t) {
        boolean counts = (isRace[i] || rules.sprints())
                && rules.excludedRaces().stream().noneMatch(x -> Slug.of(x).equals(race.slug()));
        if (!counts) {
            return;
        }
        Set<String> voided = new HashSet<>();
        for (Decision d : decisionsByRace.get(i)) {
            if (d instanceof Decision.ConstructorRaceVoid v) {
                voided.add(v.constructor());
            }
        }
        Set<String> scoredBestCar = new HashSet<>();
        var table = isRace[i] ? rules.points() : race.rules().points();
        ClassifiedEntry previous = null;
        for (ClassifiedEntry e : c.entries()) {
            boolean secondDriverOfSharedCar = previous != null && e.position().isPresent() && e.position().equals(previous.position())
                    && e.published().sameCarAs(previous.published());
            previous = e;
            if (e.team().isEmpty() || secondDriverOfSharedCar) {
                continue; // the second driver of a shared car: the car scores once
            }
            String team = e.team().get();
            int k = t.index(team);
            t.present[k] = true;
            if (t.points[i][k] == null) {
                t.points[i][k] = Points.ZERO;
            }
            if (e.position().isPresent() && isRace[i]) {
                // A finish counts back for the constructor when it scored drivers' points, whichever car scored.
                t.finish(i, k, e.scoringPosition().orElse(e.position().getAsInt()), e.points().isPositive());
            }
            if (e.scoringPosition().isEmpty() || voided.contains(team) || (e.carDrivers() > 1 && !rules.sharedCars())) {
                continue;
            }
            if (rules.bestCarOnly() && !scoredBestCar.add(team)) {
                continue;
            }
            Points p = table.forPosition(e.scoringPosition().getAsInt()).times(race.rules().multiplier());
            if (rules.fastestLap()) {
                p = p.plus(e.bonus());
            }
            t.points[i][k] = t.points[i][k].plus(p);
        }
    }

    /** One championship table's facts, race by race, and the pass that turns them into standings. */
    private static final class Table {
        final List<String> names;
        final Map<String, Integer> index = new HashMap<>();
        final Points[][] points;
        final List<int[]>[] finishes; // per race: {competitor, place, scored}
        final Points[] carryOver;
        final boolean[] carryOverKnown;
        final boolean[] present;
        final int[] resetAt;
        final Map<Integer, List<Event>> events = new HashMap<>(); // per race: deductions and exclusions
        final Optional<DropRule> dropRule;
        private int[] firstSeen;
        private int[] previousOrder = new int[0];
        private StandingsRow[] previousRows;
        private int[] deepAll = new int[0];
        private int[] deepScoring = new int[0];

        @SuppressWarnings("unchecked")
        Table(List<String> names, int races, Optional<DropRule> dropRule) {
            this.names = names;
            for (int c = 0; c < names.size(); c++) {
                index.put(names.get(c), c);
            }
            this.points = new Points[races][names.size()];
            this.finishes = new List[races];
            for (int i = 0; i < races; i++) {
                finishes[i] = new ArrayList<>();
            }
            this.carryOver = new Points[names.size()];
            Arrays.fill(carryOver, Points.ZERO);
            this.carryOverKnown = new boolean[names.size()];
            Arrays.fill(carryOverKnown, true);
            this.present = new boolean[names.size()];
            Arrays.fill(present, true);
            this.resetAt = new int[names.size()];
            Arrays.fill(resetAt, -1);
            this.dropRule = dropRule;
        }

        int index(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalArgumentException(name + " is not in this table");
            }
            return i;
        }

        void finish(int race, int competitor, int place, boolean scored) {
            finishes[race].add(new int[] {competitor, place, scored ? 1 : 0});
        }

        /** A decision taking effect from a race on: points taken away, or exclusion (with the total shown as zero). */
        private record Event(int competitor, Points deduction, boolean excluded, boolean zeroPoints) {
        }

        void deduct(int race, int competitor, Points points) {
            events.computeIfAbsent(race, r -> new ArrayList<>()).add(new Event(competitor, points, false, false));
        }

        void exclude(int race, int competitor, boolean zeroPoints) {
            events.computeIfAbsent(race, r -> new ArrayList<>()).add(new Event(competitor, Points.ZERO, true, zeroPoints));
        }

        /** The tables before any race (index 0) and after each of the first {@code upTo} races. */
        List<Standings> pass(int upTo, StandingsCalculator season) {
            int n = names.size();
            Points[] running = new Points[n];
            Points[] deductions = new Points[n];
            Arrays.fill(deductions, Points.ZERO);
            boolean[] excluded = new boolean[n];
            boolean[] zeroed = new boolean[n];
            int[] wins = new int[n];
            int[] lastChange = new int[n];
            int deepest = 1;
            deepAll = new int[n];
            deepScoring = new int[n];
            int[][] countsAll = new int[n][];
            int[][] countsScoring = new int[n][];
            int[][] bestPlace = new int[upTo][n];
            Points[] bestOf = new Points[n];
            Arrays.fill(bestOf, Points.ZERO);
            Points[][] byRound = dropRule.isPresent() ? new Points[n][season.roundOfRace.length == 0 ? 0
                    : season.roundOfRace[Math.max(upTo, 1) - 1]] : null;
            for (int c = 0; c < n; c++) {
                running[c] = Points.ZERO;
                countsAll[c] = new int[8];
                countsScoring[c] = new int[8];
                if (byRound != null) {
                    Arrays.fill(byRound[c], Points.ZERO);
                }
            }
            previousOrder = new int[0];
            previousRows = new StandingsRow[n];
            List<Standings> tables = new ArrayList<>(upTo + 1);
            tables.add(rank(Optional.empty(), n, running, deductions, excluded, zeroed, wins, countsAll, countsScoring, bestPlace, 0,
                    lastChange, season));
            for (int i = 0; i < upTo; i++) {
                Arrays.fill(bestPlace[i], UNPLACED);
                for (int c = 0; c < n; c++) {
                    if (resetAt[c] == i) {
                        running[c] = Points.ZERO;
                        if (byRound != null) {
                            Arrays.fill(byRound[c], Points.ZERO);
                        }
                    }
                    Points p = points[i][c];
                    if (p != null && !p.isZero()) {
                        running[c] = running[c].plus(p);
                        lastChange[c] = i;
                        if (byRound != null) {
                            int r = season.roundOfRace[i] - 1;
                            byRound[c][r] = byRound[c][r].plus(p);
                        }
                    }
                }
                for (int[] f : finishes[i]) {
                    int c = f[0];
                    int place = f[1];
                    if (place >= countsAll[c].length) {
                        countsAll[c] = Arrays.copyOf(countsAll[c], place + 8);
                        countsScoring[c] = Arrays.copyOf(countsScoring[c], place + 8);
                    }
                    countsAll[c][place]++;
                    countsScoring[c][place] += f[2];
                    deepAll[c] = Math.max(deepAll[c], place);
                    if (f[2] == 1) {
                        deepScoring[c] = Math.max(deepScoring[c], place);
                    }
                    deepest = Math.max(deepest, place);
                    bestPlace[i][c] = Math.min(bestPlace[i][c], place);
                    wins[c] += place == 1 ? 1 : 0;
                }
                for (Event event : events.getOrDefault(i, List.of())) {
                    int c = event.competitor();
                    deductions[c] = deductions[c].plus(event.deduction());
                    excluded[c] |= event.excluded();
                    zeroed[c] |= event.zeroPoints();
                }
                Points[] totals = running;
                if (byRound != null) {
                    // A result of zero never changes a best-N sum, so only those who scored are summed again.
                    int rounds = season.roundOfRace[i];
                    for (int c = 0; c < n; c++) {
                        Points p = points[i][c];
                        if (p != null && !p.isZero() || resetAt[c] == i) {
                            bestOf[c] = best(dropRule.get(), byRound[c], rounds);
                        }
                    }
                    totals = bestOf.clone();
                }
                tables.add(rank(Optional.of(season.racesRun.get(i)), n, totals, deductions, excluded, zeroed, wins, countsAll, countsScoring,
                        bestPlace, i + 1, lastChange, season));
            }
            return tables;
        }

        private Standings rank(Optional<Race> after, int n, Points[] totals, Points[] deductions, boolean[] excluded, boolean[] zeroed,
                               int[] wins, int[][] countsAll, int[][] countsScoring, int[][] bestPlace, int racesCounted,
                               int[] lastChange, StandingsCalculator season) {
            Points[] total = new Points[n];
            for (int c = 0; c < n; c++) {
                total[c] = zeroed[c] ? Points.ZERO : carryOver[c].plus(totals[c]).minus(deductions[c]);
            }
            // Start from the order after the previous race: tables change little from one race to the next, and the
            // insertion sort then has almost nothing to do.
            boolean[] listed = new boolean[n];
            int[] sorted = new int[n];
            int shown = 0;
            for (int c : previousOrder) {
                listed[c] = true;
                sorted[shown++] = c;
            }
            for (int c = 0; c < n; c++) {
                if (!listed[c] && (present[c] || racesCounted > 0 && seen(c, racesCounted))) {
                    sorted[shown++] = c;
                }
            }
            Ranking ranking = new Ranking(season.championship.tieBreaks(), excluded, total, countsAll, countsScoring, bestPlace,
                    racesCounted, lastChange);
            for (int a = 1; a < shown; a++) {
                int x = sorted[a];
                int b = a - 1;
                while (b >= 0 && ranking.compareWithNames(sorted[b], x) > 0) {
                    sorted[b + 1] = sorted[b];
                    b--;
                }
                sorted[b + 1] = x;
            }
            previousOrder = Arrays.copyOf(sorted, shown);
            StandingsRow[] rows = new StandingsRow[shown];
            for (int k = 0; k < shown; k++) {
                int c = sorted[k];
                OptionalInt position;
                if (excluded[c]) {
                    position = OptionalInt.empty();
                } else if (k > 0 && ranking.compare(sorted[k - 1], c) == 0) {
                    position = rows[k - 1].position();
                } else {
                    position = position(k + 1);
                }
                StandingsRow before = previousRows[c];
                // A row that has not changed since the previous table is the same row: rows are values.
                rows[k] = before != null && before.position().equals(position) && before.points().equals(total[c])
                        && before.deductions().equals(deductions[c]) && before.wins() == wins[c] ? before
                        : new StandingsRow(position, names.get(c), total[c], carryOver[c], deductions[c], wins[c], carryOverKnown[c]);
                previousRows[c] = rows[k];
            }
            return new Standings(after, List.of(rows));
        }

        /** The table's order: excluded competitors last, then points, then the tie-break chain (and names, for a stable order). */
        private final class Ranking {
            private final List<TieBreak> tieBreaks;
            private final boolean[] excluded;
            private final Points[] total;
            private final int[][] countsAll;
            private final int[][] countsScoring;
            private final int[][] bestPlace;
            private final int racesCounted;
            private final int[] lastChange;

            Ranking(List<TieBreak> tieBreaks, boolean[] excluded, Points[] total, int[][] countsAll, int[][] countsScoring, int[][] bestPlace,
                    int racesCounted, int[] lastChange) {
                this.tieBreaks = tieBreaks;
                this.excluded = excluded;
                this.total = total;
                this.countsAll = countsAll;
                this.countsScoring = countsScoring;
                this.bestPlace = bestPlace;
                this.racesCounted = racesCounted;
                this.lastChange = lastChange;
            }

            /** Negative when {@code a} ranks ahead of {@code b}, zero when they share the place. */
            int compare(int a, int b) {
                if (excluded[a] != excluded[b]) {
                    return excluded[a] ? 1 : -1;
                }
                int c = total[b].compareTo(total[a]);
                for (int t = 0; c == 0 && t < tieBreaks.size(); t++) {
                    c = switch (tieBreaks.get(t)) {
                        case TieBreak.LatestRaceFinish l -> latestRaceFinish(a, b, bestPlace, racesCounted);
                        case TieBreak.Countback cb -> cb.scoringFinishesOnly()
                                ? countback(countsScoring[a], countsScoring[b], Math.max(deepScoring[a], deepScoring[b]))
                                : countback(countsAll[a], countsAll[b], Math.max(deepAll[a], deepAll[b]));
                        case TieBreak.FirstToReachTotal f -> Integer.compare(lastChange[a], lastChange[b]);
                    };
                }
                return c;
            }

            int compareWithNames(int a, int b) {
                int c = compare(a, b);
                return c != 0 ? c : names.get(a).compareTo(names.get(b));
            }
        }

        private static final OptionalInt[] POSITIONS = java.util.stream.IntStream.range(0, 256).mapToObj(OptionalInt::of)
                .toArray(OptionalInt[]::new);

        /** Position {@code p}: the same object each time for the first places (rows are built by the ten thousand). */
        private static OptionalInt position(int p) {
            return p < POSITIONS.length ? POSITIONS[p] : OptionalInt.of(p);
        }

        /** Whether a constructor has appeared in the races counted so far. */
        private boolean seen(int c, int racesCounted) {
            return firstSeen(c) < racesCounted;
        }

        private int firstSeen(int c) {
            if (firstSeen == null) {
                firstSeen = new int[names.size()];
                Arrays.fill(firstSeen, Integer.MAX_VALUE);
                for (int i = points.length - 1; i >= 0; i--) {
                    for (int k = 0; k < names.size(); k++) {
                        if (points[i][k] != null) {
                            firstSeen[k] = i;
                        }
                    }
                }
            }
            return firstSeen[c];
        }

        private static int latestRaceFinish(int a, int b, int[][] bestPlace, int racesCounted) {
            for (int i = racesCounted - 1; i >= 0; i--) {
                int cmp = Integer.compare(bestPlace[i][a], bestPlace[i][b]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        }

        /** Compares finishing-position counts, best first, down to the deepest place either has. */
        private static int countback(int[] a, int[] b, int deepest) {
            for (int p = 1; p <= deepest; p++) {
                int cmp = Integer.compare(p < b.length ? b[p] : 0, p < a.length ? a[p] : 0);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        }

        /** The sum of the best results of each segment, and every round no segment covers. */
        private static Points best(DropRule rule, Points[] byRound, int rounds) {
            Points total = Points.ZERO;
            boolean[] covered = new boolean[rounds];
            Points[] inSegment = new Points[rounds];
            for (DropRule.Segment segment : rule.segments()) {
                int count = 0;
                for (int r = 0; r < rounds; r++) {
                    if (segment.contains(r + 1)) {
                        inSegment[count++] = byRound[r];
                        covered[r] = true;
                    }
                }
                // The best N of a segment of a dozen rounds or so: an insertion sort, best first.
                for (int a = 1; a < count; a++) {
                    Points x = inSegment[a];
                    int b = a - 1;
                    while (b >= 0 && inSegment[b].compareTo(x) < 0) {
                        inSegment[b + 1] = inSegment[b];
                        b--;
                    }
                    inSegment[b + 1] = x;
                }
                for (int k = 0; k < Math.min(segment.best(), count); k++) {
                    total = total.plus(inSegment[k]);
                }
            }
            for (int r = 0; r < rounds; r++) {
                if (!covered[r]) {
                    total = total.plus(byRound[r]);
                }
            }
            return total;
        }
    }
}
