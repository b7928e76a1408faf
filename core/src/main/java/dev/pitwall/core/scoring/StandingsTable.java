package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One championship table's facts, race by race (what each competitor scored, the finishes its countback reads, the
 * decisions that take effect), and the pass that turns them into the standings after every race.
 * <p>
 * The pass carries running totals, countback counts and best-N results forward and ranks each table starting from
 * the previous race's order. It runs for every table of a season at once (a Formula 1 history is some 60,000 rows),
 * so competitors are array indices and its working arrays are reused from one race to the next.
 */
final class StandingsTable {

    /** The deepest finishing place a table takes: a place and a bit fit in an int. */
    private static final int MAX_PLACE = Integer.MAX_VALUE >> 1;
    private static final int UNPLACED = Integer.MAX_VALUE;

    /** The competitors in the order they joined the table; {@link #size} of them. */
    private String[] names;
    private int size;
    private final NameIndex index;
    /**
     * Where each race's entries and finishes start in the arrays below, which hold every race one after the other: a race
     * has room for as many as it has result rows.
     */
    private final int[] start;
    /**
     * Per race: the competitors who took part (scored, even nothing) in the order they were entered, and what each
     * scored, {@link #enteredCount} of them. A race lists a few of a season's competitors, so the pass reads only them.
     */
    private final int[] entered;
    private final Points[] scored;
    private final int[] enteredCount;
    /** Each competitor's place in {@link #entered} of race {@link #slotRace}, the race being filled in. */
    private int[] slot;
    private int[] slotRace;
    /**
     * Per race, from {@link #start}: each finish's competitor, and its place and whether it scored as
     * {@code place << 1 | scored}, {@link #finishCount} of them.
     */
    private final int[] finishWho;
    private final int[] finishPlace;
    private final int[] finishCount;
    /** The deepest place of any finish: countback counts are this long. */
    private int deepestPlace;
    /** The deepest place of any finish that scored: scoring countback counts are this long. */
    private int deepestScoringPlace;
    private Points[] carryOver;
    private boolean[] carryOverKnown;
    /** Whether a competitor is listed before it appears in a race (drivers on the entry list are). */
    private boolean[] present;
    /** The race from which a competitor starts again from zero, or -1. */
    private int[] resetAt;
    private boolean anyReset;
    /** Per race: the deductions and exclusions that take effect, null for none. */
    private final List<Event>[] events;
    private final Optional<DropRule> dropRule;
    private int[] nameOrder;
    private int[] alphabetical;

    /**
     * A table whose competitors join it with {@link #join}: listed from the start (drivers on the entry list) or from
     * the first race they appear in (constructors, as the results name them).
     *
     * @param rows     each race's number of result rows: no race has more entries or finishes
     * @param expected how many competitors to make room for at first
     */
    @SuppressWarnings("unchecked")
    StandingsTable(int[] rows, Optional<DropRule> dropRule, int expected) {
        int races = rows.length;
        this.start = new int[races + 1];
        for (int i = 0; i < races; i++) {
            start[i + 1] = start[i] + rows[i];
        }
        int room = Math.max(expected, 8);
        this.names = new String[room];
        this.index = new NameIndex(room);
        this.entered = new int[start[races]];
        this.scored = new Points[start[races]];
        this.enteredCount = new int[races];
        this.slot = new int[room];
        this.slotRace = new int[room];
        this.finishWho = new int[start[races]];
        this.finishPlace = new int[start[races]];
        this.finishCount = new int[races];
        this.carryOver = new Points[room];
        this.carryOverKnown = new boolean[room];
        this.present = new boolean[room];
        this.resetAt = new int[room];
        this.events = new List[races];
        this.dropRule = dropRule;
    }

