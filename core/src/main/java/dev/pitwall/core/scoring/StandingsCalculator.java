package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Computes drivers' and constructors' standings from a championship's facts. Each race run is classified
 * and scored once; the standings after any race then add up the rounds up to it, keeping only the best
 * results where a drop rule says so.
 */
final class StandingsCalculator {

    private final Championship championship;
    private final List<Race> racesRun;
    private final int[] roundOfRace;
    private final List<RaceScore> drivers = new ArrayList<>();
    private final List<RaceScore> constructors = new ArrayList<>();

    /** What one race gave each competitor: points, and classified finishes (position, whether it scored). */
    private record RaceScore(Map<String, Points> points, Map<String, List<int[]>> finishes) {
    }

    private StandingsCalculator(Championship championship) {
        this.championship = championship;
        this.racesRun = championship.racesRun();
        this.roundOfRace = racesRun.stream().mapToInt(championship::roundOf).toArray();
        var scoring = championship.scoring();
        for (Race race : racesRun) {
            Classification c = Classifier.classify(championship, race);
            drivers.add(driverScore(c, scoring.multiCar()));
            constructors.add(scoring.constructors().map(rules -> constructorScore(race, c, rules))
                    .orElse(new RaceScore(Map.of(), Map.of())));
        }
    }

    static StandingsCalculator of(Championship championship) {
        return new StandingsCalculator(championship);
    }

    Standings drivers(Optional<Race> after) {
        int counted = counted(after);
        List<Tally> tallies = new ArrayList<>();
        for (Entrant entrant : championship.entrants()) {
            String name = entrant.name();
            Points deductions = Points.ZERO;
            boolean excluded = false;
            for (Decision d : decisionsUpTo(counted)) {
                if (d instanceof Decision.PointsDeduction p && p.driver().equals(name)) {
                    deductions = deductions.plus(p.points());
                } else if (d instanceof Decision.ExcludedFromChampionship e && e.driver().equals(name)) {
                    excluded = true;
                }
            }
            tallies.add(tally(name, drivers, counted, championship.scoring().dropRule(), entrant.carryOver().points(), deductions,
                    excluded, false, -1, entrant.carryOver().isKnown()));
        }
        return rank(after, tallies, championship.tieBreaks());
    }

    Standings constructors(Optional<Race> after) {
        int counted = counted(after);
        Optional<ConstructorsRules> rules = championship.scoring().constructors();
        if (rules.isEmpty()) {
            return new Standings(after, List.of());
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < counted; i++) {
            names.addAll(constructors.get(i).points().keySet());
            names.addAll(constructors.get(i).finishes().keySet());
        }
        List<Tally> tallies = new ArrayList<>();
        for (String name : names) {
            Points deductions = Points.ZERO;
            boolean excluded = false;
            boolean zeroed = false;
            int resetBefore = -1;
            for (Decision d : decisionsUpTo(counted)) {
                switch (d) {
                    case Decision.ConstructorPointsDeduction p when p.constructor().equals(name) -> deductions = deductions.plus(p.points());
                    case Decision.ConstructorExcluded e when e.constructor().equals(name) -> {
                        excluded = true;
                        zeroed = e.zeroPoints();
                    }
                    case Decision.ConstructorReset r when r.constructor().equals(name) ->
                            resetBefore = racesRun.indexOf(championship.requireRace(r.race()));
                    default -> {
                    }
                }
            }
            tallies.add(tally(name, constructors, counted, rules.get().dropRule(), Points.ZERO, deductions, excluded, zeroed,
                    resetBefore, true));
        }
        return rank(after, tallies, championship.tieBreaks());
    }

    private int counted(Optional<Race> after) {
        return after.map(race -> {
            int i = racesRun.indexOf(race);
            if (i < 0) {
                throw new IllegalStateException(race.name() + " has no results yet");
            }
            return i + 1;
        }).orElse(0);
    }

