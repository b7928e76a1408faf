package dev.pitwall.io;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.EntryList;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TyreRule;
import dev.pitwall.io.f1db.F1dbRace;
import dev.pitwall.io.f1db.F1dbResult;
import dev.pitwall.io.f1db.F1dbSeason;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A season whose calendar and results come from F1DB and whose regulations come from a season file written by
 * hand ({@code examples/f1/1961.yaml}), which may extend an era's file:
 * <pre>
 * championship: Formula 1 World Championship 1975
 * extends: eras/1975.yaml
 * race-rules:
 *   spain: {multiplier: 0.5, fastest-lap: none, note: "stopped after 29 of 75 laps: half points"}
 * decisions:
 *   - race: germany
 *     driver: jackie-oliver
 *     ineligible: true
 *     points-pass-down: true
 *     reason: Formula 2 car
 * </pre>
 * Races are named by F1DB's Grand Prix id ({@code great-britain}); a sprint is {@code great-britain sprint}.
 */
public final class F1Seasons {

    private static final Set<String> SEASON_KEYS = RegulationsReader.union(ScoringReader.KEYS, Set.of("championship", "extends", "race-rules",
            "decisions", "notes", "sources"));
    private static final Set<String> RACE_RULE_KEYS = Set.of("multiplier", "fastest-lap", "points", "note");

    private F1Seasons() {
    }

    /** The season file for a year in a directory of season files: {@code <dir>/<year>.yaml}. */
    public static Path seasonFile(Path rulesDir, int year) {
        return rulesDir.resolve(year + ".yaml");
    }

    /** The championship of an F1DB season under the regulations in {@code seasonFile}. */
    public static Championship championship(F1dbSeason season, Path seasonFile) {
        Node.Mapping rules = withBase(seasonFile, 0);
        rules.allowOnly(SEASON_KEYS);
        String name = rules.get("championship").map(n -> Node.text(n, "the championship's name"))
                .orElse("Formula 1 World Championship " + season.year());
        Scoring scoring = ScoringReader.scoring(rules);
        RegulationsReader.RaceDefaults defaults = RegulationsReader.RaceDefaults.of(rules);
        Map<String, Node.Mapping> overrides = new LinkedHashMap<>();
        rules.get("race-rules").ifPresent(n -> Node.mapping(n, "race-rules: {<race>: {multiplier: 0.5, fastest-lap: none}}")
                .fields().forEach((race, value) -> overrides.put(Slug.of(race), Node.mapping(value, "{multiplier: 0.5, fastest-lap: none}"))));

        List<Round> rounds = new ArrayList<>();
        Map<String, RaceResult> results = new LinkedHashMap<>();
        Map<String, Entrant> entrants = new LinkedHashMap<>();
        Shared shared = new Shared();
        for (F1dbRace r : season.races()) {
            List<Race> races = new ArrayList<>();
            if (!r.sprint().isEmpty()) {
                Race sprint = new Race(r.grandPrixId() + " sprint", rules(SessionType.SPRINT, defaults, Optional.empty(), r));
                races.add(sprint);
                results.put(sprint.name(), result(sprint.name(), r.sprint(), List.of(), entrants, shared));
            }
            Node.Mapping override = overrides.remove(Slug.of(r.grandPrixId()));
            Race race = new Race(r.grandPrixId(), rules(SessionType.RACE, defaults, Optional.ofNullable(override), r));
            races.add(race);
            results.put(race.name(), result(race.name(), r.race(), r.fastestLaps(), entrants, shared));
            rounds.add(new Round(r.round() + " " + r.grandPrixId(), races));
        }
        if (!overrides.isEmpty()) {
            Node.Mapping stray = overrides.values().iterator().next();
            throw Node.error(stray, "race-rules names a race that is not in the " + season.year() + " season: "
                    + String.join(", ", overrides.keySet()));
        }
        List<Entrant> entryList = List.copyOf(entrants.values());
        List<Race> allRaces = rounds.stream().flatMap(x -> x.races().stream()).toList();
        var decisions = rules.get("decisions").map(n -> DecisionsReader.list(n,
                nameOrSlug -> allRaces.stream().filter(x -> x.slug().equals(Slug.of(nameOrSlug))).findFirst(),
                new EntryList(entryList))).orElse(List.of());
        try {
            return new Championship(name, rounds, entryList, scoring, results, decisions);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(seasonFile, 0, e.getMessage());
        }
    }