    /**
     * The competitor's index, a new competitor joining the table with the given carry-over when the name is new.
     *
     * @param listed whether a new competitor is listed from the start, before it appears in a race
     */
    int join(String name, boolean listed, Points carryOver, boolean carryOverKnown) {
        int c = index.putIfAbsent(name, size);
        if (c < size) {
            return c;
        }
        if (size == names.length) {
            int room = size * 2;
            names = Arrays.copyOf(names, room);
            slot = Arrays.copyOf(slot, room);
            slotRace = Arrays.copyOf(slotRace, room);
            this.carryOver = Arrays.copyOf(this.carryOver, room);
            this.carryOverKnown = Arrays.copyOf(this.carryOverKnown, room);
            present = Arrays.copyOf(present, room);
            resetAt = Arrays.copyOf(resetAt, room);
        }
        names[c] = name;
        slotRace[c] = -1;
        this.carryOver[c] = carryOver;
        this.carryOverKnown[c] = carryOverKnown;
        present[c] = listed;
        resetAt[c] = -1;
        size++;
        return c;
    }

    /** A new competitor joining when first entered in a race, with no carry-over. */
    int join(String name) {
        return join(name, false, Points.ZERO, true);
    }

    /** The competitor is listed from the first table on: it appears in a race that counts. */
    void list(int competitor) {
        present[competitor] = true;
    }

    String name(int competitor) {
        return names[competitor];
    }

    /** The race from which the competitor starts again from zero, or -1. */
    int resetAt(int competitor) {
        return resetAt[competitor];
    }

    /** Where race {@code race}'s entries start: {@link #enter} returns its entries counted from here. */
    int firstEntry(int race) {
        return start[race];
    }

    int index(String name) {
        int i = index.get(name);
        if (i < 0) {
            throw new IllegalArgumentException(name + " is not in this table");
        }
        return i;
    }

    /**
     * The competitor's entry in the race being filled in (races are filled in one after the other), made when it has
     * none yet: what it scored there is {@link #scoredAt}, null until set.
     */
    int enter(int race, int competitor) {
        if (slotRace[competitor] == race) {
            return start[race] + slot[competitor];
        }
        int k = enteredCount[race];
        if (start[race] + k == start[race + 1]) {
            throw new IllegalStateException("more entries than result rows in race " + race);
        }
        enteredCount[race]++;
        entered[start[race] + k] = competitor;
        slot[competitor] = k;
        slotRace[competitor] = race;
        return start[race] + k;
    }

    Points scoredAt(int entry) {
        return scored[entry];
    }

    void scoredAt(int entry, Points points) {
        scored[entry] = points;
    }

    /** How many competitors took part in the race; {@link #entrant} and {@link #scored} read each. */
    int entries(int race) {
        return enteredCount[race];
    }

    int entrant(int race, int k) {
        return entered[start[race] + k];
    }

    Points scored(int race, int k) {
        return scored[start[race] + k];
    }

    /** The competitor starts again from zero from the race on. */
    void resetFrom(int race, int competitor) {
        resetAt[competitor] = race;
        anyReset = true;
    }

    /** A finish at a place that the competitor's countback reads; {@code scored} when it paid points. */
    void finish(int race, int competitor, int place, boolean scored) {
        if (start[race] + finishCount[race] == start[race + 1]) {
            throw new IllegalStateException("more finishes than result rows in race " + race);
        }
        if (place < 1 || place > MAX_PLACE) {
            throw new IllegalArgumentException("a finishing place is from 1 to " + MAX_PLACE + ", was " + place);
        }
        int k = start[race] + finishCount[race]++;
        finishWho[k] = competitor;
        finishPlace[k] = place << 1 | (scored ? 1 : 0);
        deepestPlace = Math.max(deepestPlace, place);
        if (scored) {
            deepestScoringPlace = Math.max(deepestScoringPlace, place);
        }
    }

    /** How many finishes the race has; {@link #finish(int, int)} reads each as {competitor, place, scored (1 or 0)}. */
    int finishes(int race) {
        return finishCount[race];
    }

    int[] finish(int race, int k) {
        int f = start[race] + k;
        return new int[] {finishWho[f], finishPlace[f] >> 1, finishPlace[f] & 1};
    }

