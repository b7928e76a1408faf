package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.Listing;
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
    /** Whether the tables list the whole entry list (and every constructor of the season) from the first table on. */
    private final boolean entryList;
    private Map<Race, Integer> indexOfRace;
    private StandingsTable driverTable;
    private StandingsTable constructorTable;
    private List<Standings> drivers;
    private List<Standings> constructors;

    @SuppressWarnings("unchecked")
    private StandingsCalculator(Championship championship) {
        this.championship = championship;
        this.entryList = championship.scoring().listing() == Listing.ENTRY_LIST;
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

    /**
     * Classifies each race run and enters it in the drivers' table and, when the championship has one, the constructors'
     * table: a race's rows are read once, while they are at hand. Decisions are entered after the results, as the tables
     * know every competitor then.
     */
    private void fill() {
        if (driverTable != null) {
            return;
        }
        int[] rows = new int[racesRun.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = resultOfRace[i].rows().size();
        }
        List<Entrant> entrants = championship.entrants();
        StandingsTable drivers = new StandingsTable(rows, championship.scoring().dropRule(), entrants.size());
        for (Entrant e : entrants) {
            drivers.join(e.name(), entryList, e.carryOver().points(), e.carryOver().isKnown());
        }
        Optional<ConstructorsRules> rules = championship.scoring().constructors();
        StandingsTable constructors = rules.map(r -> new StandingsTable(rows, r.dropRule(), 16)).orElse(null);
        Set<String> excludedRaces = new HashSet<>();
        rules.ifPresent(r -> r.excludedRaces().forEach(x -> excludedRaces.add(Slug.of(x))));
        // Each race's classification lives in the workspace until the next race's: it is entered in the tables at once.
        Classifier.Workspace workspace = new Classifier.Workspace();
        for (int i = 0; i < racesRun.size(); i++) {
            Classifier.Scored race = Classifier.score(championship, racesRun.get(i), resultOfRace[i], decisionsByRace[i], workspace);
            enterDrivers(i, race, drivers);
            if (constructors != null) {
                enterConstructors(i, racesRun.get(i), race, rules.get(), excludedRaces, constructors);
            }
        }
        for (int i = 0; i < racesRun.size(); i++) {
            for (Decision d : decisionsByRace[i]) {
                switch (d) {
                    case Decision.PointsDeduction p -> drivers.deduct(i, drivers.index(p.driver()), p.points());
                    case Decision.ExcludedFromChampionship x -> drivers.exclude(i, drivers.index(x.driver()), false);
                    case Decision.ConstructorPointsDeduction p when constructors != null ->
                            constructors.deduct(i, constructors.index(p.constructor()), p.points());
                    case Decision.ConstructorExcluded x when constructors != null ->
                            constructors.exclude(i, constructors.index(x.constructor()), x.zeroPoints());
                    case Decision.ConstructorReset r when constructors != null ->
                            constructors.resetFrom(i, constructors.index(r.constructor()));
                    default -> {
                    }
                }
            }
        }
        this.constructorTable = constructors;
        this.driverTable = drivers;
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
                    .map(rules -> constructorTable().pass(racesRun.size(), racesRun, roundOfRace, championship.tieBreaks()))
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
        StandingsTable t = constructorTable();
        List<RaceScores> out = new ArrayList<>(racesRun.size());
        for (int i = 0; i < racesRun.size(); i++) {
            Map<String, Points> points = new HashMap<>();
            for (int e = 0; e < t.entries(i); e++) {
                int k = t.entrant(i, e);
                // Points scored before a constructor started again from zero no longer count.
                if (i >= t.resetAt(k)) {
                    points.put(t.name(k), t.scored(i, e));
                }
            }
            List<RaceScores.CountbackFinish> finishes = new ArrayList<>();
            for (int k = 0; k < t.finishes(i); k++) {
                int[] f = t.finish(i, k);
                finishes.add(new RaceScores.CountbackFinish(t.name(f[0]), f[1], f[2] == 1));
            }
            out.add(new RaceScores(racesRun.get(i), points, finishes));
        }
        return out;
    }

    private StandingsTable driverTable() {
        fill();
        return driverTable;
    }

    /** The constructors' table; only for a championship that has one. */
    private StandingsTable constructorTable() {
        fill();
        return constructorTable;
    }

    /** A race's rows into the drivers' table: what each driver scored, and the finishes its countback reads. */
    private void enterDrivers(int i, Classifier.Scored race, StandingsTable t) {
        MultiCar multiCar = championship.scoring().multiCar();
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
    }

    /**
     * A race's rows into the constructors' table, each constructor joining it when the results first name it.
     *
     * @param excludedRaces the slugs of the races that count for drivers only
     */
    private void enterConstructors(int i, Race race, Classifier.Scored c, ConstructorsRules rules, Set<String> excludedRaces,
                                   StandingsTable t) {
        boolean counts = (isRace[i] || rules.sprints()) && (excludedRaces.isEmpty() || !excludedRaces.contains(race.slug()));
        if (!counts) {
            // Its constructors are in the table, for the decisions about them, but not listed for a race that does not count.
            for (int e = 0; e < c.size(); e++) {
                c.published(e).team().ifPresent(t::join);
            }
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
        // Whether each entry of the race has scored with its best car: by entry, as constructors join during the race.
        boolean[] scoredBestCar = rules.bestCarOnly() ? new boolean[c.size()] : null;
        int firstEntry = t.firstEntry(i);
        var table = isRace[i] ? rules.points() : race.rules().points();
        int paidPlaces = table.byPosition().size();
        Points multiplier = race.rules().multiplier();
        for (int e = 0; e < c.size(); e++) {
            Optional<String> team = c.published(e).team();
            if (team.isEmpty() || c.sharesCarWithPrevious(e)) {
                continue; // the second driver of a shared car: the car scores once
            }
            int k = t.join(team.get());
            if (entryList) {
                t.list(k); // the season's constructors, as an entry list: from the first table on
            }
            int entry = t.enter(i, k);
            if (t.scoredAt(entry) == null) {
                t.scoredAt(entry, Points.ZERO);
            }
            int place = c.scoringPosition[e];
            if (c.position[e] > 0 && isRace[i]) {
                // A finish counts back for the constructor when it scored drivers' points, whichever car scored.
                t.finish(i, k, place > 0 ? place : c.position[e], c.points[e].isPositive());
            }
            if (place == 0 || !voided.isEmpty() && voided.contains(team.get()) || (c.carDrivers[e] > 1 && !rules.sharedCars())) {
                continue;
            }
            if (scoredBestCar != null) {
                if (scoredBestCar[entry - firstEntry]) {
                    continue;
                }
                scoredBestCar[entry - firstEntry] = true;
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
