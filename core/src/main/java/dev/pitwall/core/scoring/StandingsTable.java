package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One championship table's facts, race by race (what each competitor scored, the finishes its countback reads, the
 * decisions that take effect), and the pass that turns them into the standings after every race.
 * <p>
 * The pass carries running totals, countback counts and best-N results forward and ranks each table starting from
 * the previous race's order. It runs for every table of a season at once (a Formula 1 history is some 60,000 rows),
 * so competitors are array indices and its working arrays are reused from one race to the next.
 */
final class StandingsTable {

    private static final int UNPLACED = Integer.MAX_VALUE;
    private static final int[] NO_FINISHES = new int[0];

    final List<String> names;
    private final Map<String, Integer> index;
    /** Per race and competitor: what the competitor scored, or null when it was not in the race. */
    final Points[][] points;
    /** Per race: {competitor, place, scored (1 or 0)} for each finish, packed, {@link #finishCount} of them. */
    final int[][] finishes;
    final int[] finishCount;
    /** The deepest place of any finish: countback counts are this long. */
    private int deepestPlace;
    final Points[] carryOver;
    final boolean[] carryOverKnown;
    /** Whether a competitor is listed before it appears in a race (drivers on the entry list are). */
    final boolean[] present;
    /** The race from which a competitor starts again from zero, or -1. */
    final int[] resetAt;
    /** Per race: the deductions and exclusions that take effect, null for none. */
    private final List<Event>[] events;
    private final Optional<DropRule> dropRule;
    private int[] firstSeen;
    private int[] nameOrder;

    @SuppressWarnings("unchecked")
    StandingsTable(List<String> names, int races, Optional<DropRule> dropRule) {
        int n = names.size();
        this.names = names;
        this.index = HashMap.newHashMap(n);
        for (int c = 0; c < n; c++) {
            index.put(names.get(c), c);
        }
        this.points = new Points[races][n];
        this.finishes = new int[races][];
        Arrays.fill(finishes, NO_FINISHES);
        this.finishCount = new int[races];
        this.carryOver = new Points[n];
        Arrays.fill(carryOver, Points.ZERO);
        this.carryOverKnown = new boolean[n];
        Arrays.fill(carryOverKnown, true);
        this.present = new boolean[n];
        Arrays.fill(present, true);
        this.resetAt = new int[n];
        Arrays.fill(resetAt, -1);
        this.events = new List[races];
        this.dropRule = dropRule;
    }