    /** Whether any decision takes points away from a competitor of the table. */
    private boolean anyDeduction() {
        for (List<Event> race : events) {
            if (race != null && race.stream().anyMatch(e -> !e.deduction().isZero())) {
                return true;
            }
        }
        return false;
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

        private final int n = size;
        /** The competitors' names as the tables show them. */
        private final List<String> shown = List.of(Arrays.copyOf(names, size));
        private final int[] roundOfRace;
        /** The tie-break chain as codes: the comparison runs for every pair the sort meets. */
        private final int[] tieBreaks;
        /**
         * Points are counted in units of 1/scale, the least common multiple of every denominator in the table (1 for
         * whole points, 2 with half points, 14 with a fastest lap shared seven ways): sums and comparisons stay exact
         * and run on longs.
         */
        private final long scale;
        private final long[] running = new long[n];
        private final long[] deductions = new long[n];
        private final boolean[] excluded = new boolean[n];
        private final boolean[] zeroed = new boolean[n];
        private final int[] wins = new int[n];
        private final int[] lastChange = new int[n];
        /** Each competitor's best place among all its finishes, and among those that scored; 0 for none yet. */
        private final int[] bestAll = new int[n];
        private final int[] bestScoring = new int[n];
        /** Per competitor, how many finishes at each place, of all finishes and of scoring ones: only those the chain reads. */
        private final int[] countsAll;
        private final int[] countsScoring;
        /**
         * How long each competitor's counts are, from {@code c x width}: the deepest place, plus one; for scoring finishes,
         * the deepest scoring place, plus one.
         */
        private final int width = deepestPlace + 1;
        private final int scoringWidth = deepestScoringPlace + 1;
        /** Whether the chain reads finishes that scored nothing (countback over all finishes, the latest race). */
        private final boolean readsEveryFinish;
        /** Per race, each competitor's best place; only when the chain looks at the latest race. */
        private final int[][] bestPlace;
        /** Per competitor, what it scored in each round, for best-N results; null before it first scores. */
        private final long[][] byRound;
        private int roundsCovered;
        private final long[] bestOf;
        /** The rounds of a best-N segment, sorted to pick the best: a working array. */
        private final long[] segment;
        /** The rounds no best-N segment covers, whose results all count: none, in most seasons. */
        private final int[] uncovered;
        /** Each competitor's total as last ranked: worked out again only for those whose standing changed. */
        private final long[] total = new long[n];
        /**
         * Each competitor's total as a sort key, {@link Long#MIN_VALUE} when excluded: where keys differ, the larger ranks
         * ahead; where they are equal, the tie-break chain decides. Kept apart so that the common comparison is small
         * enough to be compiled into the loops that make it.
         */
        private final long[] key = new long[n];
        /** Each competitor's carry-over in units of 1/{@link #scale}. */
        private final long[] scaledCarryOver = new long[n];
        /**
         * When the chain starts with a countback, each competitor's first counted places as a key: the best place, then
         * how many finishes there and at the next five places, a byte each. Where two competitors level on points have
         * different keys, the larger ranks ahead, exactly as the countback says; equal keys, or {@link #NO_KEY} (a place
         * or a count too large for a byte), leave it to the countback itself.
         */
        private final long[] tieKey = new long[n];
        /** The kind of countback the chain starts with, or -1. */
        private final int firstCountback;
        private final boolean[] listed = new boolean[n];
        private int listedCount;
        /**
         * Whether anything the table's order reads (points, finishes, decisions) changed for the competitor in the race
         * being taken in; {@link #changedList} lists them, {@link #changedCount} of them.
         */
        private final boolean[] changed = new boolean[n];
        private final int[] changedList = new int[n];
        private int changedCount;
        /** Per competitor, who was just ahead in the last table (-1 for the leader), and whether they shared the place. */
        private final int[] ahead = new int[n];
        private final boolean[] tiedWithAhead = new boolean[n];
        /** Working arrays of the ranking: those whose standing did not change, and those to place among them. */
        private final int[] stay = new int[n];
        private final int[] movers = new int[n];
        private int[] order = new int[n];
        private int[] previousOrder = new int[n];
        private int previousCount;
        /**
         * The season's standings as they changed, which this pass's tables share; and each competitor's latest entry
         * there, -1 before its first table.
         */
        private final TableRows.Ledger ledger;
        private final int[] lastEntry = new int[n];
        private int racesCounted;

        Pass(int upTo, int[] roundOfRace, List<TieBreak> chain) {
            this.roundOfRace = roundOfRace;
            alphabetical(); // the names' order, which the newly listed come in and the last comparison reads
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
            this.scale = scale(upTo);
            // Room for every competitor's first table and one change in three of a race's result rows: the ledger grows when
            // a season needs more.
            this.ledger = new TableRows.Ledger(shown, carryOver, carryOverKnown, scale, n + (upTo == 0 ? 0 : start[upTo]) / 3,
                    anyDeduction());
            Arrays.fill(lastEntry, -1);
            for (int c = 0; c < n; c++) {
                scaledCarryOver[c] = scaled(carryOver[c]);
            }
            this.countsAll = reads(COUNTBACK_ALL) ? new int[Math.multiplyExact(n, width)] : null;
            this.countsScoring = reads(COUNTBACK_SCORING) ? new int[Math.multiplyExact(n, scoringWidth)] : null;
            this.readsEveryFinish = reads(COUNTBACK_ALL) || latestRace;
            this.firstCountback = tieBreaks.length > 0 && (tieBreaks[0] == COUNTBACK_ALL || tieBreaks[0] == COUNTBACK_SCORING)
                    ? tieBreaks[0] : -1;
            if (dropRule.isPresent()) {
                int rounds = roundOfRace.length == 0 ? 0 : roundOfRace[Math.max(upTo, 1) - 1];
                byRound = new long[n][]; // made on a competitor's first points: most of a 1950s entry list never scored
                this.roundsCovered = rounds;
                bestOf = new long[n];
                segment = new long[rounds];
                boolean[] covered = new boolean[rounds];
                for (DropRule.Segment s : dropRule.get().segments()) {
                    for (int r = Math.max(s.fromRound(), 1) - 1; r < Math.min(rounds, s.toRound()); r++) {
                        covered[r] = true;
                    }
                }
                uncovered = java.util.stream.IntStream.range(0, rounds).filter(r -> !covered[r]).toArray();
            } else {
                byRound = null;
                bestOf = null;
                segment = null;
                uncovered = null;
            }
        }

        private boolean reads(int tieBreak) {
            for (int t : tieBreaks) {
                if (t == tieBreak) {
                    return true;
                }
            }
            return false;
        }

        /** The least common multiple of the denominators of every number the first {@code upTo} races' tables add up. */
        private long scale(int upTo) {
            long lcm = 1;
            for (int c = 0; c < n; c++) {
                lcm = lcm(lcm, carryOver[c].denominator());
            }
            for (int i = 0; i < upTo; i++) {
                for (int k = start[i]; k < start[i] + enteredCount[i]; k++) {
                    Points p = scored[k];
                    if (p.denominator() != 1) {
                        lcm = lcm(lcm, p.denominator());
                    }
                }
                if (events[i] != null) {
                    for (Event event : events[i]) {
                        lcm = lcm(lcm, event.deduction().denominator());
                    }
                }
            }
            return lcm;
        }

        private static long lcm(long a, long b) {
            if (a % b == 0) {
                return a;
            }
            long x = a;
            long y = b;
            while (y != 0) {
                long t = x % y;
                x = y;
                y = t;
            }
            return Math.multiplyExact(a / x, b);
        }

        /** The points in units of 1/{@link #scale}. */
        private long scaled(Points p) {
            return Math.multiplyExact(p.numerator(), p.denominator() == 1 ? scale : scale / p.denominator());
        }

        /** Takes race {@code i} into the running totals and ranks the table after it. */
        Standings race(int i, Race race) {
            if (anyReset) {
                for (int c = 0; c < n; c++) {
                    if (resetAt[c] == i) {
                        running[c] = 0;
                        if (byRound != null && byRound[c] != null) {
                            Arrays.fill(byRound[c], 0);
                        }
                        changed(c);
                    }
                }
            }
            int first = start[i];
            int end = first + enteredCount[i];
            for (int k = first; k < end; k++) {
                int c = entered[k];
                Points p = scored[k];
                if (!p.isZero()) {
                    long value = scaled(p);
                    changed(c);
                    running[c] = Math.addExact(running[c], value);
                    lastChange[c] = i;
                    if (byRound != null) {
                        if (byRound[c] == null) {
                            byRound[c] = new long[roundsCovered];
                        }
                        byRound[c][roundOfRace[i] - 1] = Math.addExact(byRound[c][roundOfRace[i] - 1], value);
                    }
                }
            }
            int[] best = null;
            if (bestPlace != null) {
                best = new int[n];
                Arrays.fill(best, UNPLACED);
                bestPlace[i] = best;
            }
            for (int k = start[i], last = start[i] + finishCount[i]; k < last; k++) {
                int c = finishWho[k];
                int place = finishPlace[k] >> 1;
                int paid = finishPlace[k] & 1;
                if (readsEveryFinish || paid == 1 || place == 1) {
                    changed(c); // a finish that scores nothing changes nothing else when the chain counts back only scoring ones
                }
                if (countsAll != null) {
                    countsAll[c * width + place]++;
                }
                if (countsScoring != null && paid == 1) {
                    countsScoring[c * scoringWidth + place]++;
                }
                bestAll[c] = better(bestAll[c], place);
                if (paid == 1) {
                    bestScoring[c] = better(bestScoring[c], place);
                }
                if (firstCountback == COUNTBACK_ALL || firstCountback == COUNTBACK_SCORING && paid == 1) {
                    tieKey[c] = STALE; // worked out again when a comparison first needs it
                }
                if (best != null) {
                    best[c] = Math.min(best[c], place);
                }
                wins[c] += place == 1 ? 1 : 0;
            }
            if (events[i] != null) {
                for (Event event : events[i]) {
                    int c = event.competitor();
                    changed(c);
                    deductions[c] = Math.addExact(deductions[c], scaled(event.deduction()));
                    excluded[c] |= event.excluded();
                    zeroed[c] |= event.zeroPoints();
                }
            }
            long[] totals = running;
            if (byRound != null) {
                // A result of zero never changes a best-N sum, so only those who scored are summed again.
                int rounds = roundOfRace[i];
                for (int k = first; k < end; k++) {
                    int c = entered[k];
                    if (!scored[k].isZero()) {
                        bestOf[c] = bestResults(dropRule.get(), byRound[c], rounds);
                    }
                }
                if (anyReset) {
                    for (int c = 0; c < n; c++) {
                        if (resetAt[c] == i) {
                            bestOf[c] = byRound[c] == null ? 0 : bestResults(dropRule.get(), byRound[c], rounds);
                        }
                    }
                }
                totals = bestOf;
            }
            return rank(Optional.of(race), totals, i + 1);
        }

        /** The sum of the best results of each segment, and of every round no segment covers. */
        private long bestResults(DropRule rule, long[] byRound, int rounds) {
            // A segment is a dozen rounds or so: when more results score than count, it is copied and sorted, its best
            // are the last.
            long total = 0;
            List<DropRule.Segment> segments = rule.segments();
            for (int s = 0; s < segments.size(); s++) {
                DropRule.Segment seg = segments.get(s);
                int from = Math.max(seg.fromRound(), 1) - 1;
                int to = Math.min(rounds, seg.toRound());
                int count = to - from;
                if (count <= 0) {
                    continue; // the segment's rounds are still to come
                }
                // With no more scoring results than count, they all count: most segments, most of the season.
                int scoring = 0;
                boolean negative = false;
                long sum = 0;
                for (int r = from; r < to; r++) {
                    long v = byRound[r];
                    if (v > 0) {
                        scoring++;
                        sum = Math.addExact(sum, v);
                    } else if (v < 0) {
                        negative = true;
                    }
                }
                if (!negative && scoring <= seg.best()) {
                    total = Math.addExact(total, sum);
                    continue;
                }
                System.arraycopy(byRound, from, segment, 0, count);
                Arrays.sort(segment, 0, count);
                for (int k = count - 1; k >= Math.max(count - seg.best(), 0); k--) {
                    total = Math.addExact(total, segment[k]);
                }
            }
            for (int r : uncovered) {
                if (r < rounds) {
                    total = Math.addExact(total, byRound[r]);
                }
            }
            return total;
        }

        /**
         * Lists those who join the table with this one, after the {@code moving} already to be placed; returns how many
         * are to be placed now. The newly listed come in alphabetical order: those level on everything (no points, no
         * finish yet) are then already in the table's order, and the sort only places the others.
         */
        private int listNewcomers(int moving, int racesCounted) {
            int from = moving;
            if (previousCount == 0 && listedCount == 0) {
                // The first table: whoever is listed from the start, and whoever raced in the races it covers.
                boolean[] raced = new boolean[n];
                for (int i = 0; i < racesCounted; i++) {
                    for (int k = start[i], end = k + enteredCount[i]; k < end; k++) {
                        raced[entered[k]] = true;
                    }
                }
                int[] alphabetical = alphabetical();
                for (int j = 0; j < n; j++) {
                    int c = alphabetical[j];
                    if (present[c] || raced[c]) {
                        moving = list(c, moving);
                    }
                }
            } else if (racesCounted > 0) {
                // Later, whoever takes part for the first time in the latest race: a few, put in alphabetical order.
                int race = racesCounted - 1;
                for (int k = start[race], end = k + enteredCount[race]; k < end; k++) {
                    if (!listed[entered[k]]) {
                        moving = list(entered[k], moving);
                    }
                }
                for (int a = from + 1; a < moving; a++) {
                    int x = movers[a];
                    int b = a - 1;
                    while (b >= from && nameOrder[movers[b]] > nameOrder[x]) {
                        movers[b + 1] = movers[b];
                        b--;
                    }
                    movers[b + 1] = x;
                }
            }
            return moving;
        }

        /** Lists the competitor from this table on, as the {@code moving}-th to be placed; returns how many are. */
        private int list(int c, int moving) {
            listed[c] = true;
            listedCount++;
            changed(c);
            movers[moving] = c;
            return moving + 1;
        }

        private void changed(int c) {
            if (!changed[c]) {
                changed[c] = true;
                changedList[changedCount++] = c;
            }
        }

        /**
         * Ranks the table. Tables change little from one race to the next: those whose standing did not change keep
         * their order among themselves (nothing the comparison reads changed for them), so only those who raced, scored
         * or were the subject of a decision are placed again, and merged into the others.
         */
        Standings rank(Optional<Race> after, long[] totals, int racesCounted) {
            this.racesCounted = racesCounted;
            int kept = 0;
            int moving = 0;
            // Without a branch: whether a competitor changed is as good as random, and a mispredicted branch costs more
            // than writing it to both lists and moving on in one.
            int[] last = previousOrder;
            int[] stay = this.stay;
            int[] movers = this.movers;
            boolean[] changed = this.changed;
            for (int k = 0; k < previousCount; k++) {
                int c = last[k];
                int moved = changed[c] ? 1 : 0;
                movers[moving] = c;
                stay[kept] = c;
                moving += moved;
                kept += 1 - moved;
            }
            if (listedCount < n) {
                moving = listNewcomers(moving, racesCounted);
            }
            for (int k = 0; k < moving; k++) {
                int c = movers[k];
                total[c] = zeroed[c] ? 0 : Math.subtractExact(Math.addExact(scaledCarryOver[c], totals[c]), deductions[c]);
                key[c] = excluded[c] ? Long.MIN_VALUE : total[c];
            }
            sort(movers, moving);
            int[] sorted = order;
            int shown = 0;
            int a = 0;
            for (int b = 0; b < moving; b++) {
                // Those who stay ahead of the next to be placed, found by galloping and then binary search, and copied as a
                // block: most are placed a few lines on, but a newcomer can go deep into a run of competitors level on
                // everything but their names.
                int x = movers[b];
                int low = a;
                int high = kept;
                for (int offset = 0, step = 1; a + offset < kept; offset += step, step <<= 1) {
                    if (compareWithNames(stay[a + offset], x) > 0) {
                        high = a + offset;
                        break;
                    }
                    low = a + offset + 1;
                }
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (compareWithNames(stay[mid], x) < 0) {
                        low = mid + 1;
                    } else {
                        high = mid;
                    }
                }
                System.arraycopy(stay, a, sorted, shown, low - a);
                shown += low - a;
                a = low;
                sorted[shown++] = x;
            }
            System.arraycopy(stay, a, sorted, shown, kept - a);
            shown += kept - a;
            int[] entries = new int[shown];
            int[] places = new int[shown];
            lines(sorted, shown, entries, places);
            for (int k = 0; k < changedCount; k++) {
                changed[changedList[k]] = false;
            }
            changedCount = 0;
            // This table's order is the next one's starting point.
            order = previousOrder;
            previousOrder = sorted;
            previousCount = shown;
            return new Standings(after, new TableRows(ledger, entries, places));
        }

