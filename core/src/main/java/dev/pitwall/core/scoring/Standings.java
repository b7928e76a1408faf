package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;

import java.util.List;
import java.util.Optional;

/** A championship table after a race (or before any race, carry-over only): drivers' or constructors'. */
public record Standings(Optional<Race> after, List<StandingsRow> rows) {

    public Standings {
        // A table the standings pass made is immutable already: its rows are made as they are read.
        rows = rows instanceof TableRows ? rows : List.copyOf(rows);
    }

    public Optional<StandingsRow> rowOf(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Drivers' standings after the latest race that has results. */
    public static Standings latest(Championship championship) {
        List<Race> run = championship.racesRun();
        return StandingsCalculator.of(championship).drivers(run.isEmpty() ? Optional.empty() : Optional.of(run.getLast()));
    }

    /** Drivers' standings after the given race, which must have results. */
    public static Standings after(Championship championship, Race race) {
        return StandingsCalculator.of(championship).drivers(Optional.of(race));
    }

    /** Constructors' standings after the given race; empty when the championship has no constructors' table. */
    public static Standings constructorsAfter(Championship championship, Race race) {
        return StandingsCalculator.of(championship).constructors(Optional.of(race));
    }

    /**
     * What each constructor scored in each race run so far, before best-N results and championship decisions, with the
     * finishes its countback reads; empty maps when the championship has no constructors' table.
     */
    public static List<RaceScores> constructorScores(Championship championship) {
        return StandingsCalculator.of(championship).constructorScores();
    }

    /** Drivers' standings after every race run so far, in running order. */
    public static List<Standings> progression(Championship championship) {
        return StandingsCalculator.of(championship).driversAfterEveryRace();
    }

    /** Drivers' and constructors' standings after each race run, computed in one pass over the season. */
    public static List<Pair> everyRace(Championship championship) {
        StandingsCalculator calculator = StandingsCalculator.of(championship);
        List<Standings> drivers = calculator.driversAfterEveryRace();
        List<Standings> constructors = calculator.constructorsAfterEveryRace();
        List<Pair> pairs = new java.util.ArrayList<>(drivers.size());
        for (int i = 0; i < drivers.size(); i++) {
            pairs.add(new Pair(drivers.get(i), constructors.get(i)));
        }
        return pairs;
    }

    /** The drivers' and constructors' tables after one race. */
    public record Pair(Standings drivers, Standings constructors) {
    }
}