    private static RaceRules rules(SessionType session, RegulationsReader.RaceDefaults defaults, Optional<Node.Mapping> override,
                                   F1dbRace race) {
        override.ifPresent(o -> o.allowOnly(RACE_RULE_KEYS));
        PointsTable points = override.flatMap(o -> o.get("points")).map(ScoringReader::pointsTable)
                .or(() -> defaults.pointsFor(session))
                .orElseThrow(() -> new IllegalStateException("no " + session.name().toLowerCase() + " points table"));
        return new RaceRules(session, Optional.empty(), session == SessionType.RACE ? race.laps() : java.util.OptionalInt.empty(),
                Optional.empty(), Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, points,
                override.flatMap(o -> o.get("multiplier")).map(ScoringReader::multiplier).orElse(defaults.multiplier()),
                GridRule.qualifying(List.of()),
                session == SessionType.SPRINT ? Optional.empty()
                        : override.flatMap(o -> o.get("fastest-lap")).map(ScoringReader::fastestLap).orElse(defaults.fastestLap()),
                defaults.minimumDistance());
    }

    /*
     * F1DB gives no race times or laps for a retirement, so most ways a race ends are the same value in every row: the
     * rows share one object for each, as they share one string for each driver and team.
     */
    private static final Finish FINISHED = new Finish.Finished(Optional.empty());
    private static final Finish RETIRED = new Finish.Retired(Optional.empty(), "");
    private static final Finish NOT_CLASSIFIED = new Finish.NotClassified();
    private static final Finish DID_NOT_START = new Finish.DidNotStart();
    private static final Finish DISQUALIFIED = new Finish.Disqualified("DSQ");
    private static final Finish EXCLUDED = new Finish.Disqualified("EX");

    /**
     * One object for each value that thousands of a season's rows hold (a team, a car number, a points figure), so that
     * a season's rows are little more than the rows themselves, which the engine reads row after row.
     */
    private static final class Shared {
        private final Map<Object, Optional<?>> optionals = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> Optional<T> of(T value) {
            return (Optional<T>) optionals.computeIfAbsent(value, Optional::of);
        }
    }

    /** @param shared the season's shared values: each row names its team with one string and one Optional throughout */
    private static RaceResult result(String race, List<F1dbResult> rows, List<F1dbRace.F1dbFastestLap> fastest,
                                     Map<String, Entrant> entrants, Shared shared) {
        int next = rows.stream().filter(F1dbResult::classified).mapToInt(r -> Integer.parseInt(r.position())).max().orElse(0) + 1;
        List<ResultRow> result = new ArrayList<>();
        for (F1dbResult row : rows) {
            // The row names its driver with the entrant's own string (and a team with one string throughout), so that the
            // engine's lookups by name find the same object and need not compare the characters.
            Entrant entrant = entrants.computeIfAbsent(row.driverId(), id -> new Entrant(id, "", Optional.empty(), Optional.empty(),
                    CarryOver.none()));
            int position = row.classified() ? Integer.parseInt(row.position()) : next++;
            Finish finish = switch (row.position()) {
                case "DNF" -> RETIRED;
                case "NC" -> NOT_CLASSIFIED;
                case "DSQ" -> DISQUALIFIED;
                case "EX" -> EXCLUDED;
                case "DNS", "DNQ", "DNPQ", "DNP" -> DID_NOT_START;
                default -> FINISHED;
            };
            result.add(new ResultRow(position, entrant.name(), finish, shared.of(row.points()), shared.of(row.team().intern()),
                    shared.of("#" + row.driverNumber())));
        }
        return new RaceResult(race, result, fastest.stream()
                .map(f -> new FastestLap(Optional.ofNullable(entrants.get(f.driverId())).map(Entrant::name).orElse(f.driverId()),
                        shared.of("#" + f.driverNumber())))
                .toList());
    }

    /** The season file with the file it extends underneath it (keys of the season file win). */
    private static Node.Mapping withBase(Path file, int depth) {
        if (depth > 8) {
            throw InvalidInputException.at(file, 0, "extends goes more than 8 files deep; is there a cycle?");
        }
        Node.Mapping m = Node.mapping(Node.parseYaml(file, new StringReader(ChampionshipFiles.readText(file))),
                "a season's regulations: championship, extends, points, ...");
        Optional<Node> base = m.get("extends");
        if (base.isEmpty()) {
            return m;
        }
        Path baseFile = file.resolveSibling(Node.text(base.get(), "the file this one extends"));
        if (!Files.isRegularFile(baseFile)) {
            throw Node.error(base.get(), "extends " + base.get().shown() + ", which does not exist");
        }
        Node.Mapping parent = withBase(baseFile, depth + 1);
        Map<String, Node> merged = new LinkedHashMap<>(parent.fields());
        merged.remove("extends");
        merged.putAll(m.fields());
        merged.remove("extends");
        return new Node.Mapping(file, m.line(), merged);
    }
}
