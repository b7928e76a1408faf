package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.FastestLapBonus;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.SharedDrive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies the decisions to a race's published results and awards points as the regulations say:
 * <ol>
 *   <li>a disqualified driver leaves the classification and everyone behind moves up;</li>
 *   <li>time penalties are added to race times and drivers on the same lap are re-sorted by time;</li>
 *   <li>position drops move a driver down the classified order;</li>
 *   <li>positions are numbered, drivers who shared a car sharing its position;</li>
 *   <li>each car is paid from the points table at its scoring position, times the race's multiplier; an
 *       ineligible car scores nothing and, if its points pass down, takes no scoring position;</li>
 *   <li>a shared car's points are split between its drivers, or nobody scores, as the championship says;</li>
 *   <li>the fastest-lap bonus goes to the row of the car it was set in.</li>
 * </ol>
 * Classified are drivers who took the flag (on the lead lap or laps down) and retired drivers who covered
 * the minimum distance. Then come the unclassified, the non-starters and the disqualified.
 */
public final class Classifier {

    private Classifier() {
    }

    /** The classification of a race of the championship that has results. */
    public static Classification classify(dev.pitwall.core.model.Championship championship, Race race) {
        return score(championship, race).toClassification();
    }

    public static Classification classify(Race race, RaceResult result, List<Decision> decisions) {
        return classify(race, result, decisions, SharedDrive.SPLIT, MultiCar.SUM);
    }

    /**
     * @param multiCar with {@link MultiCar#BEST}, a driver who drove several cars scores only in the row of their
     *                 best-scoring car; their other rows show no points
     */
    public static Classification classify(Race race, RaceResult result, List<Decision> decisions, SharedDrive sharedDrive,
                                          MultiCar multiCar) {
        return score(race, result, decisions, sharedDrive, multiCar, new Workspace()).toClassification();
    }

    /** A race of the championship classified and scored, without building its entries: what the standings read. */
    static Scored score(dev.pitwall.core.model.Championship championship, Race race) {
        return score(championship, race, championship.decisionsFor(race));
    }

    /** @param decisions the championship's decisions about this race (others are left out) */
    static Scored score(dev.pitwall.core.model.Championship championship, Race race, List<Decision> decisions) {
        RaceResult result = championship.resultOf(race)
                .orElseThrow(() -> new IllegalStateException(race.name() + " has no results yet"));
        return score(championship, race, result, decisions, new Workspace());
    }

    /**
     * @param result    the race's published results, as the championship holds them
     * @param workspace working arrays to reuse, when classifying race after race: the scored race reads them, so it is
     *                  valid until the workspace's next use
     */
    static Scored score(dev.pitwall.core.model.Championship championship, Race race, RaceResult result, List<Decision> decisions,
                        Workspace workspace) {
        return score(race, result, decisions, championship.scoring().sharedDrive(), championship.scoring().multiCar(), workspace);
    }

    /**
     * The arrays a classification sorts a race's rows with and scores them in: one caller classifying race after race (the
     * standings, a season at a time) reuses them, reading each race's scores before it classifies the next.
     */
    static final class Workspace {
        private int[] group = new int[0];
        private int[] laps = new int[0];
        private long[] time = new long[0];
        private int[] order = new int[0];
        /** A race's rows and their scores: the {@link Scored} made with this workspace reads them until its next use. */
        private ResultRow[] rows = new ResultRow[0];
        private int[] position = new int[0];
        private int[] scoringPosition = new int[0];
        private int[] carDrivers = new int[0];
        private Points[] points = new Points[0];
        private Points[] bonus = new Points[0];

        private void fit(int rows) {
            if (group.length < rows) {
                int room = Math.max(rows, 32);
                group = new int[room];
                laps = new int[room];
                time = new long[room];
                order = new int[room];
                this.rows = new ResultRow[room];
                position = new int[room];
                scoringPosition = new int[room];
                carDrivers = new int[room];
                points = new Points[room];
                bonus = new Points[room];
            }
        }
    }

