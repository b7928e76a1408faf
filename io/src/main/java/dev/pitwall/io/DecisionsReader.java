package dev.pitwall.io;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.EntryList;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceTime;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads stewards' and governing bodies' decisions, in the order they were taken, from {@code decisions.yaml}
 * or a season file's {@code decisions:} list:
 * <pre>
 * decisions:
 *   - race: Grand Final
 *     driver: Jose Serrano
 *     time-penalty: 5s
 *     reason: Causing a collision with Robert Heck
 * </pre>
 * A decision about a driver has exactly one of {@code time-penalty}, {@code position-drop}, {@code grid-drop},
 * {@code disqualified: true}, {@code points-deduction}, {@code ineligible: true} (with {@code points-pass-down}),
 * {@code points-awarded} (with {@code position} when the driver had several cars) or
 * {@code excluded-from-championship: true}. A decision about a constructor names {@code constructor} and has one
 * of {@code points-deduction}, {@code race-void: true}, {@code excluded-from-championship: true} (with
 * {@code zero-points}) or {@code reset: true}. {@code fastest-lap-awarded: [drivers]} names no driver.
 */
final class DecisionsReader {

    private static final List<String> DRIVER_KINDS = List.of("time-penalty", "position-drop", "grid-drop", "disqualified",
            "points-deduction", "ineligible", "points-awarded", "excluded-from-championship");
    private static final List<String> CONSTRUCTOR_KINDS = List.of("points-deduction", "race-void", "excluded-from-championship", "reset");
    private static final Set<String> KEYS = Set.of("race", "driver", "constructor", "reason", "time-penalty", "position-drop",
            "grid-drop", "disqualified", "points-deduction", "ineligible", "points-pass-down", "points-awarded", "position",
            "excluded-from-championship", "zero-points", "fastest-lap-awarded", "position-vacated", "race-void", "reset", "date", "notes");

    private DecisionsReader() {
    }

    /** Reads {@code decisions.yaml}: a mapping with one key, {@code decisions}. */
    static List<Decision> read(Path file, String text, Function<String, Optional<Race>> races, EntryList entries) {
        Node root = Node.parseYaml(file, new StringReader(text));
        if (root instanceof Node.Empty) {
            return List.of();
        }
        Node.Mapping top = Node.mapping(root, "\"decisions:\" and a list of stewards' decisions");
        top.allowOnly(Set.of("decisions"));
        return list(top.require("decisions", "the list of stewards' decisions"), races, entries);
    }

    /** Reads a list of decisions. */
    static List<Decision> list(Node list, Function<String, Optional<Race>> races, EntryList entries) {
        if (list instanceof Node.Empty) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>();
        for (Node item : Node.sequence(list, "a list of decisions")) {
            decisions.add(decision(Node.mapping(item, "a decision with race, driver, reason and what was decided"), races, entries));
        }
        return decisions;
    }

