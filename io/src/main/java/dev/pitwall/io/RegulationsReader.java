package dev.pitwall.io;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.Compound;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.StartProcedure;
import dev.pitwall.core.rules.FastestLapBonus;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TyreRule;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads {@code championship.yaml}: the championship's name, its default points table and tie-break
 * chain, its rounds and races with their regulations, and the entry list. See docs/formats.md.
 */
final class RegulationsReader {

    /** The longest name of a race or driver: addresses and the store's columns hold it. */
    static final int NAME_MAX = 200;

    private static String abbreviated(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }


    /** What the file says: the championship's parts, and where each race's results file is, if named. */
    /** @param carClass the class the championship is for, when game result files hold several: only its cars count */
    record Regulations(String name, List<Round> rounds, List<Entrant> entrants, Scoring scoring,
                       Map<String, Path> resultFiles, Optional<String> carClass) {
    }

    private static final Set<String> TOP_KEYS = union(ScoringReader.KEYS, Set.of("championship", "class", "rounds", "entrants", "notes"));
    private static final Set<String> ROUND_KEYS = Set.of("name", "races", "venue", "date");
    private static final Set<String> RACE_KEYS = Set.of("name", "session", "track", "laps", "car", "start", "tyres", "refuelling",
            "points", "multiplier", "fastest-lap", "grid", "minimum-distance", "results", "notes");
    private static final Set<String> ENTRANT_KEYS = Set.of("name", "country", "online-id", "aliases", "team", "carry-over", "notes");

    private RegulationsReader() {
    }

    static Regulations read(Path file, String text) {
        Node.Mapping root = Node.mapping(Node.parseYaml(file, new StringReader(text)),
                "a championship: \"championship:\", \"points:\", \"rounds:\" and \"entrants:\"");
        root.allowOnly(TOP_KEYS);
        String name = Node.text(root.require("championship", "the championship's name"), "the championship's name");
        if (name.length() > NAME_MAX) {
            throw Node.error(root.require("championship", "the championship's name"),
                    "expected a championship's name of at most " + NAME_MAX + " characters, found " + name.length());
        }
        Scoring scoring = ScoringReader.scoring(root);
        RaceDefaults defaults = RaceDefaults.of(root);

        List<Round> rounds = new ArrayList<>();
        Map<String, Path> resultFiles = new LinkedHashMap<>();
        Map<String, Node> raceNames = new HashMap<>();
        for (Node roundNode : Node.sequence(root.require("rounds", "the list of rounds"), "a list of rounds")) {
            Node.Mapping round = Node.mapping(roundNode, "a round with \"name:\" and \"races:\"");
            round.allowOnly(ROUND_KEYS);
            String roundName = Node.text(round.require("name", "the round's name"), "the round's name");
            List<Race> races = new ArrayList<>();
            for (Node raceNode : Node.sequence(round.require("races", "the round's races"), "a list of races")) {
                Node.Mapping race = Node.mapping(raceNode, "a race with \"name:\" and its regulations");
                race.allowOnly(RACE_KEYS);
                String raceName = Node.text(race.require("name", "the race's name"), "the race's name");
                String slug = dev.pitwall.core.model.Slug.of(raceName);
                if (slug.isEmpty() || raceName.length() > NAME_MAX) {
                    throw Node.error(race, "expected a race's name of at most " + NAME_MAX + " characters with a letter or digit, found \""
                            + abbreviated(raceName) + "\"");
                }
                if (raceNames.containsKey(slug)) {
                    throw Node.error(race, "a race called \"" + raceName + "\" is already defined on line " + raceNames.get(slug).line());
                }
                raceNames.put(slug, race);
                races.add(new Race(raceName, raceRules(race, defaults, raceNames)));
                race.get("results").ifPresent(n -> resultFiles.put(raceName, Path.of(Node.text(n, "the path of the results file"))));
            }
            if (races.isEmpty()) {
                throw Node.error(round, "round \"" + roundName + "\" has no races");
            }
            rounds.add(new Round(roundName, races));
        }
        if (rounds.isEmpty()) {
            throw Node.error(root, "expected at least one round");
        }

        List<Entrant> entrants = new ArrayList<>();
        Map<String, Integer> entrantLines = new HashMap<>();
        for (Node entrantNode : Node.sequence(root.require("entrants", "the entry list"), "a list of entrants")) {
            Node.Mapping e = Node.mapping(entrantNode, "an entrant with \"name:\" and \"country:\"");
            e.allowOnly(ENTRANT_KEYS);
            String driver = Node.text(e.require("name", "the driver's name"), "the driver's name");
            if (dev.pitwall.core.model.Slug.of(driver).isEmpty() || driver.length() > NAME_MAX) {
                throw Node.error(e, "expected a driver's name of at most " + NAME_MAX + " characters with a letter or digit, found \""
                        + abbreviated(driver) + "\"");
            }
            Integer earlier = entrantLines.put(dev.pitwall.core.model.Slug.of(driver), e.line());
            if (earlier != null) {
                throw Node.error(e, driver + " is already entered on line " + earlier);
            }
            entrants.add(new Entrant(driver,
                    e.get("country").map(n -> Node.text(n, "the country the driver represents")).orElse(""),
                    e.get("online-id").map(n -> Node.text(n, "the driver's online ID")),
                    e.get("team").map(n -> Node.text(n, "the team or manufacturer")),
                    e.get("carry-over").map(RegulationsReader::carryOver).orElse(CarryOver.none()),
                    e.get("aliases").map(n -> Node.sequence(n, "the other names and platform IDs the driver appears under").stream()
                            .map(a -> Node.text(a, "a name or platform ID")).toList()).orElse(List.of())));
        }
        claimedOnce(entrants, root);
        return new Regulations(name, rounds, entrants, scoring, resultFiles,
                root.get("class").map(n -> Node.text(n, "the class of car the championship is for")));
    }

