package dev.pitwall.core.model;

import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A championship as facts: its rounds and races with their regulations, the entry list, the tie-break
 * chain, the published results of the races run so far and the stewards' decisions. Everything else
 * (classifications, points, grids, standings) is computed from these.
 */
public record Championship(
        String name,
        List<Round> rounds,
        List<Entrant> entrants,
        Scoring scoring,
        Map<String, RaceResult> results,
        List<Decision> decisions) {

    public Championship {
        Objects.requireNonNull(name, "name");
        rounds = List.copyOf(rounds);
        entrants = List.copyOf(entrants);
        Objects.requireNonNull(scoring, "scoring");
        results = Map.copyOf(results);
        decisions = List.copyOf(decisions);
        validate(rounds, entrants, results, decisions);
    }

    public List<TieBreak> tieBreaks() {
        return scoring.tieBreaks();
    }

    /** The round a race belongs to, counted from 1. */
    public int roundOf(Race race) {
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).races().contains(race)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(race.name() + " is not a race of " + name);
    }

    /** Every race in running order. */
    public List<Race> races() {
        return rounds.stream().flatMap(r -> r.races().stream()).toList();
    }

    /** A race by its name or slug, ignoring case: {@code Grand Final}, {@code grand final}, {@code grand-final}. */
    public Optional<Race> race(String nameOrSlug) {
        String slug = Slug.of(nameOrSlug);
        return races().stream().filter(r -> r.slug().equals(slug)).findFirst();
    }

    /** The race, or an exception naming the races there are. */
    public Race requireRace(String nameOrSlug) {
        return race(nameOrSlug).orElseThrow(() -> new UnknownNameException(
                "no race named \"" + nameOrSlug + "\" in " + name + "; races are: "
                        + String.join(", ", races().stream().map(Race::name).toList())));
    }


    /** An entrant by exact name, by name ignoring case and accents, or by online ID. */
    public Optional<Entrant> entrant(String nameOrOnlineId) {
        return new EntryList(entrants).find(nameOrOnlineId);
    }

    public Entrant requireEntrant(String nameOrOnlineId) {
        return entrant(nameOrOnlineId).orElseThrow(() -> new UnknownNameException(
                "no driver named \"" + nameOrOnlineId + "\" in the entry list of " + name));
    }

    public Optional<RaceResult> resultOf(Race race) {
        return Optional.ofNullable(results.get(race.name()));
    }

    /** The races that have results, in running order. */
    public List<Race> racesRun() {
        return races().stream().filter(r -> results.containsKey(r.name())).toList();
    }


    public List<Decision> decisionsFor(Race race) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        return decisions.stream().filter(d -> d.race().equals(race.name())).toList();
    }

    public Championship withResult(RaceResult result) {
        var copy = new LinkedHashMap<>(results);
        copy.put(result.race(), result);
        return new Championship(name, rounds, entrants, scoring, copy, decisions);
    }

    public Championship withDecision(Decision decision) {
        var copy = new ArrayList<>(decisions);
        copy.add(decision);
        return new Championship(name, rounds, entrants, scoring, results, copy);
    }


    private static void validate(List<Round> rounds, List<Entrant> entrants, Map<String, RaceResult> results, List<Decision> decisions) {
        var raceIndex = new HashMap<String, Integer>();
        var slugs = new HashMap<String, String>();
        int i = 0;
        for (Round round : rounds) {
            for (Race race : round.races()) {
                String clash = slugs.put(race.slug(), race.name());
                if (clash != null) {
                    throw new IllegalArgumentException("two races are called \"" + race.name() + "\"");
                }
                switch (race.rules().grid()) {
                    case GridRule.Qualifying q -> q.order().forEach(d -> requireEntrant(entrants, d, race.name() + " qualifying"));
                    case GridRule.FinishingOrderOf f -> requireEarlier(raceIndex, f.race(), race.name());
                    case GridRule.ReversedTopOf r -> requireEarlier(raceIndex, r.race(), race.name());
                }
                raceIndex.put(race.name(), i++);
            }
        }
        var names = new HashMap<String, Entrant>();
        for (Entrant e : entrants) {
            if (names.put(e.name(), e) != null) {
                throw new IllegalArgumentException("the entry list names " + e.name() + " twice");
            }
        }
        for (var entry : results.entrySet()) {
            if (!raceIndex.containsKey(entry.getKey()) || !entry.getKey().equals(entry.getValue().race())) {
                throw new IllegalArgumentException("results for \"" + entry.getKey() + "\", which is not a race of the championship");
            }
            entry.getValue().rows().forEach(row -> requireEntrant(entrants, row.driver(), entry.getKey()));
        }
        for (Decision d : decisions) {
            if (!raceIndex.containsKey(d.race())) {
                throw new IllegalArgumentException("a decision about \"" + d.race() + "\", which is not a race of the championship");
            }
            switch (d) {
                case Decision.AboutDriver about -> requireEntrant(entrants, about.driver(), d.race());
                case Decision.FastestLapAwarded f -> f.drivers().forEach(driver -> requireEntrant(entrants, driver, d.race()));
                case Decision.AboutConstructor about -> { }
                case Decision.PositionVacated v -> { }
            }
        }
    }

    private static void requireEarlier(Map<String, Integer> earlier, String source, String race) {
        if (!earlier.containsKey(source)) {
            throw new IllegalArgumentException("the grid of " + race + " comes from \"" + source
                    + "\", which is not a race run before it");
        }
    }

    private static void requireEntrant(List<Entrant> entrants, String driver, String where) {
        if (entrants.stream().noneMatch(e -> e.name().equals(driver))) {
            throw new IllegalArgumentException(where + ": " + driver + " is not in the entry list");
        }
    }
}
