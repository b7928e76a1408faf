package dev.pitwall.scenarios;

import dev.pitwall.core.model.Ordinal;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact answers with two or more races left: a greedy witness first, then the constraint model, and every
 * witness scored by the engine before it is believed. A "no" is a proof: the model is a relaxation of the
 * regulations (the driver's own best places, the first tie-break in the rivals' favour where it cannot be decided),
 * used only once its totals agree with the engine's.
 */
final class SeveralRaces {

    private final SeasonModel season;
    private final int[][] assumed;
    private final Duration limit;
    private final Optional<String> outsideTheModel;

    SeveralRaces(SeasonModel season, Map<String, Map<String, Integer>> assumedByName, Duration limit) {
        this.season = season;
        this.assumed = season.assumedPlaces(assumedByName);
        this.limit = limit;
        this.outsideTheModel = check();
    }

    /** Whether the model's totals are the engine's for these regulations. */
    boolean usable() {
        return outsideTheModel.isEmpty();
    }

    SeasonModel season() {
        return season;
    }

    /** Can the driver still finish first: yes with a witness the engine confirms, no (proved), or undecided with why. */
    Scenarios.Chance chance(String driver) {
        int target = season.drivers.indexOf(driver);
        if (outsideTheModel.isPresent()) {
            return new Scenarios.Chance(driver, Outlook.Answer.UNDECIDED, outsideTheModel.get(), List.of());
        }
        Optional<int[][]> greedy = greedy(target, assumed);
        if (greedy.isPresent()) {
            int[] laps = new int[season.remaining.size()];
            Arrays.fill(laps, target);
            return new Scenarios.Chance(driver, Outlook.Answer.YES, "", season.witness(greedy.get(), laps));
        }
        return switch (new TitleSolver(season, assumed, limit).solve(target, TitleSolver.Mode.ALL_BEHIND)) {
            case TitleSolver.Outcome.Witness w when champion(w.found(), target) ->
                    new Scenarios.Chance(driver, Outlook.Answer.YES, "", season.witness(w.found().orders(), w.found().fastestLapBy()));
            case TitleSolver.Outcome.Witness w -> new Scenarios.Chance(driver, Outlook.Answer.UNDECIDED,
                    "the solver's witness is not a title once every tie-break step is applied", List.of());
            case TitleSolver.Outcome.Impossible i -> new Scenarios.Chance(driver, Outlook.Answer.NO, "", List.of());
            case TitleSolver.Outcome.TimedOut t -> new Scenarios.Chance(driver, Outlook.Answer.UNDECIDED,
                    "the solver's time limit (" + limit.toMillis() + " ms) ran out", List.of());
        };
    }

    /** Why the model cannot be trusted with these regulations, or empty when it can. */
    private Optional<String> check() {
        return outsideTheModel(season.monotone(), season.remaining.size(), season.n, season::agreesWithEngine);
    }

    /**
     * Why a solver's model cannot be trusted with these regulations, or empty when it can: a points table that pays a
     * lower place more, or totals that differ from the engine's on two completed seasons (the entry list's order turning
     * race by race with the fastest lap to the winner, and its reverse without one). Orders are by entry, laps by entry
     * or -1.
     */
    static Optional<String> outsideTheModel(boolean monotone, int races, int n, java.util.function.BiPredicate<int[][], int[]> agreesWithEngine) {
        if (!monotone) {
            return Optional.of("a points table pays a lower place more than a higher one, so finishing higher may not help");
        }
        int[][] forward = new int[races][n];
        int[][] backward = new int[races][n];
        int[] lapsForward = new int[races];
        int[] lapsBackward = new int[races];
        for (int k = 0; k < races; k++) {
            for (int i = 0; i < n; i++) {
                forward[k][i] = (i + k) % n;
                backward[k][i] = n - 1 - (i + 2 * k) % n;
            }
            lapsForward[k] = forward[k][0];
            lapsBackward[k] = -1;
        }
        if (!agreesWithEngine.test(forward, lapsForward) || !agreesWithEngine.test(backward, lapsBackward)) {
            return Optional.of("these regulations score something the solver's model does not follow (the engine and the model "
                    + "disagree on a completed season)");
        }
        return Optional.empty();
    }

