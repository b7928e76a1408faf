package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The constructors' championship before the remaining races: who can still win it (a witness the engine confirms, a
 * proof, or undecided with the reason), each constructor's best and worst final position, and the odds. The model
 * ({@link ConstructorsModel}) is used only once its totals agree with the engine's on completed seasons.
 */
final class ConstructorsScenarios {

    private final ConstructorsModel season;
    private final int[][] assumed;
    private final Duration limit;
    private final Optional<String> outsideTheModel;

    private ConstructorsScenarios(ConstructorsModel season, Map<String, Map<String, Integer>> assumed, Duration limit) {
        this.season = season;
        this.assumed = season.assumedPlaces(assumed);
        this.limit = limit;
        this.outsideTheModel = check();
    }

    /** Every constructor's outlook before {@code remaining}; empty when the championship has no constructors' table. */
    static List<TeamOutlook> outlooks(Championship before, List<Race> remaining, Map<String, Map<String, Integer>> assumed,
                                      Duration limit, RandomGenerator random, int runs, Optional<Strengths> strengths) {
        return ConstructorsModel.of(before, remaining)
                .map(model -> new ConstructorsScenarios(model, assumed, limit).outlooks(random, runs, strengths))
                .orElse(List.of());
    }

    /** Only whether each constructor can still be champion, with the witness or the reason. */
    static List<Scenarios.Chance> chances(Championship before, List<Race> remaining, Duration limit) {
        return ConstructorsModel.of(before, remaining).map(model -> {
            ConstructorsScenarios s = new ConstructorsScenarios(model, Map.of(), limit);
            List<Scenarios.Chance> out = new ArrayList<>();
            for (int c = 0; c < model.m(); c++) {
                out.add(s.chance(c));
            }
            return out;
        }).orElse(List.of());
    }

    /** The outlook after the last race: the final table decides. */
    static List<TeamOutlook> decided(Championship championship) {
        List<Race> run = championship.racesRun();
        if (championship.scoring().constructors().isEmpty() || run.isEmpty()) {
            return List.of();
        }
        return Standings.constructorsAfter(championship, run.getLast()).rows().stream().map(r -> {
            boolean champion = r.position().isPresent() && r.position().getAsInt() == 1;
            int position = r.position().orElse(0);
            return new TeamOutlook(r.name(), r.points(), champion ? Outlook.Answer.YES : Outlook.Answer.NO, "no race remains",
                    position, position, champion ? 1.0 : 0.0, 0.0, champion ? 1.0 : 0.0, 0.0, List.of());
        }).toList();
    }

    /** Why the model cannot be trusted with these regulations, or empty when it can. */
    private Optional<String> check() {
        if (season.bestCarOnly && season.lapPays()) {
            return Optional.of("only the best car scores and the fastest lap pays too, which the solver's model does not follow");
        }
        return SeveralRaces.outsideTheModel(season.monotone(), season.remaining.size(), season.n(), season::agreesWithEngine);
    }

    private Scenarios.Chance chance(int c) {
        String name = season.constructors.get(c);
        if (outsideTheModel.isPresent()) {
            return new Scenarios.Chance(name, Outlook.Answer.UNDECIDED, outsideTheModel.get(), List.of());
        }
        return switch (new ConstructorsSolver(season, assumed, limit).solve(c, TitleSolver.Mode.ALL_BEHIND, season.m() - 1)) {
            case TitleSolver.Outcome.Witness w when season.champion(engine(w), c) ->
                    new Scenarios.Chance(name, Outlook.Answer.YES, "", season.witness(w.found().orders(), w.found().fastestLapBy()));
            case TitleSolver.Outcome.Witness w -> new Scenarios.Chance(name, Outlook.Answer.UNDECIDED,
                    "the solver's witness is not a title once every tie-break step is applied", List.of());
            case TitleSolver.Outcome.Impossible i -> new Scenarios.Chance(name, Outlook.Answer.NO, "", List.of());
            case TitleSolver.Outcome.TimedOut t -> new Scenarios.Chance(name, Outlook.Answer.UNDECIDED,
                    "the solver's time limit (" + limit.toMillis() + " ms) ran out", List.of());
        };
    }

    private Standings engine(TitleSolver.Outcome.Witness w) {
        return season.engine(w.found().orders(), w.found().fastestLapBy());
    }

    private List<TeamOutlook> outlooks(RandomGenerator random, int runs, Optional<Strengths> strengths) {
        double[][] odds = odds(random, runs, strengths);
        List<TeamOutlook> out = new ArrayList<>();
        for (int c : tableOrder()) {
            String name = season.constructors.get(c);
            Points points = current(name);
            double[] p = odds[c];
            if (outsideTheModel.isPresent()) {
                out.add(new TeamOutlook(name, points, Outlook.Answer.UNDECIDED, outsideTheModel.get(), 0, 0, p[0], p[1], p[2], p[3], List.of()));
                continue;
            }
            Scenarios.Chance chance = chance(c);
            ConstructorsSolver solver = new ConstructorsSolver(season, assumed, limit);
            List<String> notes = new ArrayList<>();
            if (!chance.reason().isEmpty()) {
                notes.add(chance.reason());
            }
            int best = 1;
            if (chance.canWin() != Outlook.Answer.YES) {
                best = position(solver.solve(c, TitleSolver.Mode.MOST_BEHIND, season.m() - 1), c, "best", notes);
            }
            // Last of all is the worst there is: when sharing out the places in turn among the rivals puts every one of
            // them ahead, that is the answer without a search.
            int worst = lastWhenRivalsTakeTurns(c) ? season.m()
                    : position(solver.solve(c, TitleSolver.Mode.MOST_AHEAD, season.m() - 1), c, "worst", notes);
            out.add(new TeamOutlook(name, points, chance.canWin(), String.join("; ", notes), best, worst, p[0], p[1], p[2], p[3],
                    chance.witness()));
        }
        for (String name : season.excluded) {
            out.add(new TeamOutlook(name, current(name), Outlook.Answer.NO, "excluded from the championship", 0, 0, 0, 0, 0, 0, List.of()));
        }
        return out;
    }

