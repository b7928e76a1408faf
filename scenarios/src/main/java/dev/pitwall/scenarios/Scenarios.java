package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Ordinal;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Who can still win the title, where each driver can still finish, what each driver needs in the next race, and
 * the odds, before the remaining races of a championship.
 * <p>
 * With one race left the answers are exact and take polynomial time: by swapping places, a driver's best case has
 * him winning the race and his worst case has him last, and whether he stays ahead of a rival depends only on the
 * two of them (points, best-N results and tie-breaks are each driver's own), so the question becomes a bipartite
 * matching of rivals to the remaining places. With two or more races left the general question is NP-hard: a
 * greedy witness is tried first, then the constraint model of {@link TitleSolver}; an answer is undecided only when
 * the time limit ran out or the model cannot follow the regulations, and says so.
 */
public final class Scenarios {

    private final Championship before;
    private final List<Race> remaining;
    private final List<String> drivers;
    private final Map<String, Boolean> aheadCache = new HashMap<>();
    /** Results assumed for the remaining races: race name to driver to finishing position. */
    private final Map<String, Map<String, Integer>> assumed;

    private final java.time.Duration limit;
    private SeveralRaces several;
    /** The strength model of the odds when it comes from elsewhere; empty: fitted to the results so far. */
    private final Optional<Strengths> strengths;

    private Scenarios(Championship before, List<Race> remaining, Map<String, Map<String, Integer>> assumed, java.time.Duration limit,
                      Optional<Strengths> strengths) {
        this.before = before;
        this.strengths = strengths;
        this.remaining = remaining;
        this.drivers = before.entrants().stream().map(Entrant::name).toList();
        this.assumed = assumed;
        this.limit = limit;
    }

    /** The time the solver may take on one question before the answer is undecided. */
    public static final java.time.Duration DEFAULT_LIMIT = java.time.Duration.ofSeconds(2);

    private SeveralRaces severalRaces() {
        if (several == null) {
            several = new SeveralRaces(SeasonModel.of(before, remaining), assumed, limit);
        }
        return several;
    }

    /** The finishing positions assumed for the next race, by driver. */
    private Map<String, Integer> fixed() {
        return assumed.getOrDefault(remaining.getFirst().name(), Map.of());
    }

    private boolean taken(int place, String except) {
        return fixed().entrySet().stream().anyMatch(e -> e.getValue() == place && !e.getKey().equals(except));
    }

    /** The places a driver may take in the next race: his assumed one, or any not assumed for somebody else. */
    private List<Integer> placesFor(String driver) {
        Integer fixedPlace = fixed().get(driver);
        if (fixedPlace != null) {
            return List.of(fixedPlace);
        }
        List<Integer> places = new ArrayList<>();
        for (int p = 1; p <= drivers.size(); p++) {
            if (!taken(p, driver)) {
                places.add(p);
            }
        }
        return places;
    }

    /** The outlook after the last race: decided. */
    public static Report decided(Championship championship) {
        Standings last = Standings.latest(championship);
        List<Outlook> outlooks = last.rows().stream().map(r -> {
            boolean champion = r.position().isPresent() && r.position().getAsInt() == 1;
            int position = r.position().orElse(0);
            return new Outlook(r.name(), r.points(), champion ? Outlook.Answer.YES : Outlook.Answer.NO, "no race remains",
                    position, position, champion ? 1.0 : 0.0, 0.0, champion ? 1.0 : 0.0, 0.0, List.of(), List.of());
        }).toList();
        return new Report(last.after(), List.of(), outlooks, ConstructorsScenarios.decided(championship), "no race remains");
    }

    /** The outlook before {@code next}: its results and those of every later race are set aside. */
    public static Report before(Championship championship, Race next, RandomGenerator random, int runs) {
        return before(championship, next, random, runs, Map.of());
    }

    /**
     * The outlook before {@code next} with some results of the remaining races assumed: race name to driver to
     * finishing position ("what if Miyazono wins the Grand Final").
     */
    public static Report before(Championship championship, Race next, RandomGenerator random, int runs,
                                Map<String, Map<String, Integer>> assumed) {
        return before(championship, next, random, runs, assumed, DEFAULT_LIMIT);
    }

    /** As above, with the time the solver may take on each question. */
    public static Report before(Championship championship, Race next, RandomGenerator random, int runs,
                                Map<String, Map<String, Integer>> assumed, java.time.Duration limit) {
        return before(championship, next, random, runs, assumed, limit, Optional.empty());
    }

    /**
     * As above, with the strength odds taken from {@code strengths} (a race model from elsewhere, such as the strategy
     * lab's simulated races) instead of a fit to the season's results so far.
     */
    public static Report before(Championship championship, Race next, RandomGenerator random, int runs,
                                Map<String, Map<String, Integer>> assumed, java.time.Duration limit, Optional<Strengths> strengths) {
        return of(championship, next, assumed, limit, strengths).report(random, runs);
    }

    /** The questions before {@code next}: its results, those of every later race, and their decisions set aside. */
    private static Scenarios of(Championship championship, Race next, Map<String, Map<String, Integer>> assumed, java.time.Duration limit,
                                Optional<Strengths> strengths) {
        List<Race> races = championship.races();
        List<Race> remaining = races.subList(races.indexOf(next), races.size());
        Championship before = without(championship, remaining);
        validate(before, remaining, assumed);
        return new Scenarios(before, remaining, assumed, limit, strengths);
    }

    /**
     * Whether a driver (or, from {@link #constructorChances}, a constructor) can still be champion, with the witness or
     * the reason; no positions, needs or odds.
     */
    public record Chance(String driver, Outlook.Answer canWin, String reason, List<Outlook.RaceOrder> witness) {
    }

    /**
     * Only the first question, for every driver before {@code next}: can he still finish first? The cheapest exact
     * answer (the matching with one race left; the greedy witness, then the solver, with more).
     */
    public static List<Chance> chances(Championship championship, Race next, java.time.Duration limit) {
        Scenarios s = of(championship, next, Map.of(), limit, Optional.empty());
        List<Chance> out = new ArrayList<>();
        for (String d : s.drivers) {
            if (s.remaining.size() == 1) {
                int place = s.placesFor(d).getFirst();
                int[] win = s.match(d, place, false);
                boolean yes = s.complete(win);
                out.add(new Chance(d, yes ? Outlook.Answer.YES : Outlook.Answer.NO, "", yes ? s.witness(d, place, win) : List.of()));
            } else {
                out.add(s.severalRaces().chance(d));
            }
        }
        return out;
    }

    /**
     * The constructors' first question before {@code next}: can each constructor still finish first? Empty when the
     * championship has no constructors' table.
     */
    public static List<Chance> constructorChances(Championship championship, Race next, java.time.Duration limit) {
        Scenarios s = of(championship, next, Map.of(), limit, Optional.empty());
        return ConstructorsScenarios.chances(s.before, s.remaining, limit);
    }

    /** The championship as it stood before {@code remaining}: their results and decisions set aside. */
    private static Championship without(Championship championship, List<Race> remaining) {
        Map<String, RaceResult> results = new LinkedHashMap<>(championship.results());
        remaining.forEach(r -> results.remove(r.name()));
        List<Decision> decisions = championship.decisions().stream()
                .filter(d -> remaining.stream().noneMatch(r -> r.name().equals(d.race()))).toList();
        return new Championship(championship.name(), championship.rounds(), championship.entrants(),
                championship.scoring(), results, decisions);
    }

    private static void validate(Championship before, List<Race> remaining, Map<String, Map<String, Integer>> assumed) {
        int n = before.entrants().size();
        for (var race : assumed.entrySet()) {
            if (remaining.stream().noneMatch(r -> r.name().equals(race.getKey()))) {
                throw new IllegalArgumentException("results can only be assumed for races still to run, not " + race.getKey());
            }
            java.util.Set<Integer> places = new java.util.HashSet<>();
            for (var e : race.getValue().entrySet()) {
                before.requireEntrant(e.getKey());
                if (e.getValue() < 1 || e.getValue() > n) {
                    throw new IllegalArgumentException(race.getKey() + ": " + e.getKey() + " cannot finish " + e.getValue()
                            + "; places run from 1 to " + n);
                }
                if (!places.add(e.getValue())) {
                    throw new IllegalArgumentException(race.getKey() + ": two drivers are assumed to finish " + e.getValue());
                }
            }
        }
    }

    /**
     * The outlooks of every driver, in the current standings' order, and of every constructor where the championship has
     * a constructors' table (empty where it has none).
     */
    public record Report(Optional<Race> after, List<Race> remaining, List<Outlook> drivers, List<TeamOutlook> constructors,
                         String oddsModel) {
        public Report {
            remaining = List.copyOf(remaining);
            drivers = List.copyOf(drivers);
            constructors = List.copyOf(constructors);
        }
    }

    private Report report(RandomGenerator random, int runs) {
        Standings now = Standings.latest(before);
        Map<String, double[]> odds = odds(random, runs);
        String model = (oddsExact ? "every finishing order of the remaining race equally likely, counted exactly"
                : "every finishing order of each remaining race equally likely, " + runs + " simulated seasons")
                + "; strength odds: a Plackett-Luce model fitted to " + strengths.map(Strengths::source).orElse("the finishing orders so far")
                + ", " + runs + " simulated seasons";
        List<Outlook> outlooks = new ArrayList<>();
        for (StandingsRow row : now.rows()) {
            String d = row.name();
            double[] p = odds.get(d);
            if (remaining.size() != 1) {
                outlooks.add(severalRaces().outlook(d, row.points(), p));
                continue;
            }
            int n = drivers.size();
            List<Integer> places = placesFor(d);
            int bestPlace = places.getFirst();
            int worstPlace = places.getLast();
            int[] win = match(d, bestPlace, false);
            boolean canWin = complete(win);
            int best = 1 + (n - 1 - matched(win));
            int worst = 1 + matched(match(d, worstPlace, true));
            List<Outlook.RaceOrder> witness = canWin ? witness(d, bestPlace, win) : List.of();
            List<Outlook.Need> needs = new ArrayList<>();
            for (int q : places) {
                needs.add(need(d, q));
            }
            outlooks.add(new Outlook(d, row.points(), canWin ? Outlook.Answer.YES : Outlook.Answer.NO, "", best, worst, p[0], p[1], p[2], p[3],
                    witness, needs));
        }
        List<TeamOutlook> constructors = ConstructorsScenarios.outlooks(before, remaining, assumed, limit, random, runs, strengths);
        return new Report(now.after(), remaining, outlooks, constructors, model);
    }

    // --- one race left: pairwise comparisons and matchings --------------------------------------------------------

    /**
     * Whether {@code rival}, finishing {@code rivalPlace} in the last race, ends the season ranked ahead of
     * {@code driver} finishing {@code place}. Nobody else's result matters to the two of them.
     */
    private boolean ahead(String driver, int place, String rival, int rivalPlace) {
        if (severalRaces().usable()) {
            // Different totals decide at once; only a tie needs the engine's tie-break chain.
            SeasonModel model = severalRaces().season();
            Optional<Boolean> byNumbers = model.rivalAhead(model.drivers.indexOf(rival), new int[] {rivalPlace}, new boolean[1],
                    model.drivers.indexOf(driver), new int[] {place}, new boolean[1]);
            if (byNumbers.isPresent()) {
                return byNumbers.get();
            }
        }
        return aheadCache.computeIfAbsent(driver + '\u0000' + place + '\u0000' + rival + '\u0000' + rivalPlace, k -> {
            String[] order = new String[drivers.size()];
            order[place - 1] = driver;
            order[rivalPlace - 1] = rival;
            int next = 0;
            for (String other : drivers) {
                if (!other.equals(driver) && !other.equals(rival)) {
                    while (order[next] != null) {
                        next++;
                    }
                    order[next] = other;
                }
            }
            Standings table = finalStandings(List.of(Arrays.asList(order)));
            int d = table.rowOf(driver).orElseThrow().position().orElse(Integer.MAX_VALUE);
            int r = table.rowOf(rival).orElseThrow().position().orElse(Integer.MAX_VALUE);
            return r < d;
        });
    }

    /**
     * A maximum matching of rivals to the places left when {@code driver} finishes {@code place}: with
     * {@code rivalsAhead} false, a rival may take a place where he stays behind; with true, where he gets ahead.
     * Returns, for each place (0-based), the index of the rival matched to it, or -1.
     */
    private int[] match(String driver, int place, boolean rivalsAhead) {
        int n = drivers.size();
        List<String> rivals = drivers.stream().filter(x -> !x.equals(driver)).toList();
        boolean[][] edge = new boolean[rivals.size()][n];
        for (int r = 0; r < rivals.size(); r++) {
            for (int p : placesFor(rivals.get(r))) {
                edge[r][p - 1] = p != place && ahead(driver, place, rivals.get(r), p) == rivalsAhead;
            }
        }
        int[] rivalAt = new int[n];
        Arrays.fill(rivalAt, -1);
        for (int r = 0; r < rivals.size(); r++) {
            augment(r, edge, rivalAt, new boolean[n]);
        }
        return rivalAt;
    }

    private static boolean augment(int rival, boolean[][] edge, int[] rivalAt, boolean[] seen) {
        for (int p = 0; p < rivalAt.length; p++) {
            if (edge[rival][p] && !seen[p]) {
                seen[p] = true;
                if (rivalAt[p] < 0 || augment(rivalAt[p], edge, rivalAt, seen)) {
                    rivalAt[p] = rival;
                    return true;
                }
            }
        }
        return false;
    }

    private int matched(int[] rivalAt) {
        return (int) Arrays.stream(rivalAt).filter(r -> r >= 0).count();
    }

    private boolean complete(int[] rivalAt) {
        return matched(rivalAt) == drivers.size() - 1;
    }

    /** The witness of a title with one race left: the matched order, no fastest lap (the pairwise comparisons give none). */
    private List<Outlook.RaceOrder> witness(String driver, int place, int[] rivalAt) {
        return List.of(new Outlook.RaceOrder(remaining.getFirst().name(), order(driver, place, rivalAt), Optional.empty()));
    }

    private List<String> order(String driver, int place, int[] rivalAt) {
        List<String> rivals = drivers.stream().filter(x -> !x.equals(driver)).toList();
        List<String> order = new ArrayList<>();
        for (int p = 0; p < rivalAt.length; p++) {
            order.add(p == place - 1 ? driver : rivals.get(rivalAt[p]));
        }
        return order;
    }

    private Outlook.Need need(String driver, int place) {
        int n = drivers.size();
        List<String> rivals = drivers.stream().filter(x -> !x.equals(driver)).toList();
        List<Outlook.Condition> conditions = new ArrayList<>();
        for (String rival : rivals) {
            List<Integer> places = placesFor(rival);
            int atBest = Integer.MAX_VALUE;
            for (int k = places.size() - 1; k >= 0; k--) {
                int p = places.get(k);
                if (p != place && !ahead(driver, place, rival, p)) {
                    atBest = p;
                } else if (p != place) {
                    break;
                }
            }
            boolean everywhere = true;
            for (int p : places) {
                everywhere &= p == place || !ahead(driver, place, rival, p);
            }
            if (!everywhere) {
                conditions.add(new Outlook.Condition(rival, atBest));
            }
        }
        String ordinal = Ordinal.of(place);
        if (conditions.isEmpty()) {
            return new Outlook.Need(place, Outlook.Verdict.CLINCHES, List.of(),
                    driver + ": " + ordinal + " clinches the title whatever the others do.");
        }
        if (!complete(match(driver, place, false))) {
            return new Outlook.Need(place, Outlook.Verdict.CANNOT, List.of(), driver + ": " + ordinal + " cannot win the title.");
        }
        List<String> parts = conditions.stream().map(c -> c.atBest() == 2 ? c.rival() + " does not win"
                : c.rival() + " finishes " + Ordinal.of(c.atBest()) + (c.atBest() < n ? " or lower" : "")).toList();
        return new Outlook.Need(place, Outlook.Verdict.POSSIBLE, conditions,
                driver + ": " + ordinal + " wins the title if " + String.join(" and ", parts) + ".");
    }

    // --- odds -----------------------------------------------------------------------------------------------------

    private boolean oddsExact;

    /** Title chances and standard errors: exact over every order when there are few, else by simulation. */
    private Map<String, double[]> odds(RandomGenerator random, int runs) {
        Map<String, double[]> wins = new HashMap<>();
        drivers.forEach(d -> wins.put(d, new double[4]));
        long orders = 1;
        for (int k = 2; k <= drivers.size() - fixed().size() && orders <= runs; k++) {
            orders *= k;
        }
        oddsExact = remaining.size() == 1 && orders <= runs;
        int total = 0;
        SeveralRaces model = severalRaces();
        if (oddsExact) {
            List<String> free = drivers.stream().filter(d -> !fixed().containsKey(d)).collect(java.util.stream.Collectors.toList());
            total = permutations(free, 0, wins);
        } else if (model.usable()) {
            double[] shares = new Simulator(model.season(), model.season().assumedPlaces(assumed), Optional.empty()).run(random, runs);
            for (int d = 0; d < drivers.size(); d++) {
                wins.get(drivers.get(d))[0] = shares[d];
            }
            total = runs;
        } else {
            for (int run = 0; run < runs; run++) {
                List<List<String>> season = new ArrayList<>();
                for (Race race : remaining) {
                    Map<String, Integer> fixedHere = assumed.getOrDefault(race.name(), Map.of());
                    List<String> free = new ArrayList<>(drivers.stream().filter(d -> !fixedHere.containsKey(d)).toList());
                    for (int i = free.size() - 1; i > 0; i--) {
                        java.util.Collections.swap(free, i, random.nextInt(i + 1));
                    }
                    season.add(placed(free, fixedHere));
                }
                credit(finalStandings(season), wins);
                total++;
            }
        }
        for (double[] w : wins.values()) {
            double p = w[0] / total;
            w[0] = p;
            w[1] = oddsExact ? 0 : Math.sqrt(p * (1 - p) / total);
        }
        // The strength model: Plackett-Luce fitted to every finishing order so far.
        if (model.usable()) {
            SeasonModel season = model.season();
            double[] strength = strengths.map(st -> st.of(season.drivers)).orElseGet(() -> Simulator.fit(season.n, season.pastOrders));
            double[] shares = new Simulator(season, season.assumedPlaces(assumed), Optional.of(strength)).run(random, runs);
            for (int d = 0; d < drivers.size(); d++) {
                double p = shares[d] / runs;
                wins.get(drivers.get(d))[2] = p;
                wins.get(drivers.get(d))[3] = Math.sqrt(p * (1 - p) / runs);
            }
        } else {
            wins.values().forEach(w -> {
                w[2] = Double.NaN;
                w[3] = Double.NaN;
            });
        }
        return wins;
    }

    /** The free drivers in order around the assumed places. */
    private List<String> placed(List<String> free, Map<String, Integer> fixedHere) {
        String[] order = new String[drivers.size()];
        fixedHere.forEach((d, p) -> order[p - 1] = d);
        int next = 0;
        for (String d : free) {
            while (order[next] != null) {
                next++;
            }
            order[next] = d;
        }
        return Arrays.asList(order);
    }

    private int permutations(List<String> order, int k, Map<String, double[]> wins) {
        if (k == order.size()) {
            credit(finalStandings(List.of(placed(order, fixed()))), wins);
            return 1;
        }
        int count = 0;
        for (int i = k; i < order.size(); i++) {
            java.util.Collections.swap(order, k, i);
            count += permutations(order, k + 1, wins);
            java.util.Collections.swap(order, k, i);
        }
        return count;
    }

    /** Gives the champion a win; drivers sharing first place share it. */
    private static void credit(Standings table, Map<String, double[]> wins) {
        List<StandingsRow> first = table.rows().stream().filter(r -> r.position().isPresent() && r.position().getAsInt() == 1).toList();
        first.forEach(r -> wins.get(r.name())[0] += 1.0 / first.size());
    }

    /** The final standings when the remaining races finish in these orders. */
    private Standings finalStandings(List<List<String>> orders) {
        Championship season = before;
        for (int r = 0; r < remaining.size(); r++) {
            List<ResultRow> rows = new ArrayList<>();
            List<String> order = orders.get(r);
            for (int i = 0; i < order.size(); i++) {
                rows.add(new ResultRow(i + 1, order.get(i), new Finish.Finished(Optional.empty()), Optional.empty()));
            }
            season = season.withResult(new RaceResult(remaining.get(r).name(), rows));
        }
        return Standings.after(season, remaining.getLast());
    }


}