    Outlook outlook(String driver, Points points, double[] odds) {
        int target = season.drivers.indexOf(driver);
        if (outsideTheModel.isPresent()) {
            return new Outlook(driver, points, Outlook.Answer.UNDECIDED, outsideTheModel.get(), 0, 0, odds[0], odds[1], odds[2], odds[3],
                    List.of(), List.of());
        }
        Scenarios.Chance chance = chance(driver);
        Outlook.Answer answer = chance.canWin();
        String reason = chance.reason();
        List<Outlook.RaceOrder> witness = chance.witness();
        TitleSolver solver = new TitleSolver(season, assumed, limit);
        // Pairwise bounds: a rival who beats the target even at the target's best is ahead in every season; one who cannot
        // get ahead even at the target's worst never is. The solver stops once it meets them.
        int mustBeAhead = 0;
        int canBeAhead = 0;
        for (int r = 0; r < season.n; r++) {
            if (r != target) {
                mustBeAhead += ahead(assumed, target, true, r) ? 1 : 0;
                canBeAhead += ahead(assumed, target, false, r) ? 1 : 0;
            }
        }
        canBeAhead = Math.min(canBeAhead, mostAheadByCapacity(target));
        mustBeAhead = Math.max(mustBeAhead, season.n - 1 - mostBehindByCapacity(target));
        List<String> unproved = new ArrayList<>();
        int best = 1;
        if (answer != Outlook.Answer.YES) {
            TitleSolver.Outcome o = solver.solve(target, TitleSolver.Mode.MOST_BEHIND, season.n - 1 - mustBeAhead);
            best = position(o, target, 1 + mustBeAhead);
            if (!proved(o)) {
                unproved.add("the best position found is " + best + ", it could be " + (1 + mustBeAhead));
            }
        }
        int worst = 1;
        if (canBeAhead > 0) {
            TitleSolver.Outcome o = solver.solve(target, TitleSolver.Mode.MOST_AHEAD, canBeAhead);
            worst = position(o, target, 1 + canBeAhead);
            if (!proved(o)) {
                unproved.add("the worst position found is " + worst + ", it could be " + (1 + canBeAhead));
            }
        }
        if (!unproved.isEmpty()) {
            reason = (reason.isEmpty() ? "" : reason + "; ") + String.join(" and ", unproved) + " (the solver's time limit ran out)";
        }
        List<Outlook.Need> needs = answer == Outlook.Answer.NO ? List.of() : needs(target);
        return new Outlook(driver, points, answer, reason, best, worst, odds[0], odds[1], odds[2], odds[3], witness, needs);
    }

    /**
     * Whether rival {@code r} ends ahead of the target when the target takes his best places and the fastest laps
     * ({@code targetBest}) and the rival his worst, or the target his worst and the rival his best places and the fastest
     * laps. Only the two of them matter to that: points, best-N and countback are each driver's own.
     */
    private boolean ahead(int[][] fixedPlaces, int target, boolean targetBest, int r) {
        int races = season.remaining.size();
        int n = season.n;
        int[][] orders = new int[races][n];
        int[] lapBy = new int[races];
        for (int k = 0; k < races; k++) {
            int[] order = orders[k];
            Arrays.fill(order, -1);
            for (int d = 0; d < n; d++) {
                if (fixedPlaces[k][d] > 0) {
                    order[fixedPlaces[k][d] - 1] = d;
                }
            }
            int better = targetBest ? target : r;
            int worse = targetBest ? r : target;
            if (fixedPlaces[k][better] == 0) {
                order[firstFree(order, true)] = better;
            }
            if (fixedPlaces[k][worse] == 0) {
                order[firstFree(order, false)] = worse;
            }
            for (int d = 0; d < n; d++) {
                if (fixedPlaces[k][d] == 0 && d != target && d != r) {
                    order[firstFree(order, true)] = d;
                }
            }
            lapBy[k] = better;
        }
        // The model's totals decide, and its tie-break chain where they are level; the engine only for a step it lacks.
        int[] targetPlaces = new int[races];
        int[] rivalPlaces = new int[races];
        boolean[] targetLaps = new boolean[races];
        boolean[] rivalLaps = new boolean[races];
        for (int k = 0; k < races; k++) {
            for (int i = 0; i < n; i++) {
                if (orders[k][i] == target) {
                    targetPlaces[k] = i + 1;
                } else if (orders[k][i] == r) {
                    rivalPlaces[k] = i + 1;
                }
            }
            targetLaps[k] = lapBy[k] == target;
            rivalLaps[k] = lapBy[k] == r;
        }
        Optional<Boolean> byNumbers = season.rivalAhead(r, rivalPlaces, rivalLaps, target, targetPlaces, targetLaps);
        if (byNumbers.isPresent()) {
            return byNumbers.get();
        }
        Standings table = season.engine(orders, lapBy);
        StandingsRow t = table.rowOf(season.drivers.get(target)).orElseThrow();
        StandingsRow rival = table.rowOf(season.drivers.get(r)).orElseThrow();
        int tp = t.position().orElse(Integer.MAX_VALUE);
        int rp = rival.position().orElse(Integer.MAX_VALUE);
        return rp < tp;
    }

