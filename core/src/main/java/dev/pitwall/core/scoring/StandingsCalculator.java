package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.SessionType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes drivers' and constructors' standings from a championship's facts. Each race run is classified and
 * scored once; one pass over the season then carries running totals, countback counts and best-N results
 * forward, producing the table after every race.
 */
final class StandingsCalculator {

    private final Championship championship;
    private final List<Race> racesRun;
    /** Each race run's published results, looked up once. */
    private final RaceResult[] resultOfRace;
    private final int[] roundOfRace;
    private final boolean[] isRace;
    /** Per race run, the championship's decisions about it: the same empty list for most races. */
    private final List<Decision>[] decisionsByRace;
    private Map<Race, Integer> indexOfRace;
    private List<Classifier.Scored> classifications;
    private int[] rowsPerRace;
    private List<Standings> drivers;
    private List<Standings> constructors;

    @SuppressWarnings("unchecked")
    private StandingsCalculator(Championship championship) {
        this.championship = championship;
        List<Race> run = new ArrayList<>();
        List<RaceResult> results = new ArrayList<>();
        int[] rounds = new int[16];
        Map<String, RaceResult> published = championship.results();
        for (int r = 0; r < championship.rounds().size(); r++) {
            for (Race race : championship.rounds().get(r).races()) {
                RaceResult result = published.get(race.name());
                if (result != null) {
                    if (run.size() == rounds.length) {
                        rounds = Arrays.copyOf(rounds, rounds.length * 2);
                    }
                    rounds[run.size()] = r + 1;
                    run.add(race);
                    results.add(result);
                }
            }
        }
        this.racesRun = List.copyOf(run);
        this.resultOfRace = results.toArray(RaceResult[]::new);
        this.roundOfRace = Arrays.copyOf(rounds, run.size());
        this.isRace = new boolean[run.size()];
        this.decisionsByRace = new List[run.size()];
        Arrays.fill(decisionsByRace, List.of());
        for (int i = 0; i < run.size(); i++) {
            isRace[i] = run.get(i).rules().session() == SessionType.RACE;
        }
        if (!championship.decisions().isEmpty()) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < run.size(); i++) {
                index.put(run.get(i).name(), i);
            }
            for (Decision d : championship.decisions()) {
                Integer i = index.get(d.race());
                if (i != null) {
                    if (decisionsByRace[i].isEmpty()) {
                        decisionsByRace[i] = new ArrayList<>(2);
                    }
                    decisionsByRace[i].add(d);
                }
            }
        }
    }

    static StandingsCalculator of(Championship championship) {
        return new StandingsCalculator(championship);
    }

    Standings drivers(Optional<Race> after) {
        int counted = counted(after);
        if (counted == 0) {
            return new Standings(after, driverTable().pass(0, racesRun, roundOfRace, championship.tieBreaks()).getFirst().rows());
        }
        return driversAfterEveryRace().get(counted - 1);
    }

    Standings constructors(Optional<Race> after) {
        int counted = counted(after);
        if (championship.scoring().constructors().isEmpty()) {
            return new Standings(after, List.of());
        }
        return counted == 0 ? new Standings(after, List.of()) : constructorsAfterEveryRace().get(counted - 1);
    }

    private int counted(Optional<Race> after) {
        return after.map(race -> {
            if (indexOfRace == null) {
                indexOfRace = new java.util.IdentityHashMap<>();
                for (int i = 0; i < racesRun.size(); i++) {
                    indexOfRace.put(racesRun.get(i), i);
                }
            }
            Integer found = indexOfRace.get(race);
            int i = found != null ? found : racesRun.indexOf(race);
            if (i < 0) {
                throw new IllegalStateException(race.name() + " has no results yet");
            }
            return i + 1;
        }).orElse(0);
    }

    private List<Classifier.Scored> classifications() {
        if (classifications == null) {
            List<Classifier.Scored> list = new ArrayList<>(racesRun.size());
            Classifier.Workspace workspace = new Classifier.Workspace();
            for (int i = 0; i < racesRun.size(); i++) {
                list.add(Classifier.score(championship, racesRun.get(i), resultOfRace[i], decisionsByRace[i], workspace));
            }
            classifications = list;
        }
        return classifications;
    }

    /** How many result rows each race run has: a table's room for its entries and finishes. */
    private int[] rowsPerRace() {
        if (rowsPerRace == null) {
            List<Classifier.Scored> classified = classifications();
            rowsPerRace = new int[classified.size()];
            for (int i = 0; i < rowsPerRace.length; i++) {
                rowsPerRace[i] = classified.get(i).size();
            }
        }
        return rowsPerRace;
    }

    /** Drivers' standings after each race run, in running order. */
    List<Standings> driversAfterEveryRace() {
        if (drivers == null) {
            drivers = driverTable().pass(racesRun.size(), racesRun, roundOfRace, championship.tieBreaks());
        }
        return drivers;
    }

    /** Constructors' standings after each race run; empty tables when there is no constructors' championship. */
    List<Standings> constructorsAfterEveryRace() {
        if (constructors == null) {
            constructors = championship.scoring().constructors()
                    .map(rules -> constructorTable(rules).pass(racesRun.size(), racesRun, roundOfRace, championship.tieBreaks()))
                    .orElse(racesRun.stream().map(r -> new Standings(Optional.of(r), List.of())).toList());
        }
        return constructors;
    }

    /**
     * What each constructor scored in each race run that still counts (a constructor that started again from zero keeps
     * only what it scored since), before best-N results, deductions and exclusions.
     */
    List<RaceScores> constructorScores() {
        Optional<ConstructorsRules> rules = championship.scoring().constructors();
        if (rules.isEmpty()) {
            return racesRun.stream().map(r -> new RaceScores(r, Map.of(), List.of())).toList();
        }
        StandingsTable t = constructorTable(rules.get());
        List<RaceScores> out = new ArrayList<>(racesRun.size());
        for (int i = 0; i < racesRun.size(); i++) {
            Map<String, Points> points = new HashMap<>();
            for (int e = 0; e < t.entries(i); e++) {
                int k = t.entrant(i, e);
                // Points scored before a constructor started again from zero no longer count.
                if (i >= t.resetAt[k]) {
                    points.put(t.names.get(k), t.scored(i, e));
                }
            }
            List<RaceScores.CountbackFinish> finishes = new ArrayList<>();
            for (int k = 0; k < t.finishes(i); k++) {
                int[] f = t.finish(i, k);
                finishes.add(new RaceScores.CountbackFinish(t.names.get(f[0]), f[1], f[2] == 1));
            }
            out.add(new RaceScores(racesRun.get(i), points, finishes));
        }
        return out;
    }

    private StandingsTable driverTable() {
        List<Entrant> entrants = championship.entrants();
        StandingsTable t = new StandingsTable(entrants.stream().map(Entrant::name).toList(), rowsPerRace(), championship.scoring().dropRule());
        for (int c = 0; c < entrants.size(); c++) {
            t.carryOver[c] = entrants.get(c).carryOver().points();
            t.carryOverKnown[c] = entrants.get(c).carryOver().isKnown();
        }
        MultiCar multiCar = championship.scoring().multiCar();
        List<Classifier.Scored> classified = classifications();
        for (int i = 0; i < classified.size(); i++) {
            Classifier.Scored race = classified.get(i);
            for (int e = 0; e < race.size(); e++) {
                int c = t.index(race.driver(e));
                int entry = t.enter(i, c);
                Points before = t.scoredAt(entry);
                Points scored = race.points[e];
                t.scoredAt(entry, before == null ? scored
                        : multiCar == MultiCar.SUM ? before.plus(scored) : (before.compareTo(scored) >= 0 ? before : scored));
                if (race.position[e] > 0 && isRace[i]) {
                    // Countback reads the place a finish is paid as: behind an ineligible car whose points pass
                    // down, 6th on the road is 5th. It counts races, not sprints.
                    t.finish(i, c, race.scoringPosition[e] > 0 ? race.scoringPosition[e] : race.position[e], scored.isPositive());
                }
            }
            for (Decision d : decisionsByRace[i]) {
                if (d instanceof Decision.PointsDeduction p) {
                    t.deduct(i, t.index(p.driver()), p.points());
                } else if (d instanceof Decision.ExcludedFromChampionship x) {
                    t.exclude(i, t.index(x.driver()), false);
                }
            }
        }
        return t;
    }

    private StandingsTable constructorTable(ConstructorsRules rules) {
        List<Classifier.Scored> classified = classifications();
        // The constructors in order of appearance, and each row's constructor as its index (-1 for a row without one).
        List<String> names = new ArrayList<>();
        NameIndex seen = new NameIndex(16);
        int[][] constructorOf = new int[classified.size()][];
        for (int i = 0; i < classified.size(); i++) {
            Classifier.Scored race = classified.get(i);
            int[] of = new int[race.size()];
            for (int e = 0; e < race.size(); e++) {
                Optional<String> team = race.published(e).team();
                if (team.isEmpty()) {
                    of[e] = -1;
                    continue;
                }
                int k = seen.putIfAbsent(team.get(), names.size());
                if (k == names.size()) {
                    names.add(team.get());
                }
                of[e] = k;
            }
            constructorOf[i] = of;
        }
        StandingsTable t = new StandingsTable(List.copyOf(names), rowsPerRace(), rules.dropRule());
        Set<String> excludedRaces = new HashSet<>();
        for (String x : rules.excludedRaces()) {
            excludedRaces.add(Slug.of(x));
        }
        Arrays.fill(t.present, false);
        for (int i = 0; i < classified.size(); i++) {
            scoreConstructors(i, racesRun.get(i), classified.get(i), constructorOf[i], rules, excludedRaces, t);
            for (Decision d : decisionsByRace[i]) {
                switch (d) {
                    case Decision.ConstructorPointsDeduction p -> t.deduct(i, t.index(p.constructor()), p.points());
                    case Decision.ConstructorExcluded x -> t.exclude(i, t.index(x.constructor()), x.zeroPoints());
                    case Decision.ConstructorReset r -> t.resetFrom(i, t.index(r.constructor()));
                    default -> {
                    }
                }
            }
        }
        return t;
    }

    /**
     * @param constructorOf each row's constructor, -1 for none
     * @param excludedRaces the slugs of the races that count for drivers only
     */
    private void scoreConstructors(int i, Race race, Classifier.Scored c, int[] constructorOf, ConstructorsRules rules,
                                   Set<String> excludedRaces, StandingsTable t) {
        boolean counts = (isRace[i] || rules.sprints()) && (excludedRaces.isEmpty() || !excludedRaces.contains(race.slug()));
        if (!counts) {
            return;
        }
        Set<String> voided = Set.of();
        for (Decision d : decisionsByRace[i]) {
            if (d instanceof Decision.ConstructorRaceVoid v) {
                if (voided.isEmpty()) {
                    voided = new HashSet<>();
                }
                voided.add(v.constructor());
            }
        }
        boolean[] scoredBestCar = rules.bestCarOnly() ? new boolean[t.names.size()] : null;
        var table = isRace[i] ? rules.points() : race.rules().points();
        int paidPlaces = table.byPosition().size();
        Points multiplier = race.rules().multiplier();
        for (int e = 0; e < c.size(); e++) {
            int k = constructorOf[e];
            if (k < 0 || c.sharesCarWithPrevious(e)) {
                continue; // the second driver of a shared car: the car scores once
            }
            t.present[k] = true;
            int entry = t.enter(i, k);
            if (t.scoredAt(entry) == null) {
                t.scoredAt(entry, Points.ZERO);
            }
            int place = c.scoringPosition[e];
            if (c.position[e] > 0 && isRace[i]) {
                // A finish counts back for the constructor when it scored drivers' points, whichever car scored.
                t.finish(i, k, place > 0 ? place : c.position[e], c.points[e].isPositive());
            }
            if (place == 0 || !voided.isEmpty() && voided.contains(t.names.get(k)) || (c.carDrivers[e] > 1 && !rules.sharedCars())) {
                continue;
            }
            if (scoredBestCar != null) {
                if (scoredBestCar[k]) {
                    continue;
                }
                scoredBestCar[k] = true;
            }
            Points p = place <= paidPlaces ? table.forPosition(place).times(multiplier) : Points.ZERO;
            if (rules.fastestLap()) {
                p = p.plus(c.bonus[e]);
            }
            if (!p.isZero()) {
                t.scoredAt(entry, t.scoredAt(entry).plus(p));
            }
        }
    }
}