        /**
         * The lines of the table in the given order: each one's place, shared where the tie-break chain leaves competitors
         * level, and its competitor's ledger entry, added when the standing changed. The working arrays are read through
         * locals: the loop calls the full comparison now and then, after which the fields would be read again.
         */
        private void lines(int[] sorted, int shown, int[] entries, int[] places) {
            boolean[] changed = this.changed;
            int[] ahead = this.ahead;
            boolean[] tiedWithAhead = this.tiedWithAhead;
            boolean[] excluded = this.excluded;
            int[] lastEntry = this.lastEntry;
            long[] total = this.total;
            long[] deductions = this.deductions;
            int[] wins = this.wins;
            TableRows.Ledger ledger = this.ledger;
            int place = 0;
            for (int k = 0; k < shown; k++) {
                int c = sorted[k];
                int before = k == 0 ? -1 : sorted[k - 1];
                // Two who did not change and were neighbours already share a place as they did.
                boolean tied = before >= 0 && (!changed[c] && !changed[before] && ahead[c] == before ? tiedWithAhead[c]
                        : compare(before, c) == 0);
                ahead[c] = before;
                tiedWithAhead[c] = tied;
                place = excluded[c] ? 0 : tied ? place : k + 1;
                places[k] = place;
                int entry = lastEntry[c];
                if (entry < 0 || changed[c] && !ledger.shows(entry, total[c], deductions[c], wins[c])) {
                    entry = ledger.add(c, total[c], deductions[c], wins[c]);
                    lastEntry[c] = entry;
                }
                entries[k] = entry;
            }
        }