    /**
     * How many rivals at most can end ahead of the target at his worst: each needs at least the points between him and
     * the target, and together the m of them can take no more than the first m places of every race.
     */
    private int mostAheadByCapacity(int target) {
        TitleSolver solver = new TitleSolver(season, assumed, limit);
        int races = season.remaining.size();
        int[] places = solver.placesOf(target, false);
        long targetTotal = season.total(target, places, new boolean[races]);
        List<Long> needs = new ArrayList<>();
        for (int d = 0; d < season.n; d++) {
            if (d != target) {
                needs.add(Math.max(0, targetTotal - season.current(d)));
            }
        }
        needs.sort(null);
        long need = 0;
        int m = 0;
        while (m < needs.size()) {
            need += needs.get(m);
            if (need > capacity(m + 1, places, true)) {
                break;
            }
            m++;
        }
        return m;
    }

    /**
     * How many rivals at most can stay behind the target at his best: each may gain no more than his margin to the
     * target, and together the m of them must take at least the last m places of every race. Best-N results break the
     * reasoning (a dropped result gains nothing), so then every rival may stay behind as far as this bound knows.
     */
    private int mostBehindByCapacity(int target) {
        if (season.dropRule.isPresent()) {
            return season.n - 1;
        }
        TitleSolver solver = new TitleSolver(season, assumed, limit);
        int races = season.remaining.size();
        int[] places = solver.placesOf(target, true);
        boolean[] laps = new boolean[races];
        Arrays.fill(laps, true);
        long targetTotal = season.total(target, places, laps);
        List<Long> margins = new ArrayList<>();
        for (int d = 0; d < season.n; d++) {
            if (d != target) {
                margins.add(targetTotal - season.current(d));
            }
        }
        margins.sort(Comparator.reverseOrder());
        long margin = 0;
        int m = 0;
        while (m < margins.size()) {
            margin += margins.get(m);
            if (margin < capacity(m + 1, places, false)) {
                break;
            }
            m++;
        }
        return m;
    }

    /** The points of the first (or last) m places of every race, the target's place left out. */
    private long capacity(int m, int[] targetPlaces, boolean first) {
        long total = 0;
        for (int k = 0; k < season.remaining.size(); k++) {
            int taken = 0;
            for (int i = 0; i < season.n && taken < m; i++) {
                int p = first ? i + 1 : season.n - i;
                if (p != targetPlaces[k]) {
                    total += season.points[k][p - 1] + (first ? season.fastestLapBonus[k] * (taken == 0 ? 1 : 0) : 0);
                    taken++;
                }
            }
        }
        return total;
    }

    private static int firstFree(int[] order, boolean fromTheFront) {
        for (int i = 0; i < order.length; i++) {
            int at = fromTheFront ? i : order.length - 1 - i;
            if (order[at] < 0) {
                return at;
            }
        }
        throw new IllegalStateException("no free place");
    }

    private static boolean proved(TitleSolver.Outcome o) {
        return o instanceof TitleSolver.Outcome.Witness w && w.optimal();
    }

    private boolean champion(TitleSolver.Found found, int target) {
        return season.champion(season.engine(found.orders(), found.fastestLapBy()), target);
    }

