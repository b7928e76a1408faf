package dev.pitwall.scenarios;

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

/**
 * The constructors' questions as a constraint model: can a constructor still finish first, and how high or low can
 * it finish. The target's cars take its best free places in every race (its worst, to fall), and the fastest lap
 * where it pays; each rival car's place is a variable, all different within a race, and a rival constructor earns
 * what its cars' places are worth (every car, or its best-placed car only), summed by round with the best of each
 * segment counted. Countback counts every car's finishes; the latest race compares the constructors' best cars. When
 * the target should fall, any rival car may set the fastest lap. Witnesses are checked by the engine by the caller.
 */
final class ConstructorsSolver {

    private final ConstructorsModel season;
    private final int[][] assumed;
    private final Duration limit;

    ConstructorsSolver(ConstructorsModel season, int[][] assumed, Duration limit) {
        this.season = season;
        this.assumed = assumed;
        this.limit = limit;
    }

    /** As {@link TitleSolver#solve(int, TitleSolver.Mode, int)}, for constructor {@code target}. */
    TitleSolver.Outcome solve(int target, TitleSolver.Mode mode, int enough) {
        return TitleSolver.schedule(mode, limit, (lns, time) -> solve(target, mode, enough, lns, time));
    }

    /** The places free in race k for cars nobody is assumed at, less those in {@code taken}. */
    private List<Integer> freePlaces(int k, int[] taken) {
        boolean[] used = new boolean[season.n() + 1];
        for (int car = 0; car < season.n(); car++) {
            used[assumed[k][car]] = true;
            used[taken[car]] = true;
        }
        List<Integer> free = new ArrayList<>();
        for (int p = 1; p <= season.n(); p++) {
            if (!used[p]) {
                free.add(p);
            }
        }
        return free;
    }

    /**
     * Constructor c's cars at their assumed places, the others at the best (or worst) free places around
     * {@code taken}; returns each car's place by race (0 for cars not of c, and for none placed).
     */
    int[][] extremes(int c, boolean best, int[][] taken) {
        int races = season.remaining.size();
        int[][] places = new int[races][season.n()];
        for (int k = 0; k < races; k++) {
            List<Integer> free = freePlaces(k, taken[k]);
            int next = 0;
            for (int car : season.carsOf[c]) {
                if (assumed[k][car] > 0) {
                    places[k][car] = assumed[k][car];
                } else {
                    places[k][car] = best ? free.get(next) : free.get(free.size() - 1 - next);
                    next++;
                }
            }
        }
        return places;
    }

    /** The best-placed car of constructor c in each race, or -1: who takes the fastest lap for it. */
    private int[] lapFor(int c, int[][] places) {
        int[] laps = new int[places.length];
        Arrays.fill(laps, -1);
        for (int k = 0; k < places.length; k++) {
            int best = Integer.MAX_VALUE;
            for (int car : season.carsOf[c]) {
                if (places[k][car] < best && season.lapBonus[k] > 0) {
                    best = places[k][car];
                    laps[k] = car;
                }
            }
        }
        return laps;
    }