        /**
         * Sorts the first {@code count} competitors into the table's order. They come in their last table's order, with
         * the newly listed at the end, so most stay behind the one before (one comparison); one that moved is placed by
         * binary search.
         */
        private void sort(int[] competitors, int count) {
            for (int a = 1; a < count; a++) {
                int x = competitors[a];
                if (compareWithNames(competitors[a - 1], x) < 0) {
                    continue;
                }
                int low = 0;
                int high = a - 1; // competitors[high] ranks behind x
                while (low < high) {
                    int mid = (low + high) >>> 1;
                    if (compareWithNames(competitors[mid], x) > 0) {
                        high = mid;
                    } else {
                        low = mid + 1;
                    }
                }
                System.arraycopy(competitors, low, competitors, low + 1, a - low);
                competitors[low] = x;
            }
        }

        /** Negative when {@code a} ranks ahead of {@code b}, zero when they share the place. */
        private int compare(int a, int b) {
            long ka = key[a];
            long kb = key[b];
            if (ka != kb) {
                return ka > kb ? -1 : 1;
            }
            return compareLevelFast(a, b);
        }

        /**
         * For two whose keys are equal: level on points, or both excluded. The first countback's keys decide where they
         * differ (not between two excluded, whose totals come first).
         */
        private int compareLevelFast(int a, int b) {
            if (firstCountback >= 0 && key[a] != Long.MIN_VALUE) {
                long ta = tieKey(a);
                long tb = tieKey(b);
                if (ta != tb && ta != NO_KEY && tb != NO_KEY) {
                    return ta > tb ? -1 : 1;
                }
                if (ta == 0 && tb == 0 && tieBreaks.length == 1) {
                    return 0; // level on points and neither has a finish the only countback reads: level after the chain
                }
            }
            return compareLevel(a, b);
        }