    private static Scored score(Race race, RaceResult result, List<Decision> decisions, SharedDrive sharedDrive, MultiCar multiCar,
                                Workspace workspace) {
        RaceRules rules = race.rules();
        List<Decision> ours = decisions.isEmpty() ? List.of() : new ArrayList<>(decisions.size());
        for (int k = 0; k < decisions.size(); k++) { // indexed: no iterator for each of a thousand races
            if (decisions.get(k).race().equals(race.name())) {
                ours.add(decisions.get(k));
            }
        }
        Field field = Field.of(result, ours, rules, workspace);
        ResultRow[] row = field.rows;
        int rows = field.size;
        int classified = field.classified;

        // Number positions by car, and scoring positions skipping ineligible cars whose points pass down.
        int[] position = workspace.position;
        int[] scoringPosition = workspace.scoringPosition;
        int[] carDrivers = workspace.carDrivers;
        Arrays.fill(position, classified, rows, 0);
        Arrays.fill(scoringPosition, classified, rows, 0);
        Arrays.fill(carDrivers, 0, rows, 1);
        List<Integer> vacated = ours.isEmpty() ? List.of() : new ArrayList<>();
        for (int k = 0; k < ours.size(); k++) {
            if (ours.get(k) instanceof Decision.PositionVacated v) {
                vacated.add(v.position());
            }
        }
        // Most races have no decision: then no position is vacated, no car ineligible and no points awarded.
        boolean decided = !ours.isEmpty();
        int cars = 0;
        int passedDown = 0;
        for (int i = 0; i < classified; i++) {
            boolean sharesCarWithPrevious = i > 0 && row[i].publishedPosition() == row[i - 1].publishedPosition()
                    && row[i].sameCarAs(row[i - 1]);
            Optional<Decision.Ineligible> ineligible = decided ? field.ineligible(i) : Optional.empty();
            if (!sharesCarWithPrevious) {
                cars++;
                while (decided && vacated.contains(cars)) {
                    cars++;
                }
                if (ineligible.map(Decision.Ineligible::pointsPassDown).orElse(false)) {
                    passedDown++;
                }
            }
            position[i] = cars;
            scoringPosition[i] = ineligible.isPresent() ? 0 : cars - passedDown;
        }
        for (int i = 0; i < classified; ) {
            int j = i + 1;
            while (j < classified && position[j] == position[i]) {
                j++;
            }
            if (j - i > 1) {
                Arrays.fill(carDrivers, i, j, j - i);
            }
            i = j;
        }

        List<FastestLap> fastest = fastestLap(result, ours);
        Points[] bonus = workspace.bonus;
        Arrays.fill(bonus, 0, rows, Points.ZERO);
        for (int k = 0; k < fastest.size(); k++) {
            FastestLap f = fastest.get(k);
            int holder = bonusRow(f, row, rows, scoringPosition, rules);
            if (holder >= 0) {
                bonus[holder] = bonus(rules, fastest.size(), holder < classified ? position[holder] : 0);
            }
        }
        Points[] points = workspace.points;
        int paidPlaces = rules.points().byPosition().size();
        for (int i = 0; i < rows; i++) {
            Points positionPoints = Points.ZERO;
            if (i < classified && scoringPosition[i] > 0 && scoringPosition[i] <= paidPlaces) {
                Points car = rules.pointsFor(scoringPosition[i]);
                positionPoints = carDrivers[i] == 1 ? car : switch (sharedDrive) {
                    case SPLIT -> car.dividedBy(carDrivers[i]);
                    case NONE -> Points.ZERO;
                };
            }
            Optional<Decision.PointsAwarded> awarded = decided ? field.awarded(i) : Optional.empty();
            points[i] = awarded.isPresent() ? awarded.get().points() : positionPoints.plus(bonus[i]);
        }
        Scored scored = new Scored(race, field, classified, position, scoringPosition, carDrivers, points, bonus);
        if (multiCar == MultiCar.BEST && scored.someoneScoredInTwoCars()) {
            scored.bestCarOnly();
        }
        return scored;
    }

