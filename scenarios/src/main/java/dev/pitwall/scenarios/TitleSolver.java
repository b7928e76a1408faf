package dev.pitwall.scenarios;

import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.TieBreak;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.loop.lns.INeighborFactory;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The exact questions for two or more remaining races, as a constraint model solved by Choco: can a driver still
 * finish first, and how high or low can he finish. The driver's own places are fixed by dominance (finishing higher
 * never hurts him when a higher place never scores less): his best free place in every race (and the fastest lap) to
 * win or rise, his worst to fall. The rivals' places are the variables, one per race each, all different in a race;
 * their totals follow the points of each place, the best-N segments and the tie-break chain (countback as a
 * lexicographic comparison of finishes, the latest race's order). Every answer is checked by the scoring engine
 * before it is given.
 */
final class TitleSolver {

    /** What a search found: a witness (orders of the remaining races) and how many rivals it puts on each side. */
    record Found(int[][] orders, int[] fastestLapBy, int rivalsCounted) {
    }

    /** A search's outcome: found, proved impossible, or stopped by the time limit. */
    sealed interface Outcome {
        record Witness(Found found, boolean optimal) implements Outcome {
        }

        record Impossible() implements Outcome {
        }

        record TimedOut() implements Outcome {
        }
    }

    private final SeasonModel season;
    private final int[][] assumed;
    private final Duration limit;
    /** Whether the model follows every step of the tie-break chain (it does not follow "first to reach the total"). */
    private final boolean exact;

    TitleSolver(SeasonModel season, int[][] assumed, Duration limit) {
        this.season = season;
        this.assumed = assumed;
        this.limit = limit;
        this.exact = season.tieBreaks.stream().noneMatch(t -> t instanceof TieBreak.FirstToReachTotal);
    }

    /**
     * A rival's best ({@code best}) or worst places in each race: his assumed place, else the best or worst place that
     * neither the target nor an assumed driver takes.
     */
    private int[] extremePlaces(int d, int[] targetPlaces, boolean best) {
        return places(d, best, targetPlaces);
    }

    /** The places the target takes: the best (or worst) place in each race that nobody else is assumed to take. */
    int[] placesOf(int target, boolean best) {
        return places(target, best, null);
    }

    /** A driver's assumed place in each race, else his best or worst free place, other than {@code avoid}'s. */
    private int[] places(int d, boolean best, int[] avoid) {
        int[] places = new int[season.remaining.size()];
        for (int k = 0; k < places.length; k++) {
            if (assumed[k][d] > 0) {
                places[k] = assumed[k][d];
                continue;
            }
            int taken = avoid == null ? 0 : avoid[k];
            List<Integer> free = freePlaces(k, d).stream().filter(p -> p != taken).toList();
            places[k] = best ? free.getFirst() : free.getLast();
        }
        return places;
    }

    private List<Integer> freePlaces(int race, int except) {
        boolean[] taken = new boolean[season.n + 1];
        for (int d = 0; d < season.n; d++) {
            if (d != except && assumed[race][d] > 0) {
                taken[assumed[race][d]] = true;
            }
        }
        List<Integer> free = new ArrayList<>();
        for (int p = 1; p <= season.n; p++) {
            if (!taken[p]) {
                free.add(p);
            }
        }
        return free;
    }

    /** The question {@code mode} asks about {@code target}: can he finish first, or how high or low can he finish. */
    Outcome solve(int target, Mode mode) {
        return solve(target, mode, season.n - 1);
    }

    /**
     * As {@link #solve(int, Mode)}; an optimisation stops as soon as it counts {@code enough} rivals (a bound known to be
     * the best possible), which proves the optimum without searching on.
     */
    Outcome solve(int target, Mode mode, int enough) {
        return schedule(mode, limit, (lns, time) -> solve(target, mode, enough, lns, time));
    }

    /** One search of a question: with large neighbourhood search or complete, within a time limit. */
    interface Attempt {
        Outcome run(boolean lns, Duration timeLimit);
    }

    /**
     * How a question spends its time limit. "Can he win" is one complete search. Optimising: a complete search for half
     * the time proves the optimum when it can; if it cannot, a large neighbourhood search spends the other half
     * improving on it (its answer is then the best found, not proved).
     */
    static Outcome schedule(Mode mode, Duration limit, Attempt attempt) {
        if (mode == Mode.ALL_BEHIND) {
            return attempt.run(false, limit);
        }
        Outcome complete = attempt.run(false, limit.dividedBy(2));
        if (!(complete instanceof Outcome.TimedOut) && !(complete instanceof Outcome.Witness w && !w.optimal())) {
            return complete;
        }
        Outcome improved = attempt.run(true, limit.dividedBy(2));
        if (complete instanceof Outcome.Witness c && improved instanceof Outcome.Witness i) {
            return i.found().rivalsCounted() > c.found().rivalsCounted() ? improved : complete;
        }
        return improved instanceof Outcome.Witness ? improved : complete;
    }

    /** The best solution a search found (null for none), how many rivals it counts, and whether the time limit stopped it. */
    record Searched(Solution best, int count, boolean stopped) {
    }

    /**
     * Runs the search: for "all behind" (or nothing to count), the first solution; else solutions counting ever more of
     * {@code counted}, until {@code enough} of them or the search ends. The solutions record {@code recorded}.
     */
    static Searched search(Model model, Mode mode, List<BoolVar> counted, int enough, IntVar[] recorded) {
        Solver solver = model.getSolver();
        Solution best = null;
        int bestCount = -1;
        if (mode == Mode.ALL_BEHIND || counted.isEmpty()) {
            if (solver.solve()) {
                best = new Solution(model, recorded).record();
                bestCount = 0;
            }
        } else {
            IntVar objective = model.intVar("counted", 0, counted.size());
            model.sum(counted.toArray(BoolVar[]::new), "=", objective).post();
            model.setObjective(Model.MAXIMIZE, objective);
            while (solver.solve()) {
                best = new Solution(model, recorded).record();
                bestCount = objective.getValue();
                if (bestCount >= enough) {
                    break;
                }
            }
        }
        return new Searched(best, bestCount, solver.isStopCriterionMet());
    }

    private Outcome solve(int target, Mode mode, int enough, boolean lns, Duration timeLimit) {
        boolean rising = mode != Mode.MOST_AHEAD;
        int races = season.remaining.size();
        int n = season.n;
        int[] targetPlaces = placesOf(target, rising);
        boolean[] targetLaps = new boolean[races];
        if (rising) {
            Arrays.fill(targetLaps, true);
        }
        long targetTotal = season.total(target, targetPlaces, targetLaps);

        // Rivals whose side of the target is settled whatever the places (their least total is more than his, or their
        // most is less) need no variables: they only fill places. The rest are the model.
        List<Integer> rivals = new ArrayList<>();
        int alwaysCounted = 0;
        for (int d = 0; d < n; d++) {
            if (d == target) {
                continue;
            }
            long least = season.total(d, extremePlaces(d, targetPlaces, false), new boolean[races]);
            boolean[] laps = new boolean[races];
            Arrays.fill(laps, !rising);
            long most = season.total(d, extremePlaces(d, targetPlaces, true), laps);
            boolean alwaysAhead = least > targetTotal;
            boolean neverAhead = most < targetTotal;
            if (alwaysAhead && mode == Mode.ALL_BEHIND) {
                return new Outcome.Impossible();
            }
            if (alwaysAhead || neverAhead) {
                alwaysCounted += (rising ? neverAhead : alwaysAhead) ? 1 : 0;
            } else {
                rivals.add(d);
            }
        }
        int relevant = rivals.size();
        int otherRivals = n - 1 - relevant;

        Model model = new Model("title " + season.drivers.get(target));
        IntVar[][] place = new IntVar[n][races];
        for (int k = 0; k < races; k++) {
            int targetPlace = targetPlaces[k];
            int[] free = freePlaces(k, -1).stream().mapToInt(Integer::intValue).filter(p -> p != targetPlace).toArray();
            IntVar[] inRace = new IntVar[rivals.size()];
            for (int i = 0; i < rivals.size(); i++) {
                int d = rivals.get(i);
                place[d][k] = assumed[k][d] > 0 ? model.intVar(assumed[k][d]) : model.intVar("p" + d + "_" + k, free);
                inRace[i] = place[d][k];
            }
            if (inRace.length > 1) {
                model.allDifferent(inRace).post();
            }
        }
        long maxTotal = 0;
        for (int d = 0; d < n; d++) {
            maxTotal = Math.max(maxTotal, Math.abs(season.fixed[d]) + Arrays.stream(season.pastByRound[d]).map(Math::abs).sum());
        }
        for (int k = 0; k < races; k++) {
            maxTotal += Arrays.stream(season.points[k]).max().orElse(0) + season.fastestLapBonus[k];
        }
        int bound = (int) Math.min(Integer.MAX_VALUE / 4, maxTotal + 1);

        List<BoolVar> counted = new ArrayList<>();
        IntVar[][] earnedBy = new IntVar[n][];
        for (int d : rivals) {
            // Falling: every rival may also take the fastest lap's bonus (more than is possible, so a clinch is proved).
            earnedBy[d] = new IntVar[races];
            IntVar total = totalOf(model, d, place[d], bound, !rising, earnedBy[d]);
            Constraint side = rising
                    ? model.or(model.arithm(total, "<", (int) targetTotal),
                            model.and(model.arithm(total, "=", (int) targetTotal), chain(model, 0, true, d, place[d], target, targetPlaces)))
                    : model.or(model.arithm(total, ">", (int) targetTotal),
                            model.and(model.arithm(total, "=", (int) targetTotal), chain(model, 0, false, d, place[d], target, targetPlaces)));
            if (mode == Mode.ALL_BEHIND) {
                side.post();
            } else {
                counted.add(side.reify());
            }
        }
        // Redundant, for propagation: when every rival is in the model, in each race they share exactly the points of
        // the places they take.
        for (int k = 0; k < races && otherRivals == 0 && relevant > 0; k++) {
            final int race = k;
            long shared = 0;
            boolean[] used = new boolean[n + 1];
            used[targetPlaces[k]] = true;
            for (int p = 1; p <= n; p++) {
                if (!used[p]) {
                    shared += season.points[k][p - 1] + (rising ? 0 : season.fastestLapBonus[k]);
                }
            }
            model.sum(rivals.stream().map(d -> earnedBy[d][race]).toArray(IntVar[]::new), "=", Math.toIntExact(shared)).post();
        }
        Solver solver = model.getSolver();
        solver.limitTime(Math.max(1, timeLimit.toMillis()));
        IntVar[] decision = rivals.stream().flatMap(d -> Arrays.stream(place[d])).toArray(IntVar[]::new);
        int enoughHere = Math.min(enough, n - 1) - alwaysCounted;
        // Rivals closest to the target first; each to his worst place first when they must stay behind, his best when
        // they should get ahead. It is the greedy order, so easy questions are answered at the first descent.
        IntVar[] byPressure = rivals.stream().sorted(Comparator.comparingLong(d -> -season.current(d)))
                .flatMap(d -> Arrays.stream(place[d])).toArray(IntVar[]::new);
        if (byPressure.length > 0) {
            solver.setSearch(rising ? Search.inputOrderUBSearch(byPressure) : Search.inputOrderLBSearch(byPressure));
            if (lns) {
                // Large neighbourhood search around the best season found so far.
                solver.setLNS(INeighborFactory.random(byPressure), new FailCounter(model, 200));
            }
        }
        Searched searched = search(model, mode, counted, enoughHere, decision);
        Solution best = searched.best();
        boolean stopped = searched.stopped();
        if (best == null) {
            return stopped ? new Outcome.TimedOut() : new Outcome.Impossible();
        }
        // "All behind" counts every relevant rival: they are all held behind.
        int bestCount = mode == Mode.ALL_BEHIND ? relevant : searched.count();
        boolean reachedBound = bestCount >= enoughHere;
        bestCount += alwaysCounted;
        int[][] orders = new int[races][n];
        for (int k = 0; k < races; k++) {
            Arrays.fill(orders[k], -1);
            orders[k][targetPlaces[k] - 1] = target;
            for (int d : rivals) {
                orders[k][best.getIntVal(place[d][k]) - 1] = d;
            }
            // The settled rivals: their assumed places, then the places left, in any order.
            for (int d = 0; d < n; d++) {
                if (d != target && !rivals.contains(d) && assumed[k][d] > 0) {
                    orders[k][assumed[k][d] - 1] = d;
                }
            }
            int next = 0;
            for (int d = 0; d < n; d++) {
                if (d != target && !rivals.contains(d) && assumed[k][d] == 0) {
                    while (orders[k][next] >= 0) {
                        next++;
                    }
                    orders[k][next] = d;
                }
            }
        }
        int[] laps = new int[races];
        Arrays.fill(laps, rising ? target : -1);
        boolean optimal = (!stopped && exact && !lns) || reachedBound;
        return new Outcome.Witness(new Found(orders, laps, bestCount), optimal);
    }

    /**
     * The tie-break chain from step {@code step} on, for a rival level on points with the target: with {@code behind},
     * that the rival stays behind (a step he loses, or a step level and the rest of the chain; level to the end is a
     * shared place, which keeps the target first); else that he gets ahead. A step the model does not follow (first to
     * reach the total) is taken in the rival's favour when he must stay behind, and against him when he should get
     * ahead, so that "impossible" stays a proof; answers that rely on it are checked by the engine.
     */
    private Constraint chain(Model model, int step, boolean behind, int rival, IntVar[] places, int target, int[] targetPlaces) {
        List<TieBreak> steps = season.tieBreaks;
        if (step == steps.size()) {
            return behind ? model.trueConstraint() : model.falseConstraint();
        }
        int last = places.length - 1;
        Constraint wins;
        Constraint level;
        switch (steps.get(step)) {
            case TieBreak.Countback c -> {
                IntVar[] mine = countsOf(model, rival, places, c);
                IntVar[] theirs = Arrays.stream(season.counts(target, targetPlaces, c)).mapToObj(model::intVar).toArray(IntVar[]::new);
                wins = behind ? model.lexLess(mine, theirs) : model.lexLess(theirs, mine);
                Constraint[] same = new Constraint[mine.length];
                for (int i = 0; i < mine.length; i++) {
                    same[i] = model.arithm(mine[i], "=", theirs[i]);
                }
                level = same.length == 0 ? model.trueConstraint() : model.and(same);
            }
            case TieBreak.LatestRaceFinish l -> {
                // In a remaining race the two always finish apart: the last one decides.
                wins = model.arithm(places[last], behind ? ">" : "<", targetPlaces[last]);
                level = model.falseConstraint();
            }
            case TieBreak.FirstToReachTotal f -> {
                return behind ? model.trueConstraint() : model.falseConstraint();
            }
        }
        return model.or(wins, model.and(level, chain(model, step + 1, behind, rival, places, target, targetPlaces)));
    }

    /** What the search asks. */
    enum Mode {
        /** Every rival behind the target: can he finish first? */
        ALL_BEHIND,
        /** As many rivals behind him as possible, the target at his best: his best position. */
        MOST_BEHIND,
        /** As many rivals ahead of him as possible, the target at his worst: his worst position. */
        MOST_AHEAD
    }

    /** A rival's final total: what each place is worth, summed by round, the best of each segment counted. */
    private IntVar totalOf(Model model, int d, IntVar[] places, int bound, boolean withBonus, IntVar[] earned) {
        int races = places.length;
        for (int k = 0; k < races; k++) {
            long bonus = withBonus ? season.fastestLapBonus[k] : 0;
            int[] table = Arrays.stream(season.points[k]).mapToInt(v -> Math.toIntExact(v + bonus)).toArray();
            earned[k] = model.intVar("e" + d + "_" + k, Arrays.stream(table).distinct().sorted().toArray());
            model.element(earned[k], table, places[k], 1).post();
        }
        return total(model, "" + d, earned, season.roundOf, season.pastByRound[d], season.fixed[d], season.dropRule, season.rounds, bound);
    }

    /**
     * A competitor's final total as a variable: what he earns in each remaining race ({@code earned}, raced in the rounds
     * {@code roundOf}) on top of his points of each round so far, the best of each segment counted, plus {@code fixed}.
     */
    static IntVar total(Model model, String name, IntVar[] earned, int[] roundOf, long[] pastByRound, long fixed,
                        Optional<DropRule> drop, int rounds, int bound) {
        int races = earned.length;
        IntVar total = model.intVar("t" + name, -bound, bound);
        if (drop.isEmpty()) {
            long past = fixed + Arrays.stream(pastByRound).sum();
            model.sum(earned, "=", model.intOffsetView(total, (int) -past)).post();
            return total;
        }
        // Round scores: the past plus the remaining races of the round.
        IntVar[] byRound = new IntVar[rounds];
        for (int r = 0; r < rounds; r++) {
            List<IntVar> in = new ArrayList<>();
            for (int k = 0; k < races; k++) {
                if (roundOf[k] == r + 1) {
                    in.add(earned[k]);
                }
            }
            int past = (int) pastByRound[r];
            if (in.isEmpty()) {
                byRound[r] = model.intVar(past);
            } else {
                byRound[r] = model.intVar("r" + name + "_" + r, -bound, bound);
                model.sum(in.toArray(IntVar[]::new), "=", model.intOffsetView(byRound[r], -past)).post();
            }
        }
        List<IntVar> parts = new ArrayList<>();
        boolean[] covered = new boolean[rounds];
        for (DropRule.Segment s : drop.get().segments()) {
            List<IntVar> in = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                if (s.contains(r + 1)) {
                    in.add(byRound[r]);
                    covered[r] = true;
                }
            }
            if (in.isEmpty()) {
                continue;
            }
            if (s.best() >= in.size()) {
                parts.addAll(in);
                continue;
            }
            // The sum of the best N of a segment, as a sort of its rounds.
            IntVar[] sorted = new IntVar[in.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = model.intVar("s" + name + "_" + i + "_" + parts.size(), -bound, bound);
            }
            IntVar[] negated = in.stream().map(model::intMinusView).toArray(IntVar[]::new);
            model.sort(negated, sorted).post(); // ascending negatives: the best first
            for (int i = 0; i < s.best(); i++) {
                parts.add(model.intMinusView(sorted[i]));
            }
        }
        for (int r = 0; r < rounds; r++) {
            if (!covered[r]) {
                parts.add(byRound[r]);
            }
        }
        model.sum(parts.toArray(IntVar[]::new), "=", model.intOffsetView(total, (int) -fixed)).post();
        return total;
    }

    /** A rival's finishes at each place as this countback counts them: the past plus the remaining races. */
    private IntVar[] countsOf(Model model, int d, IntVar[] places, TieBreak.Countback c) {
        int n = season.n;
        int[] pastCounts = season.countback(d, c);
        IntVar[] counts = new IntVar[n];
        for (int p = 1; p <= n; p++) {
            List<BoolVar> at = new ArrayList<>();
            for (int k = 0; k < places.length; k++) {
                if (season.countsBack(k, p, c) && places[k].contains(p)) {
                    at.add(model.arithm(places[k], "=", p).reify());
                }
            }
            int past = pastCounts[p - 1];
            if (at.isEmpty()) {
                counts[p - 1] = model.intVar(past);
            } else {
                counts[p - 1] = model.intVar("c" + d + "_" + p, past, past + at.size());
                model.sum(at.toArray(BoolVar[]::new), "=", model.intOffsetView(counts[p - 1], -past)).post();
            }
        }
        return counts;
    }
}
