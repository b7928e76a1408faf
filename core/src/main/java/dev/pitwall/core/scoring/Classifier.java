package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.RaceRules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Applies the stewards' decisions to a race's published results and awards points as the race's
 * regulations say:
 * <ol>
 *   <li>a disqualified driver leaves the classification and everyone behind moves up;</li>
 *   <li>time penalties are added to race times and drivers on the same lap are re-sorted by time;</li>
 *   <li>position drops move a driver down the classified order;</li>
 *   <li>positions are numbered and paid from the points table, times the race's multiplier.</li>
 * </ol>
 * Classified are drivers who took the flag (on the lead lap or laps down) and retired drivers who covered
 * the minimum distance. Then come the unclassified, the non-starters and the disqualified.
 */
public final class Classifier {

    private Classifier() {
    }

    public static Classification classify(Race race, RaceResult result, List<Decision> decisions) {
        RaceRules rules = race.rules();
        List<Decision> ours = decisions.stream().filter(d -> d.race().equals(race.name())).toList();
        boolean timed = result.rows().stream()
                .filter(r -> r.finish() instanceof Finish.Finished)
                .allMatch(r -> ((Finish.Finished) r.finish()).elapsed().isPresent());

        List<Runner> runners = result.rows().stream().map(row -> Runner.of(row, ours, rules)).toList();
        // Without a time for every lead-lap finisher, the published order stands between them.
        Comparator<Runner> byTime = timed ? Comparator.comparing(Runner::elapsedOrMax) : (a, b) -> 0;
        List<Runner> order = new ArrayList<>(runners);
        order.sort(Comparator.comparingInt(Runner::group)
                .thenComparing(Comparator.comparingInt(Runner::lapsCompleted).reversed())
                .thenComparing(byTime)
                .thenComparingInt(r -> r.row.publishedPosition()));

        int classified = (int) order.stream().filter(Runner::classified).count();
        for (Decision d : ours) {
            if (d instanceof Decision.PositionDrop drop) {
                int from = indexOf(order, drop.driver());
                if (from >= 0 && from < classified) {
                    Runner moved = order.remove(from);
                    order.add(Math.min(from + drop.places(), classified - 1), moved);
                }
            }
        }

        Optional<Duration> winnerTime = order.isEmpty() || !order.getFirst().classified()
                ? Optional.empty() : order.getFirst().elapsed();
        List<ClassifiedEntry> entries = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Runner r = order.get(i);
            OptionalInt position = i < classified ? OptionalInt.of(i + 1) : OptionalInt.empty();
            Points points = position.isPresent() ? rules.pointsFor(position.getAsInt()) : Points.ZERO;
            Optional<Duration> gap = i == 0 || !(r.finish instanceof Finish.Finished) ? Optional.empty()
                    : winnerTime.flatMap(w -> r.elapsed().map(e -> e.minus(w)));
            entries.add(new ClassifiedEntry(position, r.row.driver(), r.finish, r.elapsed(), gap, points, r.decisions, r.row));
        }
        return new Classification(race, entries);
    }

    private static int indexOf(List<Runner> order, String driver) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).row.driver().equals(driver)) {
                return i;
            }
        }
        return -1;
    }

    /** A row with the decisions about its driver applied. */
    private record Runner(ResultRow row, Finish finish, List<Decision> decisions, Duration penaltyTime, RaceRules rules) {

        static Runner of(ResultRow row, List<Decision> decisions, RaceRules rules) {
            List<Decision> mine = decisions.stream().filter(d -> d.driver().equals(row.driver())).toList();
            Finish finish = mine.stream()
                    .filter(d -> d instanceof Decision.Disqualification)
                    .<Finish>map(d -> new Finish.Disqualified(d.reason()))
                    .findFirst().orElse(row.finish());
            Duration penalty = mine.stream()
                    .filter(d -> d instanceof Decision.TimePenalty)
                    .map(d -> ((Decision.TimePenalty) d).time())
                    .reduce(Duration.ZERO, Duration::plus);
            return new Runner(row, finish, mine, penalty, rules);
        }

        Optional<Duration> elapsed() {
            return finish instanceof Finish.Finished f ? f.elapsed().map(e -> e.plus(penaltyTime)) : Optional.empty();
        }

        Duration elapsedOrMax() {
            return elapsed().orElse(Duration.ofSeconds(Long.MAX_VALUE));
        }

        /** Laps completed, counted down from the race distance when the distance is not known. */
        int lapsCompleted() {
            int distance = rules.laps().orElse(Integer.MAX_VALUE / 2);
            return switch (finish) {
                case Finish.Finished f -> distance;
                case Finish.LapsDown l -> distance - l.laps();
                case Finish.Retired r -> r.lapsCompleted().orElse(0);
                case Finish.NotClassified n -> 0;
                case Finish.DidNotStart d -> 0;
                case Finish.Disqualified d -> 0;
            };
        }

        boolean classified() {
            return switch (finish) {
                case Finish.Finished f -> true;
                case Finish.LapsDown l -> true;
                case Finish.Retired r -> rules.laps().isPresent() && r.lapsCompleted().isPresent()
                        && Points.of(r.lapsCompleted().get()).compareTo(rules.minimumDistance().times(Points.of(rules.laps().getAsInt()))) >= 0;
                case Finish.NotClassified n -> false;
                case Finish.DidNotStart d -> false;
                case Finish.Disqualified d -> false;
            };
        }

        /** Classified first, then unclassified runners, non-starters, the disqualified. */
        int group() {
            if (classified()) {
                return 0;
            }
            return switch (finish) {
                case Finish.DidNotStart d -> 2;
                case Finish.Disqualified d -> 3;
                default -> 1;
            };
        }
    }
}