    /**
     * A race classified and scored, as arrays in classified order: classified rows first, then the rest. The standings
     * read these; {@link #toClassification()} builds the entries of the public view.
     */
    static final class Scored {
        final Race race;
        private final Field field;
        /** How many rows are classified: they come first. */
        final int classified;
        /** Classified position by car, drivers of a shared car sharing it; 0 for a row not classified. */
        final int[] position;
        /** The position the points table is read at; 0 where the row cannot score. */
        final int[] scoringPosition;
        /** How many drivers shared the row's car (1 when nobody did, and for a row not classified). */
        final int[] carDrivers;
        /** What each row scores for its driver, the bonus included. */
        final Points[] points;
        /** The fastest-lap bonus included in {@link #points}. */
        final Points[] bonus;

        private Scored(Race race, Field field, int classified, int[] position, int[] scoringPosition, int[] carDrivers,
                       Points[] points, Points[] bonus) {
            this.race = race;
            this.field = field;
            this.classified = classified;
            this.position = position;
            this.scoringPosition = scoringPosition;
            this.carDrivers = carDrivers;
            this.points = points;
            this.bonus = bonus;
        }

        int size() {
            return field.size;
        }

        String driver(int i) {
            return field.rows[i].driver();
        }

        ResultRow published(int i) {
            return field.rows[i];
        }

        /** Whether the row is the second (or later) driver of the car in the row before. */
        boolean sharesCarWithPrevious(int i) {
            return i > 0 && position[i] > 0 && position[i] == position[i - 1] && published(i).sameCarAs(published(i - 1));
        }

