package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.rules.GridRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets a race's grid as its regulations say, then applies the stewards' grid drops in the order they
 * were given. Entrants who have no place from the rule (they did not take part in the race the grid
 * comes from) start behind the rest, in entry-list order.
 */
public final class Grids {

    private Grids() {
    }

    public static Grid of(Championship championship, Race race) {
        List<String> order = switch (race.rules().grid()) {
            case GridRule.Qualifying q -> {
                if (q.order().isEmpty()) {
                    throw new GridUnavailableException("the grid of " + race.name()
                            + " is set by qualifying, and no qualifying order is given for it");
                }
                yield new ArrayList<>(q.order());
            }
            case GridRule.FinishingOrderOf f -> finishingOrder(championship, f.race());
            case GridRule.ReversedTopOf r -> {
                List<String> finish = finishingOrder(championship, r.race());
                int n = Math.min(r.n(), finish.size());
                List<String> reversed = new ArrayList<>(finish.subList(0, n).reversed());
                reversed.addAll(finish.subList(n, finish.size()));
                yield reversed;
            }
        };
        for (Entrant e : championship.entrants()) {
            if (!order.contains(e.name())) {
                order.add(e.name());
            }
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (Decision d : championship.decisionsFor(race)) {
            if (d instanceof Decision.GridDrop drop) {
                int from = order.indexOf(drop.driver());
                order.remove(from);
                order.add(Math.min(from + drop.places(), order.size()), drop.driver());
                notes.merge(drop.driver(), drop.summary() + ": " + drop.reason(), (a, b) -> a + "; " + b);
            }
        }
        List<Grid.Slot> slots = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            slots.add(new Grid.Slot(i + 1, order.get(i), notes.getOrDefault(order.get(i), "")));
        }
        return new Grid(race, slots);
    }

    private static List<String> finishingOrder(Championship championship, String raceName) {
        Race source = championship.requireRace(raceName);
        if (championship.resultOf(source).isEmpty()) {
            throw new GridUnavailableException("the grid comes from the result of " + source.name() + ", which has not been run yet");
        }
        Classification classification = Classifier.classify(championship, source);
        return new ArrayList<>(classification.entries().stream().map(ClassifiedEntry::driver).toList());
    }
}
