package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Ordinal;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every published number against the regulations: the points printed beside each row, and the
 * position printed against the position the times and the stewards' decisions give.
 */
public final class Audit {

    private Audit() {
    }

    public static List<Disagreement> of(Championship championship) {
        List<Disagreement> found = new ArrayList<>();
        for (Race race : championship.racesRun()) {
            Classification c = Classifier.classify(championship, race);
            List<ClassifiedEntry> byPublished = c.entries().stream()
                    .sorted(java.util.Comparator.comparingInt(e -> e.published().publishedPosition()))
                    .toList();
            for (ClassifiedEntry e : byPublished) {
                int printed = e.published().publishedPosition();
                if (e.position().isPresent() && e.position().getAsInt() != printed) {
                    found.add(new Disagreement(race.name(), printed, e.driver(), "position", Points.of(printed),
                            Points.of(e.position().getAsInt()),
                            "the times and decisions place " + e.driver() + " " + Ordinal.of(e.position().getAsInt())));
                }
                e.published().publishedPoints().ifPresent(published -> {
                    if (published.compareTo(e.points()) != 0) {
                        found.add(new Disagreement(race.name(), printed, e.driver(), "points", published, e.points(),
                                pointsExplanation(race, e)));
                    }
                });
            }
        }
        return found;
    }

    private static String pointsExplanation(Race race, ClassifiedEntry e) {
        if (e.position().isEmpty()) {
            return e.driver() + " is not classified (" + e.finish().status() + ") and scores nothing";
        }
        int p = e.position().getAsInt();
        Points base = race.rules().points().forPosition(p);
        Points multiplier = race.rules().multiplier();
        return Ordinal.of(p) + " pays " + base + (multiplier.equals(Points.ONE) ? "" : " x " + multiplier + " = " + e.points());
    }

}