    private TitleSolver.Outcome solve(int target, TitleSolver.Mode mode, int enough, boolean lns, Duration timeLimit) {
        boolean rising = mode != TitleSolver.Mode.MOST_AHEAD;
        int races = season.remaining.size();
        int n = season.n();
        int m = season.m();
        int[][] targetPlaces = extremes(target, rising, new int[races][n]);
        int[] targetLaps = rising ? lapFor(target, targetPlaces) : noLaps(races);
        long targetTotal = season.total(target, targetPlaces, targetLaps);

        // Rivals whose side of the target is settled whatever the places need no variables: their cars only fill places.
        List<Integer> rivals = new ArrayList<>();
        int alwaysCounted = 0;
        for (int c = 0; c < m; c++) {
            if (c == target) {
                continue;
            }
            long least = season.total(c, merge(targetPlaces, extremes(c, false, targetPlaces)), noLaps(races));
            int[][] most = merge(targetPlaces, extremes(c, true, targetPlaces));
            long highest = season.total(c, most, rising ? noLaps(races) : lapFor(c, most));
            boolean alwaysAhead = least > targetTotal;
            boolean neverAhead = highest < targetTotal;
            if (alwaysAhead && mode == TitleSolver.Mode.ALL_BEHIND) {
                return new TitleSolver.Outcome.Impossible();
            }
            if (alwaysAhead || neverAhead) {
                alwaysCounted += (rising ? neverAhead : alwaysAhead) ? 1 : 0;
            } else {
                rivals.add(c);
            }
        }
        int relevant = rivals.size();

        Model model = new Model("constructors' title " + season.constructors.get(target));
        IntVar[][] place = new IntVar[n][races];
        List<Integer> modelCars = new ArrayList<>();
        for (int c : rivals) {
            for (int car : season.carsOf[c]) {
                modelCars.add(car);
            }
        }
        for (int k = 0; k < races; k++) {
            int[] free = freePlaces(k, targetPlaces[k]).stream().mapToInt(Integer::intValue).toArray();
            IntVar[] inRace = new IntVar[modelCars.size()];
            for (int i = 0; i < modelCars.size(); i++) {
                int car = modelCars.get(i);
                place[car][k] = assumed[k][car] > 0 ? model.intVar(assumed[k][car]) : model.intVar("p" + car + "_" + k, free);
                inRace[i] = place[car][k];
            }
            if (inRace.length > 1) {
                model.allDifferent(inRace).post();
            }
        }
        // Falling: any rival car may set the fastest lap (at most one per race), and it pays when he is in the top that scores it.
        BoolVar[][] lap = new BoolVar[n][races];
        for (int k = 0; k < races && !rising; k++) {
            if (season.lapBonus[k] == 0 || modelCars.isEmpty()) {
                continue;
            }
            BoolVar[] inRace = new BoolVar[modelCars.size()];
            for (int i = 0; i < modelCars.size(); i++) {
                inRace[i] = lap[modelCars.get(i)][k] = model.boolVar("l" + modelCars.get(i) + "_" + k);
            }
            model.sum(inRace, "<=", 1).post();
        }
        long maxTotal = 0;
        for (int c = 0; c < m; c++) {
            maxTotal = Math.max(maxTotal, Math.abs(season.fixed[c]) + Arrays.stream(season.pastByRound[c]).map(Math::abs).sum());
        }
        for (int k = 0; k < races; k++) {
            maxTotal += (Arrays.stream(season.points[k]).max().orElse(0) + season.lapBonus[k]) * Math.max(1, maxCars());
        }
        int bound = (int) Math.min(Integer.MAX_VALUE / 4, maxTotal + 1);

        List<BoolVar> counted = new ArrayList<>();
        for (int c : rivals) {
            IntVar[] earned = new IntVar[races];
            for (int k = 0; k < races; k++) {
                earned[k] = earned(model, c, k, place, lap, bound);
            }
            IntVar total = TitleSolver.total(model, "c" + c, earned, season.roundOf, season.pastByRound[c], season.fixed[c],
                    season.dropRule, season.rounds, bound);
            Constraint level = model.and(model.arithm(total, "=", (int) targetTotal), chain(model, 0, rising, c, place, target, targetPlaces));
            Constraint side = rising ? model.or(model.arithm(total, "<", (int) targetTotal), level)
                    : model.or(model.arithm(total, ">", (int) targetTotal), level);
            if (mode == TitleSolver.Mode.ALL_BEHIND) {
                side.post();
            } else {
                counted.add(side.reify());
            }
        }
        Solver solver = model.getSolver();
        solver.limitTime(Math.max(1, timeLimit.toMillis()));
        List<IntVar> decisions = new ArrayList<>();
        rivals.stream().sorted(Comparator.comparingLong(c -> -current(c))).forEach(c -> {
            for (int car : season.carsOf[c]) {
                decisions.addAll(Arrays.asList(place[car]));
            }
        });
        List<BoolVar> lapVars = new ArrayList<>();
        for (BoolVar[] byRace : lap) {
            Arrays.stream(byRace).filter(v -> v != null).forEach(lapVars::add);
        }
        IntVar[] byPressure = decisions.toArray(IntVar[]::new);
        IntVar[] recorded = java.util.stream.Stream.concat(decisions.stream(), lapVars.stream()).toArray(IntVar[]::new);
        if (byPressure.length > 0) {
            var placesFirst = rising ? Search.inputOrderUBSearch(byPressure) : Search.inputOrderLBSearch(byPressure);
            solver.setSearch(lapVars.isEmpty() ? placesFirst
                    : Search.sequencer(placesFirst, Search.inputOrderUBSearch(lapVars.toArray(IntVar[]::new))));
            if (lns) {
                solver.setLNS(INeighborFactory.random(recorded), new FailCounter(model, 200));
            }
        }
        int enoughHere = Math.min(enough, m - 1) - alwaysCounted;
        TitleSolver.Searched searched = TitleSolver.search(model, mode, counted, enoughHere, recorded);
        Solution best = searched.best();
        boolean stopped = searched.stopped();
        if (best == null) {
            return stopped ? new TitleSolver.Outcome.TimedOut() : new TitleSolver.Outcome.Impossible();
        }
        int bestCount = mode == TitleSolver.Mode.ALL_BEHIND ? relevant : searched.count();
        boolean reachedBound = bestCount >= enoughHere;
        bestCount += alwaysCounted;
        int[][] orders = new int[races][n];
        int[] laps = rising ? targetLaps : noLaps(races);
        for (int k = 0; k < races; k++) {
            Arrays.fill(orders[k], -1);
            for (int car : season.carsOf[target]) {
                orders[k][targetPlaces[k][car] - 1] = car;
            }
            for (int car : modelCars) {
                orders[k][best.getIntVal(place[car][k]) - 1] = car;
                if (lap[car][k] != null && best.getIntVal(lap[car][k]) == 1) {
                    laps[k] = car;
                }
            }
            // The other cars: their assumed places, then the places left, in entry order.
            for (int car = 0; car < n; car++) {
                if (place[car][k] == null && season.teamOf[car] != target && assumed[k][car] > 0) {
                    orders[k][assumed[k][car] - 1] = car;
                }
            }
            int next = 0;
            for (int car = 0; car < n; car++) {
                if (place[car][k] == null && season.teamOf[car] != target && assumed[k][car] == 0) {
                    while (orders[k][next] >= 0) {
                        next++;
                    }
                    orders[k][next] = car;
                }
            }
        }
        boolean exact = season.tieBreaks.stream().noneMatch(t -> t instanceof TieBreak.FirstToReachTotal);
        return new TitleSolver.Outcome.Witness(new TitleSolver.Found(orders, laps, bestCount), (!stopped && exact && !lns) || reachedBound);
    }