        private long tieKey(int c) {
            long k = tieKey[c];
            if (k == STALE) {
                k = firstCountback == COUNTBACK_ALL ? StandingsTable.tieKey(countsAll, c * width, width, bestAll[c])
                        : StandingsTable.tieKey(countsScoring, c * scoringWidth, scoringWidth, bestScoring[c]);
                tieKey[c] = k;
            }
            return k;
        }

        /** The full comparison, for two whose keys are equal: level on points, or both excluded. */
        private int compareLevel(int a, int b) {
            if (excluded[a] != excluded[b]) {
                return excluded[a] ? 1 : -1;
            }
            int c = Long.compare(total[b], total[a]);
            for (int t = 0; c == 0 && t < tieBreaks.length; t++) {
                c = switch (tieBreaks[t]) {
                    case LATEST_RACE -> latestRaceFinish(a, b);
                    case COUNTBACK_SCORING -> countback(countsScoring, a * scoringWidth, b * scoringWidth, scoringWidth, bestScoring[a],
                            bestScoring[b]);
                    case COUNTBACK_ALL -> countback(countsAll, a * width, b * width, width, bestAll[a], bestAll[b]);
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

    /**
     * The competitors in the alphabetical order of their names, the last separator of a table's order; and each one's
     * place in it, {@link #nameOrder}.
     */
    private int[] alphabetical() {
        if (alphabetical == null) {
            int n = size;
            alphabetical = byPrefix();
            nameOrder = new int[n];
            for (int k = 0; k < n; k++) {
                nameOrder[alphabetical[k]] = k;
            }
        }
        return alphabetical;
    }

    /**
     * The alphabetical order by a primitive sort of each name's first characters (three, or two in a table of more than
     * 65,536, with the competitor in the low bits), then {@link String#compareTo} within each run of names that start
     * alike: the same order as sorting the names, reading each name once instead of at every comparison.
     */
    private int[] byPrefix() {
        int n = size;
        int indexBits = n <= 1 << 16 ? 16 : 32;
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int c = 0; c < n; c++) {
            String name = names[c];
            long prefix = 0;
            for (int k = 0; k < (64 - indexBits) / 16; k++) {
                prefix = prefix << 16 | (k < name.length() ? name.charAt(k) : 0);
            }
            // Characters compare unsigned: the top bit flipped, a signed sort orders them so.
            keys[c] = (prefix << indexBits | c) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & indexMask);
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && keys[to] >>> indexBits == keys[from] >>> indexBits) {
                to++;
            }
            for (int a = from + 1; a < to; a++) { // names that start alike: a few, by insertion
                int x = order[a];
                int b = a - 1;
                while (b >= from && names[order[b]].compareTo(names[x]) > 0) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = x;
            }
            from = to;
        }
        return order;
    }

