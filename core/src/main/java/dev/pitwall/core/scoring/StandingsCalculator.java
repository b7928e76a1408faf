package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes standings from a championship's facts. Each race run is classified once; the standings after
 * any race then sum the classifications up to it.
 */
final class StandingsCalculator {

    private static final int UNPLACED = Integer.MAX_VALUE;

    private final Championship championship;
    private final List<Race> racesRun;
    private final List<Classification> classifications;

    private StandingsCalculator(Championship championship) {
        this.championship = championship;
        this.racesRun = championship.racesRun();
        this.classifications = racesRun.stream()
                .map(race -> Classifier.classify(race, championship.resultOf(race).orElseThrow(), championship.decisionsFor(race)))
                .toList();
    }

    static StandingsCalculator of(Championship championship) {
        return new StandingsCalculator(championship);
    }

    Standings after(Optional<Race> after) {
        int counted = after.map(race -> {
            int i = racesRun.indexOf(race);
            if (i < 0) {
                throw new IllegalStateException(race.name() + " has no results yet");
            }
            return i + 1;
        }).orElse(0);
        List<Classification> races = classifications.subList(0, counted);
        List<String> raceNames = racesRun.subList(0, counted).stream().map(Race::name).toList();

        List<Tally> tallies = new ArrayList<>();
        for (Entrant entrant : championship.entrants()) {
            Points deductions = championship.decisions().stream()
                    .filter(d -> d instanceof Decision.PointsDeduction && d.driver().equals(entrant.name())
                            && raceNames.contains(d.race()))
                    .map(d -> ((Decision.PointsDeduction) d).points())
                    .reduce(Points.ZERO, Points::plus);
            Points racePoints = Points.ZERO;
            int[] finishes = new int[races.size()];
            for (int i = 0; i < races.size(); i++) {
                var entry = races.get(i).entryOf(entrant.name());
                finishes[i] = entry.flatMap(e -> e.position().isPresent() ? Optional.of(e.position().getAsInt()) : Optional.empty())
                        .orElse(UNPLACED);
                racePoints = racePoints.plus(entry.map(ClassifiedEntry::points).orElse(Points.ZERO));
            }
            Points carryOver = entrant.carryOver().points();
            tallies.add(new Tally(entrant, carryOver.plus(racePoints).minus(deductions), carryOver, deductions, finishes));
        }

        Comparator<Tally> ranking = Comparator.comparing(Tally::points).reversed();
        for (TieBreak tieBreak : championship.tieBreaks()) {
            ranking = ranking.thenComparing(comparator(tieBreak));
        }
        Comparator<Tally> ranked = ranking;
        tallies.sort(ranked.thenComparing(t -> t.entrant().name()));

        List<StandingsRow> rows = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            Tally t = tallies.get(i);
            int position = i > 0 && ranked.compare(tallies.get(i - 1), t) == 0 ? rows.get(i - 1).position() : i + 1;
            rows.add(new StandingsRow(position, t.entrant(), t.points(), t.carryOver(), t.deductions(), t.count(1)));
        }
        return new Standings(after, rows);
    }

    private static Comparator<Tally> comparator(TieBreak tieBreak) {
        return switch (tieBreak) {
            case TieBreak.LatestRaceFinish l -> (a, b) -> {
                for (int i = a.finishes().length - 1; i >= 0; i--) {
                    int c = Integer.compare(a.finishes()[i], b.finishes()[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            case TieBreak.Countback c -> (a, b) -> {
                Map<Integer, Long> ca = a.countsByPosition();
                Map<Integer, Long> cb = b.countsByPosition();
                int deepest = Math.max(ca.keySet().stream().mapToInt(x -> x).max().orElse(0),
                        cb.keySet().stream().mapToInt(x -> x).max().orElse(0));
                for (int p = 1; p <= deepest; p++) {
                    int cmp = Long.compare(cb.getOrDefault(p, 0L), ca.getOrDefault(p, 0L));
                    if (cmp != 0) {
                        return cmp;
                    }
                }
                return 0;
            };
        };
    }

    /** A driver's running total and finishing positions, one per race counted. */
    private record Tally(Entrant entrant, Points points, Points carryOver, Points deductions, int[] finishes) {

        int count(int position) {
            int n = 0;
            for (int f : finishes) {
                if (f == position) {
                    n++;
                }
            }
            return n;
        }

        Map<Integer, Long> countsByPosition() {
            return java.util.Arrays.stream(finishes).filter(f -> f != UNPLACED).boxed()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }
}