    private static Decision decision(Node.Mapping d, Function<String, Optional<Race>> races, EntryList entries) {
        d.allowOnly(KEYS);
        Node raceNode = d.require("race", "the race the decision is about");
        String race = races.apply(Node.text(raceNode, "a race's name")).orElseThrow(() ->
                Node.error(raceNode, "no race called " + raceNode.shown() + " in the championship")).name();
        String reason = Node.text(d.require("reason", "the reason given"), "the reason given");
        if (d.get("fastest-lap-awarded").isPresent()) {
            List<String> drivers = Node.sequence(d.get("fastest-lap-awarded").get(), "the drivers credited with the fastest lap")
                    .stream().map(n -> driver(n, entries)).toList();
            return new Decision.FastestLapAwarded(race, drivers, reason);
        }
        if (d.get("position-vacated").isPresent()) {
            return new Decision.PositionVacated(race, ScoringReader.positive(d.get("position-vacated").get(), "a position"), reason);
        }
        if (d.get("constructor").isPresent()) {
            String constructor = Node.text(d.get("constructor").get(), "the constructor's name");
            Node value = d.fields().get(only(d, CONSTRUCTOR_KINDS));
            return switch (only(d, CONSTRUCTOR_KINDS)) {
                case "points-deduction" -> new Decision.ConstructorPointsDeduction(race, constructor, deduction(value), reason);
                case "race-void" -> {
                    requireTrue(value, "race-void");
                    yield new Decision.ConstructorRaceVoid(race, constructor, reason);
                }
                case "excluded-from-championship" -> {
                    requireTrue(value, "excluded-from-championship");
                    yield new Decision.ConstructorExcluded(race, constructor,
                            d.get("zero-points").map(n -> ScoringReader.bool(n, "zero-points")).orElse(false), reason);
                }
                default -> {
                    requireTrue(value, "reset");
                    yield new Decision.ConstructorReset(race, constructor, reason);
                }
            };
        }
        String driver = driver(d.require("driver", "the driver the decision is about"), entries);
        String kind = only(d, DRIVER_KINDS);
        Node value = d.fields().get(kind);
        return switch (kind) {
            case "time-penalty" -> new Decision.TimePenalty(race, driver, seconds(value), reason);
            case "position-drop" -> new Decision.PositionDrop(race, driver, places(value), reason);
            case "grid-drop" -> new Decision.GridDrop(race, driver, places(value), reason);
            case "disqualified" -> {
                requireTrue(value, "disqualified");
                yield new Decision.Disqualification(race, driver, reason);
            }
            case "points-deduction" -> new Decision.PointsDeduction(race, driver, deduction(value), reason);
            case "ineligible" -> {
                requireTrue(value, "ineligible");
                yield new Decision.Ineligible(race, driver,
                        d.get("points-pass-down").map(n -> ScoringReader.bool(n, "points-pass-down")).orElse(false), reason);
            }
            case "points-awarded" -> new Decision.PointsAwarded(race, driver,
                    d.get("position").map(n -> OptionalInt.of(ScoringReader.positive(n, "a position"))).orElse(OptionalInt.empty()),
                    ScoringReader.nonNegative(value, "points like 3"), reason);
            default -> {
                requireTrue(value, "excluded-from-championship");
                yield new Decision.ExcludedFromChampionship(race, driver, reason);
            }
        };
    }

    private static String only(Node.Mapping d, List<String> kinds) {
        List<String> found = d.fields().keySet().stream().filter(kinds::contains).toList();
        if (found.size() != 1) {
            throw Node.error(d, "expected exactly one of " + String.join(", ", kinds.stream().sorted().toList())
                    + ", found " + (found.isEmpty() ? "none" : String.join(" and ", found)));
        }
        return found.getFirst();
    }

    private static String driver(Node node, EntryList entries) {
        return entries.find(Node.text(node, "a driver's name")).orElseThrow(() ->
                Node.error(node, "unknown driver " + node.shown() + ": expected one of the entry list ("
                        + String.join(", ", entries.names()) + ")")).name();
    }

    private static void requireTrue(Node value, String key) {
        if (!Node.text(value, "true").equalsIgnoreCase("true")) {
            throw Node.error(value, "expected \"" + key + ": true\", found " + value.shown());
        }
    }

    /** {@code 5}, {@code 5s}, {@code 2.5 s} or {@code 1'00}. */
    private static Duration seconds(Node node) {
        String t = Node.text(node, "a time penalty like 5s");
        String number = t.replaceFirst("\\s*(s|sec|secs|seconds?)$", "");
        Duration d = RaceTime.parse(number).orElseThrow(() -> Node.error(node, "expected a time penalty like 5s or 2.5s, found " + node.shown()));
        if (d.isZero()) {
            throw Node.error(node, "expected a time penalty above zero, found " + node.shown());
        }
        return d;
    }

    private static int places(Node node) {
        return ScoringReader.positive(node, "a number of places like 3");
    }

    private static dev.pitwall.core.model.Points deduction(Node node) {
        var p = ScoringReader.nonNegative(node, "a number of points above zero like 5 or 2.5");
        if (!p.isPositive()) {
            throw Node.error(node, "expected a number of points above zero like 5 or 2.5, found " + node.shown());
        }
        return p;
    }
}
