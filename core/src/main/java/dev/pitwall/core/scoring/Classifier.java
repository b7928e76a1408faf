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
        return score(race, result, decisions, sharedDrive, multiCar).toClassification();
    }

    /** A race of the championship classified and scored, without building its entries: what the standings read. */
    static Scored score(dev.pitwall.core.model.Championship championship, Race race) {
        RaceResult result = championship.resultOf(race)
                .orElseThrow(() -> new IllegalStateException(race.name() + " has no results yet"));
        return score(race, result, championship.decisionsFor(race), championship.scoring().sharedDrive(),
                championship.scoring().multiCar());
    }

    private static Scored score(Race race, RaceResult result, List<Decision> decisions, SharedDrive sharedDrive, MultiCar multiCar) {
        RaceRules rules = race.rules();
        List<Decision> ours = decisions.isEmpty() ? List.of() : new ArrayList<>(decisions.size());
        for (Decision d : decisions) {
            if (d.race().equals(race.name())) {
                ours.add(d);
            }
        }
        List<Runner> order = order(result, ours, rules);
        int rows = order.size();
        int classified = 0;
        for (Runner r : order) {
            classified += r.classified() ? 1 : 0;
        }

        // Number positions by car, and scoring positions skipping ineligible cars whose points pass down.
        int[] position = new int[rows];
        int[] scoringPosition = new int[rows];
        int[] carDrivers = new int[rows];
        Arrays.fill(carDrivers, 1);
        List<Integer> vacated = ours.isEmpty() ? List.of() : new ArrayList<>();
        for (Decision d : ours) {
            if (d instanceof Decision.PositionVacated v) {
                vacated.add(v.position());
            }
        }
        int cars = 0;
        int passedDown = 0;
        for (int i = 0; i < classified; i++) {
            Runner r = order.get(i);
            boolean sharesCarWithPrevious = i > 0 && r.row.publishedPosition() == order.get(i - 1).row.publishedPosition()
                    && r.row.sameCarAs(order.get(i - 1).row);
            if (!sharesCarWithPrevious) {
                cars++;
                while (vacated.contains(cars)) {
                    cars++;
                }
                if (r.ineligible().map(Decision.Ineligible::pointsPassDown).orElse(false)) {
                    passedDown++;
                }
            }
            position[i] = cars;
            scoringPosition[i] = r.ineligible().isPresent() ? 0 : cars - passedDown;
        }
        for (int i = 0; i < classified; ) {
            int j = i;
            while (j < classified && position[j] == position[i]) {
                j++;
            }
            Arrays.fill(carDrivers, i, j, j - i);
            i = j;
        }

        List<FastestLap> fastest = fastestLap(result, ours);
        Points[] bonus = new Points[rows];
        Arrays.fill(bonus, Points.ZERO);
        for (FastestLap f : fastest) {
            int row = bonusRow(f, order, scoringPosition, rules);
            if (row >= 0) {
                bonus[row] = bonus(rules, fastest.size(), row < classified ? position[row] : 0);
            }
        }
        Points[] points = new Points[rows];
        for (int i = 0; i < rows; i++) {
            Runner r = order.get(i);
            Points positionPoints = Points.ZERO;
            if (i < classified && scoringPosition[i] > 0) {
                Points car = rules.pointsFor(scoringPosition[i]);
                positionPoints = carDrivers[i] == 1 ? car : switch (sharedDrive) {
                    case SPLIT -> car.dividedBy(carDrivers[i]);
                    case NONE -> Points.ZERO;
                };
            }
            Optional<Decision.PointsAwarded> awarded = r.awarded();
            points[i] = awarded.isPresent() ? awarded.get().points() : positionPoints.plus(bonus[i]);
        }
        Scored scored = new Scored(race, order, classified, position, scoringPosition, carDrivers, points, bonus);
        if (multiCar == MultiCar.BEST && scored.someoneDroveTwoCars()) {
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
        private final List<Runner> order;
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

        private Scored(Race race, List<Runner> order, int classified, int[] position, int[] scoringPosition, int[] carDrivers,
                       Points[] points, Points[] bonus) {
            this.race = race;
            this.order = order;
            this.classified = classified;
            this.position = position;
            this.scoringPosition = scoringPosition;
            this.carDrivers = carDrivers;
            this.points = points;
            this.bonus = bonus;
        }

        int size() {
            return order.size();
        }

        String driver(int i) {
            return order.get(i).row.driver();
        }

        ResultRow published(int i) {
            return order.get(i).row;
        }

        /** Whether the row is the second (or later) driver of the car in the row before. */
        boolean sharesCarWithPrevious(int i) {
            return i > 0 && position[i] > 0 && position[i] == position[i - 1] && published(i).sameCarAs(published(i - 1));
        }

        private boolean someoneDroveTwoCars() {
            // The names' hash codes, sorted: only two rows with the same hash can be the same driver.
            int[] hashes = new int[size()];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = driver(i).hashCode();
            }
            Arrays.sort(hashes);
            for (int i = 1; i < hashes.length; i++) {
                if (hashes[i] == hashes[i - 1]) {
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (int k = 0; k < size(); k++) {
                        if (!seen.add(driver(k))) {
                            return true;
                        }
                    }
                    return false;
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
            Optional<Duration> winnerTime = classified == 0 ? Optional.empty() : order.getFirst().elapsed();
            List<ClassifiedEntry> entries = new ArrayList<>(size());
            for (int i = 0; i < size(); i++) {
                Runner r = order.get(i);
                Optional<Duration> gap = i == 0 || !(r.finish instanceof Finish.Finished) ? Optional.empty()
                        : winnerTime.flatMap(w -> r.elapsed().map(e -> e.minus(w)));
                entries.add(new ClassifiedEntry(positionOrEmpty(position[i]), r.row.driver(), r.finish, r.elapsed(), gap,
                        points[i], bonus[i], positionOrEmpty(scoringPosition[i]), carDrivers[i], r.decisions, r.row));
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

    private static List<Runner> order(RaceResult result, List<Decision> decisions, RaceRules rules) {
        boolean timed = true;
        List<Runner> order = new ArrayList<>(result.rows().size());
        for (ResultRow row : result.rows()) {
            if (row.finish() instanceof Finish.Finished f && f.elapsed().isEmpty()) {
                timed = false;
            }
            order.add(Runner.of(row, decisions, rules));
        }
        // Without a time for every lead-lap finisher, the published order stands between them.
        boolean byTime = timed;
        order.sort((a, b) -> {
            int c = Integer.compare(a.group, b.group);
            if (c == 0) {
                c = Integer.compare(b.laps, a.laps);
            }
            if (c == 0 && byTime) {
                c = Long.compare(a.elapsedNanos, b.elapsedNanos);
            }
            return c != 0 ? c : Integer.compare(a.row.publishedPosition(), b.row.publishedPosition());
        });

        int classified = 0;
        for (Runner r : order) {
            classified += r.group == 0 ? 1 : 0;
        }
        for (Decision d : decisions) {
            if (d instanceof Decision.PositionDrop drop) {
                int from = indexOf(order, drop.driver());
                if (from >= 0 && from < classified) {
                    Runner moved = order.remove(from);
                    order.add(Math.min(from + drop.places(), classified - 1), moved);
                }
            }
        }
        return order;
    }

    /** The fastest lap as published, unless a decision awarded it (the latest such decision stands). */
    private static List<FastestLap> fastestLap(RaceResult result, List<Decision> decisions) {
        List<FastestLap> fastest = result.fastestLap();
        for (Decision d : decisions) {
            if (d instanceof Decision.FastestLapAwarded awarded) {
                fastest = awarded.drivers().stream().map(FastestLap::by).toList();
            }
        }
        return fastest;
    }

    /**
     * The row a fastest lap's bonus goes to: the car it was set in, unless that car scored no position points and
     * the driver scored in another car, whose row then carries it (F1DB's convention for drivers who changed cars).
     */
    private static int bonusRow(FastestLap lap, List<Runner> order, int[] scoringPosition, RaceRules rules) {
        int setIn = -1;
        int bestScoring = -1;
        int first = -1;
        for (int i = 0; i < order.size(); i++) {
            ResultRow row = order.get(i).row;
            if (!row.driver().equals(lap.driver())) {
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

    private static int indexOf(List<Runner> order, String driver) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).row.driver().equals(driver)) {
                return i;
            }
        }
        return -1;
    }

    /** A row with the decisions about its driver applied, and what sorting needs, worked out once. */
    private static final class Runner {
        final ResultRow row;
        final Finish finish;
        final List<Decision> decisions;
        final int group;
        final int laps;
        /** The race time with the time penalties, when the results give one; worked out once. */
        private final Optional<Duration> elapsed;
        final long elapsedNanos;

        private Runner(ResultRow row, Finish finish, List<Decision> decisions, Duration penaltyTime, RaceRules rules) {
            this.row = row;
            this.finish = finish;
            this.decisions = decisions;
            this.group = group(finish, rules);
            this.laps = lapsCompleted(finish, rules);
            this.elapsed = finish instanceof Finish.Finished f
                    ? (penaltyTime.isZero() ? f.elapsed() : f.elapsed().map(e -> e.plus(penaltyTime))) : Optional.empty();
            this.elapsedNanos = elapsed.isPresent() ? elapsed.get().toNanos() : Long.MAX_VALUE;
        }

        static Runner of(ResultRow row, List<Decision> decisions, RaceRules rules) {
            if (decisions.isEmpty()) {
                return new Runner(row, row.finish(), List.of(), Duration.ZERO, rules);
            }
            List<Decision> mine = decisions.stream()
                    .filter(d -> d instanceof Decision.AboutDriver about && about.driver().equals(row.driver()))
                    .filter(d -> !(d instanceof Decision.PointsAwarded p) || p.position().isEmpty()
                            || p.position().getAsInt() == row.publishedPosition())
                    .toList();
            Finish finish = mine.stream()
                    .filter(d -> d instanceof Decision.Disqualification)
                    .<Finish>map(d -> new Finish.Disqualified(d.reason()))
                    .findFirst().orElse(row.finish());
            Duration penalty = mine.stream()
                    .filter(d -> d instanceof Decision.TimePenalty)
                    .map(d -> ((Decision.TimePenalty) d).time())
                    .reduce(Duration.ZERO, Duration::plus);
            return new Runner(row, finish, mine, penalty, rules);
        }

        Optional<Decision.Ineligible> ineligible() {
            return decisions.isEmpty() ? Optional.empty() : first(Decision.Ineligible.class);
        }

        Optional<Decision.PointsAwarded> awarded() {
            return decisions.isEmpty() ? Optional.empty() : first(Decision.PointsAwarded.class);
        }

        private <D extends Decision> Optional<D> first(Class<D> kind) {
            for (Decision d : decisions) {
                if (kind.isInstance(d)) {
                    return Optional.of(kind.cast(d));
                }
            }
            return Optional.empty();
        }

        Optional<Duration> elapsed() {
            return elapsed;
        }

        boolean classified() {
            return group == 0;
        }

        /** Laps completed, counted down from the race distance when the distance is not known. */
        private static int lapsCompleted(Finish finish, RaceRules rules) {
            // instanceof tests rather than a pattern switch: this runs for every row of every race, and the
            // switch's type test costs several times more.
            int distance = rules.laps().orElse(Integer.MAX_VALUE / 2);
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