    /** The target's final position in the found season, as the engine ranks it; {@code otherwise} when nothing was found. */
    private int position(TitleSolver.Outcome outcome, int target, int otherwise) {
        if (outcome instanceof TitleSolver.Outcome.Witness w) {
            StandingsRow row = season.engine(w.found().orders(), w.found().fastestLapBy()).rowOf(season.drivers.get(target)).orElseThrow();
            return row.position().orElse(otherwise);
        }
        return otherwise;
    }

    /**
     * A witness found without the solver: the target takes his best places and the fastest laps, and in each race the
     * rivals with the most points to spare take the better places.
     */
    private Optional<int[][]> greedy(int target, int[][] assumed) {
        TitleSolver solver = new TitleSolver(season, assumed, limit);
        int races = season.remaining.size();
        int n = season.n;
        int[] targetPlaces = solver.placesOf(target, true);
        boolean[] laps = new boolean[races];
        Arrays.fill(laps, true);
        long targetTotal = season.total(target, targetPlaces, laps);
        long[] earned = new long[n];
        for (int d = 0; d < n; d++) {
            int[] last = new int[races];
            Arrays.fill(last, n);
            earned[d] = season.total(d, last, new boolean[races]);
        }
        int[][] orders = new int[races][n];
        for (int k = 0; k < races; k++) {
            int[] order = orders[k];
            Arrays.fill(order, -1);
            order[targetPlaces[k] - 1] = target;
            List<Integer> free = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                if (d != target) {
                    if (assumed[k][d] > 0) {
                        order[assumed[k][d] - 1] = d;
                    } else {
                        free.add(d);
                    }
                }
            }
            final int race = k;
            free.sort(Comparator.comparingLong((Integer d) -> -(targetTotal - earned[d])).thenComparingInt(d -> d));
            int next = 0;
            for (int d : free) {
                while (order[next] >= 0) {
                    next++;
                }
                order[next] = d;
                earned[d] += season.points[race][next] - season.points[race][season.n - 1];
            }
        }
        int[] lapBy = new int[races];
        Arrays.fill(lapBy, target);
        Standings table = season.engine(orders, lapBy);
        return season.champion(table, target) ? Optional.of(orders) : Optional.empty();
    }


    /**
     * What each place in the next race means: clinches whatever happens afterwards, keeps the title possible, or
     * cannot. The verdict only worsens down the order, so the two boundaries are found by bisection.
     */
    private List<Outlook.Need> needs(int target) {
        List<Integer> places = new ArrayList<>();
        for (int p = 1; p <= season.n; p++) {
            boolean takenByOther = false;
            for (int d = 0; d < season.n; d++) {
                takenByOther |= d != target && assumed[0][d] == p;
            }
            if (!takenByOther && (assumed[0][target] == 0 || assumed[0][target] == p)) {
                places.add(p);
            }
        }
        // The verdicts only worsen down the order: the last place that clinches and the last that can win are found by
        // bisection; past that, a place whose question ran out of time is undecided until one is proved impossible.
        int lastClinching = bisect(places, p -> clinches(target, p));
        int lastPossible = bisect(places, p -> canWin(target, p) == Boolean.TRUE);
        List<Outlook.Need> needs = new ArrayList<>();
        String name = season.drivers.get(target);
        String later = season.remaining.size() == 2 ? "the last race" : "the " + (season.remaining.size() - 1) + " races after it";
        boolean proved = false;
        for (int i = 0; i < places.size(); i++) {
            int p = places.get(i);
            String ordinal = Ordinal.of(p);
            if (i <= lastClinching) {
                needs.add(new Outlook.Need(p, Outlook.Verdict.CLINCHES, List.of(),
                        name + ": " + ordinal + " clinches the title whatever happens in " + later + "."));
            } else if (i <= lastPossible) {
                Optional<List<Outlook.Condition>> conditions = conditions(target, p);
                if (conditions.isPresent()) {
                    List<String> parts = conditions.get().stream().map(c -> c.atBest() == 2 ? c.rival() + " does not win"
                            : c.rival() + " finishes " + Ordinal.of(c.atBest()) + (c.atBest() < season.n ? " or lower" : "")).toList();
                    needs.add(new Outlook.Need(p, Outlook.Verdict.POSSIBLE, conditions.get(), name + ": " + ordinal
                            + " clinches the title if " + String.join(" and ", parts) + "; otherwise it depends on " + later + "."));
                } else {
                    needs.add(new Outlook.Need(p, Outlook.Verdict.POSSIBLE, List.of(),
                            name + ": " + ordinal + " keeps the title possible; it then depends on " + later + "."));
                }
            } else if (proved || (proved = canWin(target, p) == Boolean.FALSE)) {
                needs.add(new Outlook.Need(p, Outlook.Verdict.CANNOT, List.of(), name + ": " + ordinal + " cannot win the title."));
            } else {
                needs.add(new Outlook.Need(p, Outlook.Verdict.UNDECIDED, List.of(), name + ": " + ordinal
                        + " is undecided: the solver's time limit ran out."));
            }
        }
        return needs;
    }

    /**
     * When the target finishes {@code place} next, the next-race result each dangerous rival must be held to for the
     * title to be settled then, whatever happens afterwards: for every rival who could otherwise still get ahead, the
     * highest place he may take. Empty when some rival could get ahead from any place (the title then waits for the
     * later races) or no rival is dangerous (the place clinches outright).
     */
    private Optional<List<Outlook.Condition>> conditions(int target, int place) {
        int[][] fixedPlaces = withNextPlace(target, place);
        List<Outlook.Condition> conditions = new ArrayList<>();
        for (int r = 0; r < season.n; r++) {
            if (r == target || !ahead(fixedPlaces, target, false, r)) {
                continue;
            }
            if (assumed[0][r] > 0) {
                return Optional.empty(); // his next place is assumed and still lets him through
            }
            // The places he may take next, best first, other than the target's and the assumed ones.
            List<Integer> his = new ArrayList<>();
            for (int p = 1; p <= season.n; p++) {
                boolean taken = p == place;
                for (int d = 0; d < season.n; d++) {
                    taken |= d != r && fixedPlaces[0][d] == p;
                }
                if (!taken) {
                    his.add(p);
                }
            }
            // Holding him lower only helps the target: the first place from which he can no longer get ahead.
            final int rival = r;
            int first = bisect(his, p -> {
                int[][] held = Arrays.stream(fixedPlaces).map(int[]::clone).toArray(int[][]::new);
                held[0][rival] = p;
                return ahead(held, target, false, rival);
            }) + 1;
            if (first >= his.size()) {
                return Optional.empty();
            }
            conditions.add(new Outlook.Condition(season.drivers.get(r), his.get(first)));
        }
        return conditions.isEmpty() ? Optional.empty() : Optional.of(conditions);
    }

    /** The last index of {@code places} (best first) where {@code holds} is true, given it holds on a prefix. */
    private static int bisect(List<Integer> places, java.util.function.IntPredicate holds) {
        int lo = -1;
        int hi = places.size();
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (holds.test(places.get(mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int[][] withNextPlace(int target, int place) {
        int[][] copy = Arrays.stream(assumed).map(int[]::clone).toArray(int[][]::new);
        copy[0][target] = place;
        return copy;
    }

    /**
     * Whether the target finishing {@code place} next can still be champion: true (the engine confirms a witness),
     * false (proved), or null (the time ran out, or the model's witness is not the engine's title).
     */
    private Boolean canWin(int target, int place) {
        int[][] fixedPlaces = withNextPlace(target, place);
        if (greedy(target, fixedPlaces).isPresent()) {
            return true;
        }
        TitleSolver solver = new TitleSolver(season, fixedPlaces, limit);
        return switch (solver.solve(target, TitleSolver.Mode.ALL_BEHIND)) {
            case TitleSolver.Outcome.Witness w when champion(w.found(), target) -> true;
            case TitleSolver.Outcome.Witness w -> null; // a tie-break step the model does not follow: the engine disagrees
            case TitleSolver.Outcome.Impossible i -> false;
            case TitleSolver.Outcome.TimedOut t -> null;
        };
    }

    /** Whether the target finishing {@code place} next is champion whatever the rest of the season brings. */
    private boolean clinches(int target, int place) {
        int[][] fixedPlaces = withNextPlace(target, place);
        for (int r = 0; r < season.n; r++) {
            if (r != target && ahead(fixedPlaces, target, false, r)) {
                return false;
            }
        }
        return true;
    }
}
