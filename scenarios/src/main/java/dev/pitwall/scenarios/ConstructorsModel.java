package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classification;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.RaceScores;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rest of a season for the constructors' championship, as numbers a solver can use. Every entrant is a car in
 * each remaining race, entered by the constructor he last drove for in a race that counts for constructors (a driver
 * with none only takes a place). What a car's place is worth to its constructor, the points each constructor scored
 * in each round so far and the finishes its countback reads all come from the scoring engine; points are whole
 * numbers in units of {@code 1/scale}. {@link #agreesWithEngine} holds the model to the engine's totals.
 */
final class ConstructorsModel {

    final Championship before;
    final List<Race> remaining;
    /** The cars: the entrants, in entry-list order, by driver. */
    final List<String> cars;
    /** The constructor (index) of each car, -1 for a car that scores for none. */
    final int[] teamOf;
    /** The constructors who can still score or stand in the table, excluded ones aside. */
    final List<String> constructors;
    /** The cars (indexes) of each constructor. */
    final int[][] carsOf;
    /** points[k][p-1]: what a car at place p of remaining race k earns its constructor, scaled. */
    final long[][] points;
    /** driverScores[k][p-1]: whether a driver at place p of remaining race k scores (countback of scoring finishes). */
    final boolean[][] driverScores;
    /** The fastest lap's value to a constructor in remaining race k, scaled (0 when it pays nothing). */
    final long[] lapBonus;
    /** The fastest lap pays only to a car classified in this top (the number of cars when any car may take it). */
    final int[] lapTop;
    final boolean bestCarOnly;
    /** Whether remaining race k is a race (not a sprint): race finishes count back. */
    final boolean[] isRace;
    final int[] roundOf;
    final int rounds;
    final Optional<DropRule> dropRule;
    final List<TieBreak> tieBreaks;
    /** Carry-over minus deductions, scaled. */
    final long[] fixed;
    /** pastByRound[c][round-1], scaled. */
    final long[][] pastByRound;
    /** countbackAll[c][p-1]: race finishes at place p so far; countbackScoring: those that scored drivers' points. */
    final int[][] countbackAll;
    final int[][] countbackScoring;
    /** The constructors' table as it stands before the remaining races (empty before the first race). */
    final Optional<Standings> table;
    /** Constructors excluded from the championship: never ranked, never champions. */
    final List<String> excluded;
    final long scale;

    private ConstructorsModel(Championship before, List<Race> remaining, ConstructorsRules rules) {
        this.before = before;
        this.remaining = List.copyOf(remaining);
        this.cars = before.entrants().stream().map(Entrant::name).toList();
        this.bestCarOnly = rules.bestCarOnly();
        this.rounds = before.rounds().size();
        this.dropRule = rules.dropRule();
        this.tieBreaks = List.copyOf(before.tieBreaks());
        int n = cars.size();

        Optional<Standings> now = before.racesRun().isEmpty() ? Optional.empty()
                : Optional.of(Standings.constructorsAfter(before, before.racesRun().getLast()));
        this.table = now;
        List<String> out = now.map(s -> s.rows().stream().filter(StandingsRow::excluded).map(StandingsRow::name).toList())
                .orElse(List.of());
        this.excluded = out;
        Map<String, String> lineUp = lineUp(rules);
        LinkedHashMap<String, Integer> index = new LinkedHashMap<>();
        now.ifPresent(s -> s.rows().stream().filter(r -> !r.excluded()).forEach(r -> index.putIfAbsent(r.name(), index.size())));
        for (String car : cars) {
            String team = lineUp.get(car);
            if (team != null && !out.contains(team)) {
                index.putIfAbsent(team, index.size());
            }
        }
        this.constructors = List.copyOf(index.keySet());
        int m = constructors.size();
        this.teamOf = new int[n];
        List<List<Integer>> byTeam = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            byTeam.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            Integer team = lineUp.get(cars.get(i)) == null ? null : index.get(lineUp.get(cars.get(i)));
            teamOf[i] = team == null ? -1 : team;
            if (team != null) {
                byTeam.get(team).add(i);
            }
        }
        this.carsOf = byTeam.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);

        List<Points[]> racePoints = new ArrayList<>();
        List<Points> bonuses = new ArrayList<>();
        this.driverScores = new boolean[remaining.size()][];
        this.lapTop = new int[remaining.size()];
        this.isRace = new boolean[remaining.size()];
        Map<RaceRules, Probe> probes = new HashMap<>();
        for (int k = 0; k < remaining.size(); k++) {
            Race race = remaining.get(k);
            boolean excludedRace = rules.excludedRaces().stream().anyMatch(x -> Slug.of(x).equals(race.slug()));
            Probe probe = excludedRace ? probe(race) : probes.computeIfAbsent(race.rules(), r -> probe(race));
            racePoints.add(excludedRace ? zeros(n) : probe.byPlace());
            bonuses.add(excludedRace ? Points.ZERO : probe.lapBonus());
            driverScores[k] = probe.driverScores();
            lapTop[k] = race.rules().fastestLap().flatMap(b -> b.requireClassifiedTop().isPresent()
                    ? Optional.of(b.requireClassifiedTop().getAsInt()) : Optional.empty()).orElse(n);
            isRace[k] = race.rules().session() == SessionType.RACE;
        }

        Map<String, Integer> where = new HashMap<>();
        for (int c = 0; c < m; c++) {
            where.put(constructors.get(c), c);
        }
        Points[][] pastRounds = new Points[m][rounds];
        for (Points[] row : pastRounds) {
            Arrays.fill(row, Points.ZERO);
        }
        int[][] all = new int[m][n];
        int[][] scoring = new int[m][n];
        for (RaceScores scores : Standings.constructorScores(before)) {
            int round = before.roundOf(scores.race());
            scores.points().forEach((team, p) -> {
                Integer c = where.get(team);
                if (c != null) {
                    pastRounds[c][round - 1] = pastRounds[c][round - 1].plus(p);
                }
            });
            for (RaceScores.CountbackFinish f : scores.finishes()) {
                Integer c = where.get(f.competitor());
                if (c != null && f.place() >= 1 && f.place() <= n) {
                    all[c][f.place() - 1]++;
                    scoring[c][f.place() - 1] += f.scored() ? 1 : 0;
                }
            }
        }
        this.countbackAll = all;
        this.countbackScoring = scoring;
        Points[] fixedPoints = new Points[m];
        for (int c = 0; c < m; c++) {
            String name = constructors.get(c);
            fixedPoints[c] = now.flatMap(s -> s.rowOf(name)).map(r -> r.carryOver().minus(r.deductions())).orElse(Points.ZERO);
        }

        Scaled units = Scaled.of(racePoints, pastRounds, bonuses, fixedPoints);
        this.scale = units.scale();
        this.points = racePoints.stream().map(units::of).toArray(long[][]::new);
        this.lapBonus = units.of(bonuses);
        this.roundOf = remaining.stream().mapToInt(before::roundOf).toArray();
        this.fixed = units.of(fixedPoints);
        this.pastByRound = units.of(pastRounds);
    }

    /** The model of a championship with a constructors' table, before {@code remaining}; empty when it has none. */
    static Optional<ConstructorsModel> of(Championship before, List<Race> remaining) {
        return before.scoring().constructors().map(rules -> new ConstructorsModel(before, remaining, rules));
    }

    private static Points[] zeros(int n) {
        Points[] z = new Points[n];
        Arrays.fill(z, Points.ZERO);
        return z;
    }

    private long scaled(Points p) {
        return new Scaled(scale).of(p);
    }

    /** Each driver's constructor: the one of his latest result in a race that counts for constructors, else his entry's. */
    private Map<String, String> lineUp(ConstructorsRules rules) {
        Map<String, String> team = new HashMap<>();
        List<Race> run = before.racesRun();
        for (int i = run.size() - 1; i >= 0; i--) {
            Race race = run.get(i);
            if (rules.excludedRaces().stream().anyMatch(x -> Slug.of(x).equals(race.slug()))) {
                continue;
            }
            for (ResultRow row : before.resultOf(race).orElseThrow().rows()) {
                row.team().ifPresent(t -> team.putIfAbsent(row.driver(), t));
            }
        }
        for (Entrant e : before.entrants()) {
            e.team().ifPresent(t -> team.putIfAbsent(e.name(), t));
        }
        return team;
    }

    /** What each place of a race is worth, read from the engine: one probe team per car. */
    private record Probe(Points[] byPlace, Points lapBonus, boolean[] driverScores) {
    }

    private Probe probe(Race race) {
        int n = cars.size();
        Championship plain = probeSeason(race, Optional.empty());
        Standings table = Standings.constructorsAfter(plain, race);
        Classification classified = Classifier.classify(plain, race);
        Points[] byPlace = new Points[n];
        boolean[] scores = new boolean[n];
        for (int p = 1; p <= n; p++) {
            byPlace[p - 1] = table.rowOf(probeTeam(p)).map(StandingsRow::points).orElse(Points.ZERO);
            scores[p - 1] = classified.entryOf(cars.get(p - 1)).map(ClassifiedEntry::points).orElse(Points.ZERO).isPositive();
        }
        Points bonus = Points.ZERO;
        if (race.rules().fastestLap().isPresent()) {
            Standings withLap = Standings.constructorsAfter(probeSeason(race, Optional.of(cars.getFirst())), race);
            bonus = withLap.rowOf(probeTeam(1)).map(StandingsRow::points).orElse(Points.ZERO).minus(byPlace[0]);
        }
        return new Probe(byPlace, bonus, scores);
    }

    private static String probeTeam(int place) {
        return "\u0000probe " + place;
    }

    /** The championship with {@code race} run in entry-list order, each car entered by its own probe team. */
    private Championship probeSeason(Race race, Optional<String> lap) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < cars.size(); i++) {
            rows.add(new ResultRow(i + 1, cars.get(i), new Finish.Finished(Optional.empty()), Optional.empty(),
                    Optional.of(probeTeam(i + 1)), Optional.empty()));
        }
        return before.withResult(new RaceResult(race.name(), rows, lap.map(FastestLap::by).stream().toList()));
    }

    int n() {
        return cars.size();
    }

    int m() {
        return constructors.size();
    }

    /** Whether a place further up never earns less, in every remaining race. */
    boolean monotone() {
        for (long[] race : points) {
            for (int p = 1; p < race.length; p++) {
                if (race[p] > race[p - 1]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the fastest lap pays a constructor in some remaining race. */
    boolean lapPays() {
        return Arrays.stream(lapBonus).anyMatch(b -> b != 0);
    }

    /**
     * What constructor c earns in remaining race k when its cars take {@code placeOfCar} and {@code lapCar} sets the
     * fastest lap (-1 for nobody).
     */
    long earned(int c, int k, int[] placeOfCar, int lapCar) {
        long sum = 0;
        int best = Integer.MAX_VALUE;
        for (int car : carsOf[c]) {
            int p = placeOfCar[car];
            best = Math.min(best, p);
            if (!bestCarOnly) {
                sum += points[k][p - 1] + (car == lapCar && p <= lapTop[k] ? lapBonus[k] : 0);
            }
        }
        if (bestCarOnly && best != Integer.MAX_VALUE) {
            int bestCar = -1;
            for (int car : carsOf[c]) {
                bestCar = placeOfCar[car] == best ? car : bestCar;
            }
            sum = points[k][best - 1] + (bestCar == lapCar && best <= lapTop[k] ? lapBonus[k] : 0);
        }
        return sum;
    }

    /** Constructor c's final total, scaled, with the remaining races finishing as given (places[k][car], laps[k] the car). */
    long total(int c, int[][] places, int[] laps) {
        long[] byRound = pastByRound[c].clone();
        for (int k = 0; k < places.length; k++) {
            byRound[roundOf[k] - 1] += earned(c, k, places[k], laps[k]);
        }
        return fixed[c] + counted(byRound);
    }

    /** The points of each round that count: the best of each segment, every round no segment covers. */
    long counted(long[] byRound) {
        return SeasonModel.counted(byRound, dropRule, rounds);
    }

    /** Constructor c's finishes at each place as this countback counts them, the remaining races included. */
    int[] counts(int c, int[][] places, TieBreak.Countback countback) {
        int[] counts = (countback.scoringFinishesOnly() ? countbackScoring : countbackAll)[c].clone();
        for (int k = 0; k < places.length; k++) {
            for (int car : carsOf[c]) {
                int p = places[k][car];
                if (isRace[k] && (!countback.scoringFinishesOnly() || driverScores[k][p - 1])) {
                    counts[p - 1]++;
                }
            }
        }
        return counts;
    }

    /** The last remaining race that is not a sprint, or -1. */
    int lastRace() {
        for (int k = remaining.size() - 1; k >= 0; k--) {
            if (isRace[k]) {
                return k;
            }
        }
        return -1;
    }

    /**
     * For two constructors level on points, whether the tie-break chain puts {@code rival} ahead of {@code target}: true,
     * false (behind or sharing), or empty when a step is one the model does not follow.
     */
    Optional<Boolean> tieAhead(int rival, int target, int[][] places) {
        for (TieBreak step : tieBreaks) {
            switch (step) {
                case TieBreak.Countback cb -> {
                    int cmp = Arrays.compare(counts(rival, places, cb), counts(target, places, cb));
                    if (cmp != 0) {
                        return Optional.of(cmp > 0);
                    }
                }
                case TieBreak.LatestRaceFinish l -> {
                    int last = lastRace();
                    if (last < 0 || carsOf[rival].length == 0 || carsOf[target].length == 0) {
                        return Optional.empty();
                    }
                    return Optional.of(bestPlace(rival, places[last]) < bestPlace(target, places[last]));
                }
                case TieBreak.FirstToReachTotal f -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(false);
    }

    int bestPlace(int c, int[] placeOfCar) {
        int best = Integer.MAX_VALUE;
        for (int car : carsOf[c]) {
            best = Math.min(best, placeOfCar[car]);
        }
        return best;
    }

    /** The engine's final constructors' table when the remaining races finish as given (orders[k][i]: car at place i+1). */
    Standings engine(int[][] orders, int[] laps) {
        Championship season = before;
        for (int k = 0; k < remaining.size(); k++) {
            List<ResultRow> rows = new ArrayList<>();
            for (int i = 0; i < orders[k].length; i++) {
                int car = orders[k][i];
                Optional<String> team = teamOf[car] < 0 ? Optional.empty() : Optional.of(constructors.get(teamOf[car]));
                rows.add(new ResultRow(i + 1, cars.get(car), new Finish.Finished(Optional.empty()), Optional.empty(), team,
                        Optional.empty()));
            }
            List<FastestLap> lap = laps[k] >= 0 ? List.of(FastestLap.by(cars.get(laps[k]))) : List.of();
            season = season.withResult(new RaceResult(remaining.get(k).name(), rows, lap));
        }
        return Standings.constructorsAfter(season, remaining.getLast());
    }

    /** The place of every car in every race, from the orders. */
    static int[][] places(int[][] orders) {
        int[][] places = new int[orders.length][];
        for (int k = 0; k < orders.length; k++) {
            places[k] = new int[orders[k].length];
            for (int i = 0; i < orders[k].length; i++) {
                places[k][orders[k][i]] = i + 1;
            }
        }
        return places;
    }

    /** Whether the model's totals are the engine's for a completed season (orders by car, fastest laps by car or -1). */
    boolean agreesWithEngine(int[][] orders, int[] laps) {
        Standings table = engine(orders, laps);
        int[][] places = places(orders);
        for (int c = 0; c < m(); c++) {
            Optional<StandingsRow> row = table.rowOf(constructors.get(c));
            long model = total(c, places, laps);
            if (row.isEmpty() ? model != 0 : row.get().excluded() || model != scaled(row.get().points())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the engine's table has constructor c first, alone or sharing it. */
    boolean champion(Standings table, int c) {
        return table.rowOf(constructors.get(c)).map(r -> r.position().isPresent() && r.position().getAsInt() == 1).orElse(false);
    }

    /** Constructor c's position in the engine's table (the number of constructors when it is not listed). */
    int position(Standings table, int c) {
        return table.rowOf(constructors.get(c)).flatMap(r -> r.position().isPresent() ? Optional.of(r.position().getAsInt())
                : Optional.empty()).orElse(m());
    }

    /** A witness: each remaining race's order by driver, and the fastest lap where it pays. */
    List<Outlook.RaceOrder> witness(int[][] orders, int[] laps) {
        List<Outlook.RaceOrder> out = new ArrayList<>();
        for (int k = 0; k < orders.length; k++) {
            Optional<String> lap = laps[k] >= 0 && lapBonus[k] > 0 ? Optional.of(cars.get(laps[k])) : Optional.empty();
            out.add(new Outlook.RaceOrder(remaining.get(k).name(), Arrays.stream(orders[k]).mapToObj(cars::get).toList(), lap));
        }
        return out;
    }

    /** The assumed place of each car in each remaining race, 0 when free. */
    int[][] assumedPlaces(Map<String, Map<String, Integer>> assumed) {
        int[][] fixedPlace = new int[remaining.size()][n()];
        for (int k = 0; k < remaining.size(); k++) {
            for (var e : assumed.getOrDefault(remaining.get(k).name(), Map.of()).entrySet()) {
                fixedPlace[k][cars.indexOf(before.requireEntrant(e.getKey()).name())] = e.getValue();
            }
        }
        return fixedPlace;
    }
}