    private int maxCars() {
        return Arrays.stream(season.carsOf).mapToInt(c -> c.length).max().orElse(1);
    }

    private long current(int c) {
        return season.fixed[c] + season.counted(season.pastByRound[c]);
    }

    private static int[] noLaps(int races) {
        int[] laps = new int[races];
        Arrays.fill(laps, -1);
        return laps;
    }

    /** The places of the target's cars with those of another constructor's added (each car in at most one). */
    private static int[][] merge(int[][] a, int[][] b) {
        int[][] out = new int[a.length][];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k].clone();
            for (int car = 0; car < b[k].length; car++) {
                out[k][car] = Math.max(out[k][car], b[k][car]);
            }
        }
        return out;
    }

    /** What rival constructor c earns in race k: its cars' places (and a fastest lap one of them sets) as points. */
    private IntVar earned(Model model, int c, int k, IntVar[][] place, BoolVar[][] lap, int bound) {
        int[] table = Arrays.stream(season.points[k]).mapToInt(Math::toIntExact).toArray();
        int[] values = Arrays.stream(table).distinct().sorted().toArray();
        int[] cars = season.carsOf[c];
        if (cars.length == 0) {
            return model.intVar(0);
        }
        if (season.bestCarOnly) {
            IntVar bestPlace = model.intVar("b" + c + "_" + k, 1, season.n());
            model.min(bestPlace, Arrays.stream(cars).mapToObj(car -> place[car][k]).toArray(IntVar[]::new)).post();
            IntVar e = model.intVar("e" + c + "_" + k, values);
            model.element(e, table, bestPlace, 1).post();
            return e;
        }
        List<IntVar> parts = new ArrayList<>();
        for (int car : cars) {
            IntVar e = model.intVar("e" + car + "_" + k, values);
            model.element(e, table, place[car][k], 1).post();
            parts.add(e);
            if (lap[car][k] != null) {
                BoolVar pays = model.and(lap[car][k], model.arithm(place[car][k], "<=", season.lapTop[k]).reify()).reify();
                parts.add(model.intScaleView(pays, Math.toIntExact(season.lapBonus[k])));
            }
        }
        IntVar sum = model.intVar("e" + c + "_" + k, 0, bound);
        model.sum(parts.toArray(IntVar[]::new), "=", sum).post();
        return sum;
    }

    /**
     * The tie-break chain from step {@code step} on, for a rival level on points with the target: with {@code behind},
     * that the rival stays behind (or shares the place to the end); else that it gets ahead. A step the model does not
     * follow is taken in the rival's favour when it must stay behind and against it when it should get ahead, so that
     * "impossible" stays a proof.
     */
    private Constraint chain(Model model, int step, boolean behind, int rival, IntVar[][] place, int target, int[][] targetPlaces) {
        List<TieBreak> steps = season.tieBreaks;
        if (step == steps.size()) {
            return behind ? model.trueConstraint() : model.falseConstraint();
        }
        Constraint wins;
        Constraint level;
        switch (steps.get(step)) {
            case TieBreak.Countback cb -> {
                IntVar[] mine = countsOf(model, rival, place, cb);
                IntVar[] theirs = Arrays.stream(season.counts(target, targetPlaces, cb)).mapToObj(model::intVar).toArray(IntVar[]::new);
                wins = behind ? model.lexLess(mine, theirs) : model.lexLess(theirs, mine);
                Constraint[] same = new Constraint[mine.length];
                for (int i = 0; i < mine.length; i++) {
                    same[i] = model.arithm(mine[i], "=", theirs[i]);
                }
                level = same.length == 0 ? model.trueConstraint() : model.and(same);
            }
            case TieBreak.LatestRaceFinish l -> {
                int last = season.lastRace();
                if (last < 0 || season.carsOf[rival].length == 0 || season.carsOf[target].length == 0) {
                    return behind ? model.trueConstraint() : model.falseConstraint();
                }
                // Two constructors' best cars never share a place: the latest race decides.
                IntVar bestPlace = model.intVar("lb" + rival, 1, season.n());
                model.min(bestPlace, Arrays.stream(season.carsOf[rival]).mapToObj(car -> place[car][last]).toArray(IntVar[]::new)).post();
                wins = model.arithm(bestPlace, behind ? ">" : "<", season.bestPlace(target, targetPlaces[last]));
                level = model.falseConstraint();
            }
            case TieBreak.FirstToReachTotal f -> {
                return behind ? model.trueConstraint() : model.falseConstraint();
            }
        }
        return model.or(wins, model.and(level, chain(model, step + 1, behind, rival, place, target, targetPlaces)));
    }

    /** A rival constructor's finishes at each place as this countback counts them: the past plus every car's remaining races. */
    private IntVar[] countsOf(Model model, int c, IntVar[][] place, TieBreak.Countback cb) {
        int n = season.n();
        int[] past = (cb.scoringFinishesOnly() ? season.countbackScoring : season.countbackAll)[c];
        IntVar[] counts = new IntVar[n];
        for (int p = 1; p <= n; p++) {
            List<BoolVar> at = new ArrayList<>();
            for (int k = 0; k < season.remaining.size(); k++) {
                if (!season.isRace[k] || cb.scoringFinishesOnly() && !season.driverScores[k][p - 1]) {
                    continue;
                }
                for (int car : season.carsOf[c]) {
                    if (place[car][k].contains(p)) {
                        at.add(model.arithm(place[car][k], "=", p).reify());
                    }
                }
            }
            if (at.isEmpty()) {
                counts[p - 1] = model.intVar(past[p - 1]);
            } else {
                counts[p - 1] = model.intVar("c" + c + "_" + p, past[p - 1], past[p - 1] + at.size());
                model.sum(at.toArray(BoolVar[]::new), "=", model.intOffsetView(counts[p - 1], -past[p - 1])).post();
            }
        }
        return counts;
    }
}