        /**
         * Whether a driver scored in two rows: only then does {@link #bestCarOnly()} change anything, as it zeroes rows
         * that scored. A race has a handful of scoring rows, compared pairwise (no allocation).
         */
        private boolean someoneScoredInTwoCars() {
            for (int a = 1; a < size(); a++) {
                if (points[a].isPositive()) {
                    String driver = driver(a);
                    for (int b = 0; b < a; b++) {
                        if (points[b].isPositive() && driver.equals(driver(b))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Zeroes every row of a driver but the best-scoring one (the first of equals). */
        private void bestCarOnly() {
            java.util.Map<String, Integer> best = new java.util.HashMap<>();
            for (int i = 0; i < size(); i++) {
                Integer b = best.get(driver(i));
                if (b == null || points[i].compareTo(points[b]) > 0) {
                    best.put(driver(i), i);
                }
            }
            for (int i = 0; i < size(); i++) {
                if (best.get(driver(i)) != i && points[i].isPositive()) {
                    points[i] = Points.ZERO;
                    bonus[i] = Points.ZERO;
                }
            }
        }

        Classification toClassification() {
            Optional<Duration> winnerTime = classified == 0 ? Optional.empty() : field.elapsed(0);
            List<ClassifiedEntry> entries = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                Finish finish = field.finish(i);
                Optional<Duration> elapsed = field.elapsed(i);
                Optional<Duration> gap = i == 0 || !(finish instanceof Finish.Finished) ? Optional.empty()
                        : winnerTime.flatMap(w -> elapsed.map(e -> e.minus(w)));
                entries.add(new ClassifiedEntry(positionOrEmpty(position[i]), driver(i), finish, elapsed, gap,
                        points[i], bonus[i], positionOrEmpty(scoringPosition[i]), carDrivers[i], field.decisions(i), published(i)));
            }
            return new Classification(race, entries);
        }
    }

    private static final OptionalInt[] POSITIONS = java.util.stream.IntStream.range(0, 256)
            .mapToObj(p -> p == 0 ? OptionalInt.empty() : OptionalInt.of(p)).toArray(OptionalInt[]::new);

    /** Position {@code p}, empty for 0: the same object each time for the first places (rows are built by the ten thousand). */
    static OptionalInt positionOrEmpty(int p) {
        return p < POSITIONS.length ? POSITIONS[p] : OptionalInt.of(p);
    }

    /** The fastest lap as published, unless a decision awarded it (the latest such decision stands). */
    private static List<FastestLap> fastestLap(RaceResult result, List<Decision> decisions) {
        List<FastestLap> fastest = result.fastestLap();
        for (int k = 0; k < decisions.size(); k++) {
            if (decisions.get(k) instanceof Decision.FastestLapAwarded awarded) {
                fastest = awarded.drivers().stream().map(FastestLap::by).toList();
            }
        }
        return fastest;
    }

    /**
     * The row a fastest lap's bonus goes to: the car it was set in, unless that car scored no position points and
     * the driver scored in another car, whose row then carries it (F1DB's convention for drivers who changed cars).
     */
    private static int bonusRow(FastestLap lap, ResultRow[] rows, int count, int[] scoringPosition, RaceRules rules) {
        int setIn = -1;
        int bestScoring = -1;
        int first = -1;
        String driver = lap.driver();
        int hash = driver.hashCode();
        for (int i = 0; i < count; i++) {
            ResultRow row = rows[i];
            String d = row.driver();
            // The same name object, or else equal hash codes before the characters: one load for most rows.
            if (d != driver && (d.hashCode() != hash || !d.equals(driver))) {
                continue;
            }
            first = first < 0 ? i : first;
            if (setIn < 0 && lap.setIn(row) && lap.car().isPresent()) {
                setIn = i;
            }
            if (bestScoring < 0 && scores(scoringPosition[i], rules)) {
                bestScoring = i;
            }
        }
        if (setIn >= 0 && (scores(scoringPosition[setIn], rules) || bestScoring < 0)) {
            return setIn;
        }
        return bestScoring >= 0 ? bestScoring : first;
    }

    private static boolean scores(int scoringPosition, RaceRules rules) {
        return scoringPosition > 0 && rules.pointsFor(scoringPosition).isPositive();
    }

    /** @param position the holder's classified position, 0 when not classified */
    private static Points bonus(RaceRules rules, int holders, int position) {
        if (rules.fastestLap().isEmpty()) {
            return Points.ZERO;
        }
        FastestLapBonus bonus = rules.fastestLap().get();
        if (bonus.requireClassifiedTop().isPresent()
                && (position == 0 || position > bonus.requireClassifiedTop().getAsInt())) {
            return Points.ZERO;
        }
        return bonus.shareTies() ? bonus.points().dividedBy(holders) : bonus.points();
    }

    /**
     * A race's rows in classified order with the decisions about each driver applied: classified first (by laps
     * completed, then race time with the time penalties where every lead-lap finisher has one, then the published
     * order), then the unclassified, the non-starters and the disqualified; position drops applied.
     */
    private static final class Field {
        /** The rows in classified order, {@link #size} of them (the array can be longer: a workspace's). */
        final ResultRow[] rows;
        final int size;
        /** How each row's race ended, a disqualification applied; null when the race has no decisions: as published. */
        private final Finish[] finishes;
        /** The decisions about each row's driver in this race; null when the race has none. */
        private final List<Decision>[] decisions;
        /** Each row's time penalties added up; null when the race has no decisions. */
        private final Duration[] penalties;
        /** How many rows are classified: they come first. */
        final int classified;

        private Field(ResultRow[] rows, int size, Finish[] finishes, List<Decision>[] decisions, Duration[] penalties,
                      int classified) {
            this.rows = rows;
            this.size = size;
            this.finishes = finishes;
            this.decisions = decisions;
            this.penalties = penalties;
            this.classified = classified;
        }

        @SuppressWarnings("unchecked")
        static Field of(RaceResult result, List<Decision> raceDecisions, RaceRules rules, Workspace workspace) {
            List<ResultRow> published = result.rows();
            int n = published.size();
            boolean anyDecision = !raceDecisions.isEmpty();
            workspace.fit(n);
            ResultRow[] rows = workspace.rows;
            Finish[] finishes = anyDecision ? new Finish[n] : null;
            List<Decision>[] decisions = anyDecision ? new List[n] : null;
            Duration[] penalties = anyDecision ? new Duration[n] : null;
            int[] group = workspace.group;
            int[] laps = workspace.laps;
            long[] time = workspace.time;
            // Without a time for every lead-lap finisher, the published order stands between them.
            boolean timed = true;
            int distance = rules.laps().orElse(Integer.MAX_VALUE / 2);
            for (int i = 0; i < n; i++) {
                ResultRow row = published.get(i);
                rows[i] = row;
                Finish finish = row.finish();
                if (finish instanceof Finish.Finished f && f.elapsed().isEmpty()) {
                    timed = false;
                }
                Duration penalty = Duration.ZERO;
                if (anyDecision) {
                    List<Decision> mine = about(row, raceDecisions);
                    boolean disqualified = false;
                    for (Decision d : mine) {
                        if (d instanceof Decision.Disqualification && !disqualified) {
                            finish = new Finish.Disqualified(d.reason());
                            disqualified = true;
                        } else if (d instanceof Decision.TimePenalty t) {
                            penalty = penalty.plus(t.time());
                        }
                    }
                    decisions[i] = mine;
                    penalties[i] = penalty;
                    finishes[i] = finish;
                }
                time[i] = finish instanceof Finish.Finished f && f.elapsed().isPresent()
                        ? f.elapsed().get().plus(penalty).toNanos() : Long.MAX_VALUE;
                group[i] = group(finish, rules);
                laps[i] = lapsCompleted(finish, distance);
            }
            // Results come nearly in order: an insertion sort of the row numbers, stable.
            int[] order = workspace.order;
            for (int a = 0; a < n; a++) {
                int x = a;
                int b = a - 1;
                while (b >= 0 && compare(order[b], x, group, laps, time, timed, rows) > 0) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = x;
            }
            int classified = 0;
            while (classified < n && group[order[classified]] == 0) {
                classified++;
            }
            for (int d = 0; d < raceDecisions.size(); d++) {
                if (raceDecisions.get(d) instanceof Decision.PositionDrop drop) {
                    int from = -1;
                    for (int k = 0; k < n && from < 0; k++) {
                        from = rows[order[k]].driver().equals(drop.driver()) ? k : -1;
                    }
                    if (from >= 0 && from < classified) {
                        int moved = order[from];
                        int to = Math.min(from + drop.places(), classified - 1);
                        System.arraycopy(order, from + 1, order, from, to - from);
                        order[to] = moved;
                    }
                }
            }
            boolean inOrder = true;
            for (int k = 0; k < n && inOrder; k++) {
                inOrder = order[k] == k;
            }
            if (inOrder) {
                return new Field(rows, n, finishes, decisions, penalties, classified); // as published, most races
            }
            ResultRow[] sortedRows = new ResultRow[n];
            Finish[] sortedFinishes = anyDecision ? new Finish[n] : null;
            List<Decision>[] sortedDecisions = anyDecision ? new List[n] : null;
            Duration[] sortedPenalties = anyDecision ? new Duration[n] : null;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                sortedRows[k] = rows[i];
                if (anyDecision) {
                    sortedFinishes[k] = finishes[i];
                    sortedDecisions[k] = decisions[i];
                    sortedPenalties[k] = penalties[i];
                }
            }
            return new Field(sortedRows, n, sortedFinishes, sortedDecisions, sortedPenalties, classified);
        }

        private static int compare(int a, int b, int[] group, int[] laps, long[] time, boolean timed, ResultRow[] rows) {
            int c = Integer.compare(group[a], group[b]);
            if (c == 0) {
                c = Integer.compare(laps[b], laps[a]);
            }
            if (c == 0 && timed) {
                c = Long.compare(time[a], time[b]);
            }
            return c != 0 ? c : Integer.compare(rows[a].publishedPosition(), rows[b].publishedPosition());
        }

        /** The decisions about the row's driver; a points award that names a position only for the row at it. */
        private static List<Decision> about(ResultRow row, List<Decision> decisions) {
            List<Decision> mine = List.of();
            for (Decision d : decisions) {
                if (d instanceof Decision.AboutDriver about && about.driver().equals(row.driver())
                        && (!(d instanceof Decision.PointsAwarded p) || p.position().isEmpty()
                        || p.position().getAsInt() == row.publishedPosition())) {
                    if (mine.isEmpty()) {
                        mine = new ArrayList<>(2);
                    }
                    mine.add(d);
                }
            }
            return mine.isEmpty() ? mine : List.copyOf(mine);
        }

        /** How the row's race ended, a disqualification applied. */
        Finish finish(int i) {
            return finishes == null ? rows[i].finish() : finishes[i];
        }

        List<Decision> decisions(int i) {
            return decisions == null ? List.of() : decisions[i];
        }

        /** The race time with the time penalties, when the results give one. */
        Optional<Duration> elapsed(int i) {
            if (!(finish(i) instanceof Finish.Finished f)) {
                return Optional.empty();
            }
            return penalties == null || penalties[i].isZero() ? f.elapsed() : f.elapsed().map(e -> e.plus(penalties[i]));
        }

        Optional<Decision.Ineligible> ineligible(int i) {
            return first(i, Decision.Ineligible.class);
        }

        Optional<Decision.PointsAwarded> awarded(int i) {
            return first(i, Decision.PointsAwarded.class);
        }

        private <D extends Decision> Optional<D> first(int i, Class<D> kind) {
            if (decisions != null) {
                for (Decision d : decisions[i]) {
                    if (kind.isInstance(d)) {
                        return Optional.of(kind.cast(d));
                    }
                }
            }
            return Optional.empty();
        }

        /** Laps completed, counted down from the race distance when the distance is not known. */
        private static int lapsCompleted(Finish finish, int distance) {
            // instanceof tests rather than a pattern switch: this runs for every row of every race, and the
            // switch's type test costs several times more.
            if (finish instanceof Finish.Finished) {
                return distance;
            }
            if (finish instanceof Finish.LapsDown l) {
                return distance - l.laps();
            }
            if (finish instanceof Finish.Retired r) {
                return r.lapsCompleted().orElse(0);
            }
            return 0; // not classified, did not start, disqualified
        }

        /** Whether a runner is classified: took the flag, or retired after the minimum distance. */
        private static boolean classified(Finish finish, RaceRules rules) {
            if (finish instanceof Finish.Finished || finish instanceof Finish.LapsDown) {
                return true;
            }
            if (finish instanceof Finish.Retired r && rules.laps().isPresent() && r.lapsCompleted().isPresent()) {
                // laps completed >= minimum share x distance, in integers: laps x d >= n x distance
                Points share = rules.minimumDistance();
                return Math.multiplyExact((long) r.lapsCompleted().get(), share.denominator())
                        >= Math.multiplyExact(share.numerator(), (long) rules.laps().getAsInt());
            }
            return false;
        }

        /** Classified first, then unclassified runners, non-starters, the disqualified. */
        private static int group(Finish finish, RaceRules rules) {
            if (classified(finish, rules)) {
                return 0;
            }
            return finish instanceof Finish.DidNotStart ? 2 : finish instanceof Finish.Disqualified ? 3 : 1;
        }
    }
}
