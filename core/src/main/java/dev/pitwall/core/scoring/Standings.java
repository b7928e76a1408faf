package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;

import java.util.List;
import java.util.Optional;

/** The championship table after a race (or before any race, carry-over only). */
public record Standings(Optional<Race> after, List<StandingsRow> rows) {

    public Standings {
        rows = List.copyOf(rows);
    }

    public Optional<StandingsRow> rowOf(String driver) {
        return rows.stream().filter(r -> r.driver().equals(driver)).findFirst();
    }

    /** Standings after the latest race that has results. */
    public static Standings latest(Championship championship) {
        List<Race> run = championship.racesRun();
        return StandingsCalculator.of(championship).after(run.isEmpty() ? Optional.empty() : Optional.of(run.getLast()));
    }

    /** Standings after the given race, which must have results. */
    public static Standings after(Championship championship, Race race) {
        return StandingsCalculator.of(championship).after(Optional.of(race));
    }

    /** Standings after every race run so far, in running order. */
    public static List<Standings> progression(Championship championship) {
        StandingsCalculator calculator = StandingsCalculator.of(championship);
        return championship.racesRun().stream().map(r -> calculator.after(Optional.of(r))).toList();
    }
}
