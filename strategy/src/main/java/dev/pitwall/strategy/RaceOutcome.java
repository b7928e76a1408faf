package dev.pitwall.strategy;

import java.util.List;
import java.util.Map;

/**
 * What a simulated race gives: the classification (by laps completed, then by who completed them first, running or
 * retired, as the sporting code classifies) and
 * every car's race time at the end of each lap it completed, for the race history.
 */
public record RaceOutcome(List<Finisher> classification, Map<String, double[]> raceTimeByLap) {

    public RaceOutcome {
        classification = List.copyOf(classification);
        raceTimeByLap = Map.copyOf(raceTimeByLap);
    }

    /** One line of the classification; {@code retired} with the reason (an event, out of fuel). */
    public record Finisher(int position, String driver, int laps, double raceTime, boolean retired, String reason) {
    }

    public List<String> order() {
        return classification.stream().map(Finisher::driver).toList();
    }

    public Finisher of(String driver) {
        return classification.stream().filter(f -> f.driver().equals(driver)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no driver " + driver + " in the race"));
    }
}