    int index(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException(name + " is not in this table");
        }
        return i;
    }

    /** A finish at a place that the competitor's countback reads; {@code scored} when it paid points. */
    void finish(int race, int competitor, int place, boolean scored) {
        int k = finishCount[race] * 3;
        if (k == finishes[race].length) {
            finishes[race] = Arrays.copyOf(finishes[race], Math.max(24 * 3, k * 2));
        }
        int[] f = finishes[race];
        f[k] = competitor;
        f[k + 1] = place;
        f[k + 2] = scored ? 1 : 0;
        finishCount[race]++;
        deepestPlace = Math.max(deepestPlace, place);
    }

    /** A decision taking effect from a race on: points taken away, or exclusion (with the total shown as zero). */
    private record Event(int competitor, Points deduction, boolean excluded, boolean zeroPoints) {
    }

    void deduct(int race, int competitor, Points points) {
        event(race, new Event(competitor, points, false, false));
    }

    void exclude(int race, int competitor, boolean zeroPoints) {
        event(race, new Event(competitor, Points.ZERO, true, zeroPoints));
    }

    private void event(int race, Event event) {
        if (events[race] == null) {
            events[race] = new ArrayList<>(2);
        }
        events[race].add(event);
    }

    /**
     * The tables after each of the first {@code upTo} races; with {@code upTo} zero, the table before any race.
     *
     * @param roundOfRace the round (from 1) of each race
     */
    List<Standings> pass(int upTo, List<Race> races, int[] roundOfRace, List<TieBreak> chain) {
        Pass pass = new Pass(upTo, roundOfRace, chain);
        List<Standings> tables = new ArrayList<>(Math.max(upTo, 1));
        if (upTo == 0) {
            tables.add(pass.rank(Optional.empty(), pass.running, 0));
        }
        for (int i = 0; i < upTo; i++) {
            tables.add(pass.race(i, races.get(i)));
        }
        return tables;
    }

    /** The running state of one pass over the season, and the ranking of each table. */
    private final class Pass {
        private static final int LATEST_RACE = 0;
        private static final int COUNTBACK_ALL = 1;
        private static final int COUNTBACK_SCORING = 2;
        private static final int FIRST_TO_REACH = 3;

        private final int n = names.size();
        private final int[] roundOfRace;
        /** The tie-break chain as codes: the comparison runs for every pair the sort meets. */
        private final int[] tieBreaks;
        private final Points[] running = new Points[n];
        private final Points[] deductions = new Points[n];
        private final boolean[] excluded = new boolean[n];
        private final boolean[] zeroed = new boolean[n];
        private final int[] wins = new int[n];
        private final int[] lastChange = new int[n];
        private final int[] deepAll = new int[n];
        private final int[] deepScoring = new int[n];
        private final int[][] countsAll = new int[n][];
        private final int[][] countsScoring = new int[n][];
        /** Per race, each competitor's best place; only when the chain looks at the latest race. */
        private final int[][] bestPlace;
        private final Points[][] byRound;
        private final Points[] bestOf;
        /** The totals of the table being ranked; the rows keep the values, so the array is reused. */
        private final Points[] total = new Points[n];
        private final boolean[] listed = new boolean[n];
        private int[] order = new int[n];
        private int[] previousOrder = new int[n];
        private int previousCount;
        private final StandingsRow[] previousRows = new StandingsRow[n];
        private int racesCounted;

        Pass(int upTo, int[] roundOfRace, List<TieBreak> chain) {
            this.roundOfRace = roundOfRace;
            nameOrder();
            this.tieBreaks = new int[chain.size()];
            boolean latestRace = false;
            for (int t = 0; t < chain.size(); t++) {
                tieBreaks[t] = switch (chain.get(t)) {
                    case TieBreak.LatestRaceFinish l -> LATEST_RACE;
                    case TieBreak.Countback cb -> cb.scoringFinishesOnly() ? COUNTBACK_SCORING : COUNTBACK_ALL;
                    case TieBreak.FirstToReachTotal f -> FIRST_TO_REACH;
                };
                latestRace |= tieBreaks[t] == LATEST_RACE;
            }
            this.bestPlace = latestRace ? new int[upTo][] : null;
            Arrays.fill(running, Points.ZERO);
            Arrays.fill(deductions, Points.ZERO);
            Arrays.fill(countsAll, NO_FINISHES);
            Arrays.fill(countsScoring, NO_FINISHES);
            if (dropRule.isPresent()) {
                int rounds = roundOfRace.length == 0 ? 0 : roundOfRace[Math.max(upTo, 1) - 1];
                byRound = new Points[n][rounds];
                for (Points[] r : byRound) {
                    Arrays.fill(r, Points.ZERO);
                }
                bestOf = new Points[n];
                Arrays.fill(bestOf, Points.ZERO);
            } else {
                byRound = null;
                bestOf = null;
            }
        }

        /** Takes race {@code i} into the running totals and ranks the table after it. */
        Standings race(int i, Race race) {
            Points[] scored = points[i];
            for (int c = 0; c < n; c++) {
                if (resetAt[c] == i) {
                    running[c] = Points.ZERO;
                    if (byRound != null) {
                        Arrays.fill(byRound[c], Points.ZERO);
                    }
                }
                Points p = scored[c];
                if (p != null && !p.isZero()) {
                    running[c] = running[c].plus(p);
                    lastChange[c] = i;
                    if (byRound != null) {
                        int r = roundOfRace[i] - 1;
                        byRound[c][r] = byRound[c][r].plus(p);
                    }
                }
            }
            int[] best = null;
            if (bestPlace != null) {
                best = new int[n];
                Arrays.fill(best, UNPLACED);
                bestPlace[i] = best;
            }
            int[] f = finishes[i];
            for (int k = 0, end = finishCount[i] * 3; k < end; k += 3) {
                int c = f[k];
                int place = f[k + 1];
                int paid = f[k + 2];
                if (countsAll[c] == NO_FINISHES) {
                    countsAll[c] = new int[deepestPlace + 1];
                    countsScoring[c] = new int[deepestPlace + 1];
                }
                countsAll[c][place]++;
                countsScoring[c][place] += paid;
                deepAll[c] = Math.max(deepAll[c], place);
                if (paid == 1) {
                    deepScoring[c] = Math.max(deepScoring[c], place);
                }
                if (best != null) {
                    best[c] = Math.min(best[c], place);
                }
                wins[c] += place == 1 ? 1 : 0;
            }
            if (events[i] != null) {
                for (Event event : events[i]) {
                    int c = event.competitor();
                    deductions[c] = deductions[c].plus(event.deduction());
                    excluded[c] |= event.excluded();
                    zeroed[c] |= event.zeroPoints();
                }
            }
            Points[] totals = running;
            if (byRound != null) {
                // A result of zero never changes a best-N sum, so only those who scored are summed again.
                int rounds = roundOfRace[i];
                for (int c = 0; c < n; c++) {
                    Points p = scored[c];
                    if (p != null && !p.isZero() || resetAt[c] == i) {
                        bestOf[c] = bestResults(dropRule.get(), byRound[c], rounds);
                    }
                }
                totals = bestOf;
            }
            return rank(Optional.of(race), totals, i + 1);
        }

        Standings rank(Optional<Race> after, Points[] totals, int racesCounted) {
            this.racesCounted = racesCounted;
            for (int c = 0; c < n; c++) {
                total[c] = zeroed[c] ? Points.ZERO : carryOver[c].plus(totals[c]).minus(deductions[c]);
            }
            // Start from the order after the previous race: tables change little from one race to the next, so most
            // competitors stay behind the one before them (one comparison); one who moved is placed by binary search.
            int[] sorted = order;
            int shown = 0;
            for (int k = 0; k < previousCount; k++) {
                int c = previousOrder[k];
                listed[c] = true;
                sorted[shown++] = c;
            }
            for (int c = 0; c < n; c++) {
                if (!listed[c] && (present[c] || racesCounted > 0 && firstSeen(c) < racesCounted)) {
                    listed[c] = true;
                    sorted[shown++] = c;
                }
            }
            for (int a = 1; a < shown; a++) {
                int x = sorted[a];
                if (compareWithNames(sorted[a - 1], x) <= 0) {
                    continue;
                }
                int low = 0;
                int high = a - 1; // sorted[high] ranks behind x
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (compareWithNames(sorted[mid], x) > 0) {
                        high = mid;
                    } else {
                        low = mid + 1;
                    }
                }
                System.arraycopy(sorted, low, sorted, low + 1, a - low);
                sorted[low] = x;
            }
            StandingsRow[] rows = new StandingsRow[shown];
            for (int k = 0; k < shown; k++) {
                int c = sorted[k];
                OptionalInt position;
                if (excluded[c]) {
                    position = OptionalInt.empty();
                } else if (k > 0 && compare(sorted[k - 1], c) == 0) {
                    position = rows[k - 1].position();
                } else {
                    position = Classifier.positionOrEmpty(k + 1);
                }
                StandingsRow before = previousRows[c];
                // A row that has not changed since the previous table is the same row: rows are values.
                rows[k] = before != null && before.position().equals(position) && before.points().equals(total[c])
                        && before.deductions().equals(deductions[c]) && before.wins() == wins[c] ? before
                        : new StandingsRow(position, names.get(c), total[c], carryOver[c], deductions[c], wins[c], carryOverKnown[c]);
                previousRows[c] = rows[k];
            }
            // This table's order is the next one's starting point.
            order = previousOrder;
            previousOrder = sorted;
            previousCount = shown;
            return new Standings(after, List.of(rows));
        }

        /** Negative when {@code a} ranks ahead of {@code b}, zero when they share the place. */
        private int compare(int a, int b) {
            if (excluded[a] != excluded[b]) {
                return excluded[a] ? 1 : -1;
            }
            int c = total[b].compareTo(total[a]);
            for (int t = 0; c == 0 && t < tieBreaks.length; t++) {
                c = switch (tieBreaks[t]) {
                    case LATEST_RACE -> latestRaceFinish(a, b);
                    case COUNTBACK_SCORING -> countback(countsScoring[a], countsScoring[b], Math.max(deepScoring[a], deepScoring[b]));
                    case COUNTBACK_ALL -> countback(countsAll[a], countsAll[b], Math.max(deepAll[a], deepAll[b]));
                    default -> Integer.compare(lastChange[a], lastChange[b]);
                };
            }
            return c;
        }

        /** The table's order: excluded competitors last, then points, then the tie-break chain, then names. */
        private int compareWithNames(int a, int b) {
            int c = compare(a, b);
            return c != 0 ? c : Integer.compare(nameOrder[a], nameOrder[b]);
        }

        private int latestRaceFinish(int a, int b) {
            for (int i = racesCounted - 1; i >= 0; i--) {
                int cmp = Integer.compare(bestPlace[i][a], bestPlace[i][b]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        }
    }

    /** Each competitor's place in the alphabetical order of names, the last separator of a table's order. */
    private void nameOrder() {
        if (nameOrder == null) {
            Integer[] byName = new Integer[names.size()];
            for (int c = 0; c < byName.length; c++) {
                byName[c] = c;
            }
            Arrays.sort(byName, (a, b) -> names.get(a).compareTo(names.get(b)));
            nameOrder = new int[byName.length];
            for (int k = 0; k < byName.length; k++) {
                nameOrder[byName[k]] = k;
            }
        }
    }

    /** The first race a competitor appears in (scored, even zero, or took part). */
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

    /**
     * Compares finishing-position counts, best first: negative when {@code a} has more of the best place where they
     * differ. The counts of a table are all as long (or empty, for a competitor with no finish yet).
     */
    private static int countback(int[] a, int[] b, int deepest) {
        if (a.length == b.length) {
            int p = Arrays.mismatch(a, b);
            return p < 0 || p > deepest ? 0 : Integer.compare(b[p], a[p]);
        }
        // One has no finish yet: the other ranks ahead at its first counted place, if it has one.
        int[] counted = a.length > 0 ? a : b;
        for (int p = 1; p <= deepest; p++) {
            if (counted[p] != 0) {
                return counted == a ? -1 : 1;
            }
        }
        return 0;
    }

    /** The sum of the best results of each segment, and every round no segment covers. */
    private static Points bestResults(DropRule rule, Points[] byRound, int rounds) {
        Points total = Points.ZERO;
        boolean[] covered = new boolean[rounds];
        Points[] inSegment = new Points[rounds];
        List<DropRule.Segment> segments = rule.segments();
        for (int s = 0; s < segments.size(); s++) {
            DropRule.Segment segment = segments.get(s);
            int count = 0;
            for (int r = Math.max(segment.fromRound(), 1) - 1; r < Math.min(rounds, segment.toRound()); r++) {
                inSegment[count++] = byRound[r];
                covered[r] = true;
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