    /** A name or platform ID may lead to one driver only, or a result file could land on either. */
    private static void claimedOnce(List<Entrant> entrants, Node.Mapping root) {
        Map<String, String> owner = new HashMap<>();
        for (Entrant e : entrants) {
            List<String> keys = new ArrayList<>(e.aliases());
            e.onlineId().ifPresent(keys::add);
            keys.add(e.name());
            for (String key : keys) {
                String earlier = owner.putIfAbsent(dev.pitwall.core.model.Slug.of(key), e.name());
                if (earlier != null && !earlier.equals(e.name())) {
                    throw Node.error(root.require("entrants", "the entry list"), "\"" + key + "\" is listed for both " + earlier + " and "
                            + e.name() + ": a name or online ID may lead to one driver only");
                }
            }
        }
    }

    /** What a race takes from the championship when it does not say otherwise. */
    record RaceDefaults(Optional<PointsTable> points, Optional<PointsTable> sprintPoints, Points multiplier,
                        Optional<FastestLapBonus> fastestLap, Points minimumDistance) {

        static RaceDefaults of(Node.Mapping root) {
            return new RaceDefaults(
                    root.get("points").map(ScoringReader::pointsTable),
                    root.get("sprint-points").map(ScoringReader::pointsTable),
                    root.get("multiplier").map(ScoringReader::multiplier).orElse(Points.ONE),
                    root.get("fastest-lap").flatMap(ScoringReader::fastestLap),
                    root.get("minimum-distance").map(ScoringReader::share).orElse(Points.of(9, 10)));
        }

        Optional<PointsTable> pointsFor(SessionType session) {
            return session == SessionType.SPRINT ? sprintPoints : points;
        }
    }

    private static RaceRules raceRules(Node.Mapping race, RaceDefaults defaults, Map<String, Node> earlierRaces) {
        SessionType session = race.get("session").map(RegulationsReader::session).orElse(SessionType.RACE);
        PointsTable points = race.get("points").map(ScoringReader::pointsTable).or(() -> defaults.pointsFor(session))
                .orElseThrow(() -> Node.error(race, "expected \"points:\" for this race or for the championship, "
                        + "a list like [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]"));
        OptionalInt laps = race.get("laps").map(n -> OptionalInt.of(ScoringReader.positive(n, "a number of laps")))
                .orElse(OptionalInt.empty());
        return new RaceRules(
                session,
                race.get("track").map(n -> Node.text(n, "the track's name")),
                laps,
                race.get("car").map(n -> Node.text(n, "the car or class")),
                race.get("start").map(RegulationsReader::start),
                race.get("tyres").map(RegulationsReader::tyres).orElse(new TyreRule.FreeChoice()),
                race.get("refuelling").map(RegulationsReader::refuelling).orElse(Refuelling.ALLOWED),
                points,
                race.get("multiplier").map(ScoringReader::multiplier).orElse(defaults.multiplier()),
                race.get("grid").map(n -> grid(n, race, earlierRaces)).orElse(new GridRule.Qualifying(List.of())),
                race.get("fastest-lap").map(ScoringReader::fastestLap)
                        .orElse(session == SessionType.RACE ? defaults.fastestLap() : Optional.empty()),
                race.get("minimum-distance").map(ScoringReader::share).orElse(defaults.minimumDistance()));
    }