    private static final long NO_KEY = -1;
    /** A countback key to work out again: the competitor has finished since. */
    private static final long STALE = -2;

    /**
     * A countback's first places as a key (see {@code Pass.tieKey}): 0 with no finish; {@link #NO_KEY} when the best place
     * or a count does not fit in a byte.
     */
    private static long tieKey(int[] counts, int from, int width, int best) {
        if (best == 0) {
            return 0;
        }
        if (best > 254) {
            return NO_KEY;
        }
        long key = 255 - best;
        for (int p = best; p < best + 6; p++) {
            int count = p < width ? counts[from + p] : 0;
            if (count > 255) {
                return NO_KEY;
            }
            key = key << 8 | count;
        }
        return key;
    }

    /** The better of a best place so far (0 for none) and a new place. */
    private static int better(int best, int place) {
        return best == 0 ? place : Math.min(best, place);
    }

    /**
     * Compares finishing-position counts, best first: negative when {@code a} has more of the best place where they
     * differ. The best places decide most comparisons (at the better one, the other has no finish); equal best places
     * compare the counts.
     *
     * @param a     where {@code a}'s counts start in {@code counts}, {@code width} of them (and {@code b}'s)
     * @param bestA {@code a}'s best counted place, 0 when it has none
     */
    private static int countback(int[] counts, int a, int b, int width, int bestA, int bestB) {
        if (bestA != bestB) {
            return bestA == 0 ? 1 : bestB == 0 ? -1 : Integer.compare(bestA, bestB);
        }
        if (bestA == 0) {
            return 0;
        }
        int p = Arrays.mismatch(counts, a, a + width, counts, b, b + width);
        return p < 0 ? 0 : Integer.compare(counts[b + p], counts[a + p]);
    }

}