    /**
     * Whether constructor c ends last when its cars finish last in every remaining race and the other cars take the
     * places in turn (the order shifted by two places each race), as the engine scores it. Only without assumed results.
     */
    private boolean lastWhenRivalsTakeTurns(int c) {
        if (java.util.Arrays.stream(assumed).flatMapToInt(java.util.Arrays::stream).anyMatch(p -> p > 0)) {
            return false;
        }
        int races = season.remaining.size();
        int n = season.n();
        List<Integer> others = new ArrayList<>();
        for (int car = 0; car < n; car++) {
            if (season.teamOf[car] != c) {
                others.add(car);
            }
        }
        int[][] orders = new int[races][n];
        int[] laps = new int[races];
        for (int k = 0; k < races; k++) {
            for (int i = 0; i < others.size(); i++) {
                orders[k][i] = others.get((i + 2 * k) % others.size());
            }
            int next = others.size();
            for (int car : season.carsOf[c]) {
                orders[k][next++] = car;
            }
            laps[k] = orders[k][0];
        }
        return season.position(season.engine(orders, laps), c) == season.m();
    }

    /** The constructors in the order of the current table, those yet to score after them. */
    private List<Integer> tableOrder() {
        List<Integer> order = new ArrayList<>();
        for (String name : season.table.map(Standings::rows).orElse(List.of()).stream().map(StandingsRow::name).toList()) {
            int c = season.constructors.indexOf(name);
            if (c >= 0) {
                order.add(c);
            }
        }
        for (int c = 0; c < season.m(); c++) {
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        return order;
    }

    private Points current(String name) {
        return season.table.flatMap(t -> t.rowOf(name)).map(StandingsRow::points).orElse(Points.ZERO);
    }

    /** The engine's position of constructor c in the season a search found; 0 (unknown) when it found none. */
    private int position(TitleSolver.Outcome outcome, int c, String which, List<String> notes) {
        if (outcome instanceof TitleSolver.Outcome.Witness w) {
            int position = season.position(engine(w), c);
            if (!w.optimal()) {
                notes.add("the " + which + " position found is " + position + ", not proved (the solver's time limit ran out)");
            }
            return position;
        }
        notes.add("no " + which + " position found in the solver's time limit");
        return 0;
    }

    /**
     * Title shares and standard errors per constructor: {uniform, its error, strength model, its error}; the strengths
     * given, or fitted to the finishing orders so far.
     */
    private double[][] odds(RandomGenerator random, int runs, Optional<Strengths> strengths) {
        double[][] odds = new double[season.m()][4];
        if (outsideTheModel.isPresent() || runs <= 0) {
            for (double[] o : odds) {
                Arrays.fill(o, Double.NaN);
            }
            return odds;
        }
        double[] strength = strengths.map(s -> s.of(season.cars)).orElseGet(() -> Simulator.fit(season.n(), season.before.racesRun().stream()
                .map(r -> SeasonModel.finishingOrder(Classifier.classify(season.before, r), season.cars)).toList()));
        double[] uniform = simulate(random, runs, Optional.empty());
        double[] strong = simulate(random, runs, Optional.of(strength));
        for (int c = 0; c < season.m(); c++) {
            odds[c][0] = uniform[c] / runs;
            odds[c][1] = Math.sqrt(odds[c][0] * (1 - odds[c][0]) / runs);
            odds[c][2] = strong[c] / runs;
            odds[c][3] = Math.sqrt(odds[c][2] * (1 - odds[c][2]) / runs);
        }
        return odds;
    }

    /**
     * Title shares over simulated seasons: each remaining race in a random order of cars (the fastest lap to a random
     * car of those it may pay), totals by the model, ties through the tie-break chain, shared when it cannot separate.
     */
    private double[] simulate(RandomGenerator random, int runs, Optional<double[]> strength) {
        int races = season.remaining.size();
        int m = season.m();
        FinishingOrders orders = new FinishingOrders(season.n(), strength);
        int[][] places = new int[races][season.n()];
        int[] laps = new int[races];
        double[] wins = new double[m];
        long[] totals = new long[m];
        for (int run = 0; run < runs; run++) {
            for (int k = 0; k < races; k++) {
                orders.draw(random, assumed[k], places[k]);
                laps[k] = -1;
                if (season.lapBonus[k] != 0) {
                    int top = Math.min(season.lapTop[k], season.n());
                    int at = 1 + random.nextInt(top);
                    for (int car = 0; car < season.n(); car++) {
                        laps[k] = places[k][car] == at ? car : laps[k];
                    }
                }
            }
            long best = Long.MIN_VALUE;
            for (int c = 0; c < m; c++) {
                totals[c] = season.total(c, places, laps);
                best = Math.max(best, totals[c]);
            }
            List<Integer> level = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                if (totals[c] == best) {
                    level.add(c);
                }
            }
            List<Integer> champions = new ArrayList<>();
            for (int c : level) {
                boolean beaten = false;
                for (int r : level) {
                    beaten |= r != c && season.tieAhead(r, c, places).orElse(false);
                }
                if (!beaten) {
                    champions.add(c);
                }
            }
            for (int c : champions) {
                wins[c] += 1.0 / champions.size();
            }
        }
        return wins;
    }
}
