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
import dev.pitwall.core.rules.TieBreak;
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

    /** What the file says: the championship's parts, and where each race's results file is, if named. */
    record Regulations(String name, List<Round> rounds, List<Entrant> entrants, List<TieBreak> tieBreaks,
                       Map<String, Path> resultFiles) {
    }

    private static final Set<String> TOP_KEYS = Set.of("championship", "points", "multiplier", "tie-break",
            "minimum-distance", "rounds", "entrants", "notes");
    private static final Set<String> ROUND_KEYS = Set.of("name", "races", "venue", "date");
    private static final Set<String> RACE_KEYS = Set.of("name", "track", "laps", "car", "start", "tyres", "refuelling",
            "points", "multiplier", "grid", "minimum-distance", "results", "notes");
    private static final Set<String> ENTRANT_KEYS = Set.of("name", "country", "online-id", "team", "carry-over", "notes");

    private RegulationsReader() {
    }

    static Regulations read(Path file, String text) {
        Node.Mapping root = Node.mapping(Node.parseYaml(file, new StringReader(text)),
                "a championship: \"championship:\", \"points:\", \"rounds:\" and \"entrants:\"");
        root.allowOnly(TOP_KEYS);
        String name = Node.text(root.require("championship", "the championship's name"), "the championship's name");
        Optional<PointsTable> points = root.get("points").map(RegulationsReader::pointsTable);
        Points multiplier = root.get("multiplier").map(RegulationsReader::multiplier).orElse(Points.ONE);
        Points minimumDistance = root.get("minimum-distance").map(RegulationsReader::share).orElse(Points.of(9, 10));
        List<TieBreak> tieBreaks = root.get("tie-break").map(RegulationsReader::tieBreaks).orElse(List.of());

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
                if (raceNames.containsKey(slug)) {
                    throw Node.error(race, "a race called \"" + raceName + "\" is already defined on line " + raceNames.get(slug).line());
                }
                raceNames.put(slug, race);
                races.add(new Race(raceName, raceRules(race, points, multiplier, minimumDistance, raceNames)));
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
            Integer earlier = entrantLines.put(dev.pitwall.core.model.Slug.of(driver), e.line());
            if (earlier != null) {
                throw Node.error(e, driver + " is already entered on line " + earlier);
            }
            entrants.add(new Entrant(driver,
                    Node.text(e.require("country", "the country the driver represents"), "a country"),
                    e.get("online-id").map(n -> Node.text(n, "the driver's online ID")),
                    e.get("team").map(n -> Node.text(n, "the team or manufacturer")),
                    e.get("carry-over").map(RegulationsReader::carryOver).orElse(CarryOver.none())));
        }
        return new Regulations(name, rounds, entrants, tieBreaks, resultFiles);
    }

    private static RaceRules raceRules(Node.Mapping race, Optional<PointsTable> defaultPoints, Points defaultMultiplier,
                                       Points defaultMinimumDistance, Map<String, Node> earlierRaces) {
        PointsTable points = race.get("points").map(RegulationsReader::pointsTable).or(() -> defaultPoints)
                .orElseThrow(() -> Node.error(race, "expected \"points:\" for this race or for the championship, "
                        + "a list like [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]"));
        OptionalInt laps = race.get("laps").map(n -> {
            int l = Node.integer(n, "a number of laps");
            if (l < 1) {
                throw Node.error(n, "expected a number of laps of at least 1, found " + l);
            }
            return OptionalInt.of(l);
        }).orElse(OptionalInt.empty());
        return new RaceRules(
                race.get("track").map(n -> Node.text(n, "the track's name")),
                laps,
                race.get("car").map(n -> Node.text(n, "the car or class")),
                race.get("start").map(RegulationsReader::start),
                race.get("tyres").map(RegulationsReader::tyres).orElse(new TyreRule.FreeChoice()),
                race.get("refuelling").map(RegulationsReader::refuelling).orElse(Refuelling.ALLOWED),
                points,
                race.get("multiplier").map(RegulationsReader::multiplier).orElse(defaultMultiplier),
                race.get("grid").map(n -> grid(n, race, earlierRaces)).orElse(new GridRule.Qualifying(List.of())),
                race.get("minimum-distance").map(RegulationsReader::share).orElse(defaultMinimumDistance));
    }

    private static PointsTable pointsTable(Node node) {
        List<Points> table = new ArrayList<>();
        for (Node n : Node.sequence(node, "a points table like [12, 10, 8, 7, 6, 5, 4, 3, 2, 1]")) {
            table.add(nonNegative(n, "points like 12 or 12.5"));
        }
        if (table.isEmpty()) {
            throw Node.error(node, "expected a points table with at least one position");
        }
        return new PointsTable(table);
    }

    private static Points multiplier(Node node) {
        Points m = nonNegative(node, "a points multiplier like 2 or 0.5");
        if (!m.isPositive()) {
            throw Node.error(node, "expected a points multiplier above zero, found " + node.shown());
        }
        return m;
    }

    /** {@code 90%} or {@code 0.9}. */
    private static Points share(Node node) {
        String t = Node.text(node, "a share of the race distance like 90%");
        Points p = t.endsWith("%") ? points(node, t.substring(0, t.length() - 1), "a share like 90%").dividedBy(100)
                : points(node, t, "a share like 90%");
        if (p.compareTo(Points.ZERO) < 0 || p.compareTo(Points.ONE) > 0) {
            throw Node.error(node, "expected a share of the race distance between 0% and 100%, found " + node.shown());
        }
        return p;
    }

    private static Points nonNegative(Node node, String expected) {
        Points p = points(node, Node.text(node, expected), expected);
        if (p.compareTo(Points.ZERO) < 0) {
            throw Node.error(node, "expected " + expected + ", found " + node.shown());
        }
        return p;
    }

    private static Points points(Node node, String text, String expected) {
        try {
            return Points.parse(text);
        } catch (RuntimeException e) {
            throw Node.error(node, "expected " + expected + ", found " + node.shown());
        }
    }

    private static CarryOver carryOver(Node node) {
        String t = Node.text(node, "carry-over points like 11, or \"unknown\"");
        if (t.equalsIgnoreCase("unknown")) {
            return CarryOver.unknown();
        }
        return CarryOver.of(points(node, t, "carry-over points like 11, or \"unknown\""));
    }

    private static List<TieBreak> tieBreaks(Node node) {
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<TieBreak> chain = new ArrayList<>();
        for (Node n : items) {
            String t = Node.text(n, "a tie-break");
            chain.add(switch (t.toLowerCase(Locale.ROOT)) {
                case "latest-race-finish" -> TieBreak.latestRaceFinish();
                case "countback" -> TieBreak.countback();
                default -> throw Node.error(n, "expected a tie-break: latest-race-finish or countback, found " + n.shown());
            });
        }
        return chain;
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