    private List<Decision> decisionsUpTo(int counted) {
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < counted; i++) {
            names.add(racesRun.get(i).name());
        }
        return championship.decisions().stream().filter(d -> names.contains(d.race())).toList();
    }

    private Tally tally(String name, List<RaceScore> scores, int counted, Optional<DropRule> dropRule, Points carryOver,
                        Points deductions, boolean excluded, boolean zeroed, int resetBefore, boolean carryOverKnown) {
        int rounds = counted == 0 ? 0 : roundOfRace[counted - 1];
        Points[] byRound = new Points[rounds];
        Arrays.fill(byRound, Points.ZERO);
        List<int[]> finishes = new ArrayList<>();
        Points[] cumulative = new Points[counted];
        Points running = Points.ZERO;
        int wins = 0;
        for (int i = 0; i < counted; i++) {
            RaceScore score = scores.get(i);
            Points p = i < resetBefore ? Points.ZERO : score.points().getOrDefault(name, Points.ZERO);
            byRound[roundOfRace[i] - 1] = byRound[roundOfRace[i] - 1].plus(p);
            running = running.plus(p);
            cumulative[i] = running;
            if (racesRun.get(i).rules().session() == SessionType.RACE) {
                // Countback and wins look at races, not sprints.
                for (int[] f : score.finishes().getOrDefault(name, List.of())) {
                    finishes.add(f);
                    wins += f[0] == 1 ? 1 : 0;
                }
            }
        }
        Points counting = dropRule.map(rule -> best(rule, byRound))
                .orElse(Arrays.stream(byRound).reduce(Points.ZERO, Points::plus));
        Points total = zeroed ? Points.ZERO : carryOver.plus(counting).minus(deductions);
        return new Tally(name, total, carryOver, deductions, wins, excluded, finishes, cumulative, carryOverKnown);
    }

    /** The sum of the best results of each segment, and every round no segment covers. */
    private static Points best(DropRule rule, Points[] byRound) {
        Points total = Points.ZERO;
        boolean[] covered = new boolean[byRound.length];
        for (DropRule.Segment segment : rule.segments()) {
            List<Points> inSegment = new ArrayList<>();
            for (int r = 0; r < byRound.length; r++) {
                if (segment.contains(r + 1)) {
                    inSegment.add(byRound[r]);
                    covered[r] = true;
                }
            }
            inSegment.sort(Comparator.reverseOrder());
            for (int k = 0; k < Math.min(segment.best(), inSegment.size()); k++) {
                total = total.plus(inSegment.get(k));
            }
        }
        for (int r = 0; r < byRound.length; r++) {
            if (!covered[r]) {
                total = total.plus(byRound[r]);
            }
        }
        return total;
    }

    private static Standings rank(Optional<Race> after, List<Tally> tallies, List<TieBreak> tieBreaks) {
        Comparator<Tally> ranking = Comparator.comparing(Tally::excluded).thenComparing(Tally::points, Comparator.reverseOrder());
        for (TieBreak tieBreak : tieBreaks) {
            ranking = ranking.thenComparing(comparator(tieBreak));
        }
        Comparator<Tally> ranked = ranking;
        tallies.sort(ranked.thenComparing(Tally::name));
        List<StandingsRow> rows = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            Tally t = tallies.get(i);
            OptionalInt position;
            if (t.excluded()) {
                position = OptionalInt.empty();
            } else if (i > 0 && ranked.compare(tallies.get(i - 1), t) == 0) {
                position = rows.get(i - 1).position();
            } else {
                position = OptionalInt.of(i + 1);
            }
            rows.add(new StandingsRow(position, t.name(), t.points(), t.carryOver(), t.deductions(), t.wins(), t.carryOverKnown()));
        }
        return new Standings(after, rows);
    }

    private static Comparator<Tally> comparator(TieBreak tieBreak) {
        return switch (tieBreak) {
            case TieBreak.LatestRaceFinish l -> (a, b) -> {
                for (int i = a.cumulative().length - 1; i >= 0; i--) {
                    int c = Integer.compare(a.bestFinishIn(i), b.bestFinishIn(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            case TieBreak.Countback c -> (a, b) -> {
                int[] ca = a.countsByPosition(c.scoringFinishesOnly());
                int[] cb = b.countsByPosition(c.scoringFinishesOnly());
                for (int p = 1; p < Math.max(ca.length, cb.length); p++) {
                    int cmp = Integer.compare(p < cb.length ? cb[p] : 0, p < ca.length ? ca[p] : 0);
                    if (cmp != 0) {
                        return cmp;
                    }
                }
                return 0;
            };
            case TieBreak.FirstToReachTotal f -> Comparator.comparingInt(Tally::reachedTotalAt);
        };
    }

    private RaceScore driverScore(Classification c, MultiCar multiCar) {
        Map<String, Points> points = new LinkedHashMap<>();
        Map<String, List<int[]>> finishes = new HashMap<>();
        int race = drivers.size();
        for (ClassifiedEntry e : c.entries()) {
            points.merge(e.driver(), e.points(), multiCar == MultiCar.SUM ? Points::plus : (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (e.position().isPresent()) {
                // Countback reads the place a finish is paid as: behind an ineligible car whose points pass down,
                // 6th on the road is 5th.
                int place = e.scoringPosition().orElse(e.position().getAsInt());
                finishes.computeIfAbsent(e.driver(), k -> new ArrayList<>()).add(new int[] {place, e.points().isPositive() ? 1 : 0, race});
            }
        }
        return new RaceScore(points, finishes);
    }

    private RaceScore constructorScore(Race race, Classification c, ConstructorsRules rules) {
        Map<String, Points> points = new LinkedHashMap<>();
        Map<String, List<int[]>> finishes = new HashMap<>();
        int index = constructors.size();
        boolean counts = (race.rules().session() == SessionType.RACE || rules.sprints())
                && rules.excludedRaces().stream().noneMatch(x -> Slug.of(x).equals(race.slug()));
        if (!counts) {
            return new RaceScore(points, finishes);
        }
        Set<String> voided = new java.util.HashSet<>();
        championship.decisionsFor(race).forEach(d -> {
            if (d instanceof Decision.ConstructorRaceVoid v) {
                voided.add(v.constructor());
            }
        });
        Set<String> scoredBestCar = new java.util.HashSet<>();
        Set<String> seenCars = new java.util.HashSet<>();
        for (ClassifiedEntry e : c.entries()) {
            if (e.team().isEmpty()) {
                continue;
            }
            String team = e.team().get();
            String carKey = team + "\u0000" + e.published().car().orElse(e.driver()) + "\u0000" + e.position();
            if (!seenCars.add(carKey)) {
                continue; // the second driver of a shared car: the car scores once
            }
            points.putIfAbsent(team, Points.ZERO);
            if (e.position().isPresent()) {
                // A finish counts back for the constructor when it scored drivers' points, whichever car scored.
                finishes.computeIfAbsent(team, k -> new ArrayList<>())
                        .add(new int[] {e.scoringPosition().orElse(e.position().getAsInt()), e.points().isPositive() ? 1 : 0, index});
            }
            if (e.scoringPosition().isEmpty() || voided.contains(team) || (e.carDrivers() > 1 && !rules.sharedCars())) {
                continue;
            }
            if (rules.bestCarOnly() && !scoredBestCar.add(team)) {
                continue;
            }
            var table = race.rules().session() == SessionType.RACE ? rules.points() : race.rules().points();
            Points p = table.forPosition(e.scoringPosition().getAsInt()).times(race.rules().multiplier());
            if (rules.fastestLap()) {
                p = p.plus(e.bonus());
            }
            points.merge(team, p, Points::plus);
        }
        return new RaceScore(points, finishes);
    }

    /** A competitor's running total and classified finishes. */
    private record Tally(String name, Points points, Points carryOver, Points deductions, int wins, boolean excluded,
                         List<int[]> finishes, Points[] cumulative, boolean carryOverKnown) {

        int[] countsByPosition(boolean scoringOnly) {
            int deepest = finishes.stream().mapToInt(f -> f[0]).max().orElse(0);
            int[] counts = new int[deepest + 1];
            for (int[] f : finishes) {
                if (!scoringOnly || f[1] == 1) {
                    counts[f[0]]++;
                }
            }
            return counts;
        }

        int bestFinishIn(int race) {
            return finishes.stream().filter(f -> f[2] == race).mapToInt(f -> f[0]).min().orElse(Integer.MAX_VALUE);
        }

        int reachedTotalAt() {
            Points total = cumulative.length == 0 ? Points.ZERO : cumulative[cumulative.length - 1];
            for (int i = 0; i < cumulative.length; i++) {
                if (cumulative[i].compareTo(total) >= 0) {
                    return i;
                }
            }
            return cumulative.length;
        }
    }
}