    private static SessionType session(Node node) {
        String t = Node.text(node, "a session: race or sprint");
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "race" -> SessionType.RACE;
            case "sprint" -> SessionType.SPRINT;
            default -> throw Node.error(node, "expected a session: race or sprint, found " + node.shown());
        };
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static CarryOver carryOver(Node node) {
        String t = Node.text(node, "carry-over points like 11, or \"unknown\"");
        if (t.equalsIgnoreCase("unknown")) {
            return CarryOver.unknown();
        }
        return CarryOver.of(ScoringReader.points(node, t, "carry-over points like 11, or \"unknown\""));
    }

    private static StartProcedure start(Node node) {
        String t = Node.text(node, "a start: standing or rolling");
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "standing" -> StartProcedure.STANDING;
            case "rolling" -> StartProcedure.ROLLING;
            default -> throw Node.error(node, "expected a start: standing or rolling, found " + node.shown());
        };
    }

    private static Refuelling refuelling(Node node) {
        String t = Node.text(node, "refuelling: forbidden, allowed or required");
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "forbidden", "no", "false" -> Refuelling.FORBIDDEN;
            case "allowed", "yes", "true" -> Refuelling.ALLOWED;
            case "required", "mandatory" -> Refuelling.REQUIRED;
            default -> throw Node.error(node, "expected refuelling: forbidden, allowed or required, found " + node.shown());
        };
    }

    /** {@code free}, {@code {must-use: [medium, hard]}} or {@code {at-least: 2}}. */
    private static TyreRule tyres(Node node) {
        String expected = "tyres: free, {must-use: [medium, hard]} or {at-least: 2}";
        if (node instanceof Node.Scalar s) {
            if (s.text().strip().equalsIgnoreCase("free")) {
                return new TyreRule.FreeChoice();
            }
            throw Node.error(node, "expected " + expected + ", found " + node.shown());
        }
        Node.Mapping m = Node.mapping(node, expected);
        m.allowOnly(Set.of("must-use", "at-least"));
        if (m.fields().size() != 1) {
            throw Node.error(node, "expected one of must-use or at-least");
        }
        if (m.get("must-use").isPresent()) {
            EnumSet<Compound> compounds = EnumSet.noneOf(Compound.class);
            for (Node c : Node.sequence(m.get("must-use").get(), "a list of compounds like [medium, hard]")) {
                compounds.add(Compound.parse(Node.text(c, "a compound")).orElseThrow(() -> Node.error(c,
                        "expected a compound: soft, medium, hard, intermediate or wet, found " + c.shown())));
            }
            return new TyreRule.MustUse(compounds);
        }
        Node n = m.get("at-least").get();
        int count = Node.integer(n, "a number of compounds");
        if (count < 1) {
            throw Node.error(n, "expected at least 1 compound, found " + count);
        }
        return new TyreRule.AtLeastCompounds(count);
    }

    /** {@code qualifying}, {@code {qualifying: [names...]}}, {@code {from: Race 1}} or {@code {from: Race 1, reverse-top: 8}}. */
    private static GridRule grid(Node node, Node.Mapping race, Map<String, Node> earlierRaces) {
        String expected = "grid: qualifying, {qualifying: [drivers, fastest first]}, {from: <earlier race>} "
                + "or {from: <earlier race>, reverse-top: 8}";
        if (node instanceof Node.Scalar s && s.text().strip().equalsIgnoreCase("qualifying")) {
            return new GridRule.Qualifying(List.of());
        }
        Node.Mapping m = Node.mapping(node, expected);
        m.allowOnly(Set.of("qualifying", "from", "reverse-top"));
        if (m.get("qualifying").isPresent()) {
            if (m.fields().size() != 1) {
                throw Node.error(node, "expected either qualifying or from, not both");
            }
            return new GridRule.Qualifying(Node.sequence(m.get("qualifying").get(), "the qualifying order, fastest first")
                    .stream().map(n -> Node.text(n, "a driver's name")).toList());
        }
        Node from = m.require("from", "the earlier race whose result sets this grid");
        String source = Node.text(from, "an earlier race's name");
        String sourceSlug = dev.pitwall.core.model.Slug.of(source);
        String self = dev.pitwall.core.model.Slug.of(Node.text(race.require("name", "the race's name"), "a name"));
        if (!earlierRaces.containsKey(sourceSlug) || sourceSlug.equals(self)) {
            throw Node.error(from, "expected the name of a race defined before this one, found " + from.shown());
        }
        String sourceName = Node.text(((Node.Mapping) earlierRaces.get(sourceSlug)).require("name", "name"), "name");
        if (m.get("reverse-top").isPresent()) {
            Node n = m.get("reverse-top").get();
            int top = Node.integer(n, "how many of the top finishers are reversed");
            if (top < 2) {
                throw Node.error(n, "expected a reversed top of at least 2, found " + top);
            }
            return new GridRule.ReversedTopOf(sourceName, top);
        }
        return new GridRule.FinishingOrderOf(sourceName);
    }
}
