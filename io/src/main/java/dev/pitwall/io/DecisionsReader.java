package dev.pitwall.io;

import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.EntryList;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceTime;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code decisions.yaml}, the stewards' decisions in the order they were taken:
 * <pre>
 * decisions:
 *   - race: Grand Final
 *     driver: Jose Serrano
 *     time-penalty: 5s
 *     reason: Causing a collision with Robert Heck
 * </pre>
 * Each decision has exactly one of {@code time-penalty}, {@code position-drop}, {@code grid-drop},
 * {@code disqualified: true} or {@code points-deduction}.
 */
final class DecisionsReader {

    private static final Set<String> KINDS = Set.of("time-penalty", "position-drop", "grid-drop", "disqualified", "points-deduction");
    private static final Set<String> KEYS = Set.of("race", "driver", "reason", "time-penalty", "position-drop", "grid-drop",
            "disqualified", "points-deduction", "date", "notes");

    private DecisionsReader() {
    }

    static List<Decision> read(Path file, String text, Function<String, java.util.Optional<Race>> races, EntryList entries) {
        Node root = Node.parseYaml(file, new StringReader(text));
        if (root instanceof Node.Empty) {
            return List.of();
        }
        Node.Mapping top = Node.mapping(root, "\"decisions:\" and a list of stewards' decisions");
        top.allowOnly(Set.of("decisions"));
        Node list = top.require("decisions", "the list of stewards' decisions");
        if (list instanceof Node.Empty) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>();
        for (Node item : Node.sequence(list, "a list of stewards' decisions")) {
            Node.Mapping d = Node.mapping(item, "a decision with race, driver, reason and one of " + String.join(", ", KINDS));
            d.allowOnly(KEYS);
            Node raceNode = d.require("race", "the race the decision is about");
            Race race = races.apply(Node.text(raceNode, "a race's name")).orElseThrow(() ->
                    Node.error(raceNode, "no race called " + raceNode.shown() + " in championship.yaml"));
            Node driverNode = d.require("driver", "the driver the decision is about");
            String driver = entries.find(Node.text(driverNode, "a driver's name")).orElseThrow(() ->
                    Node.error(driverNode, "unknown driver " + driverNode.shown() + ": expected one of the entry list ("
                            + String.join(", ", entries.names()) + ")")).name();
            String reason = Node.text(d.require("reason", "the reason the stewards gave"), "the reason the stewards gave");
            List<String> kinds = d.fields().keySet().stream().filter(KINDS::contains).toList();
            if (kinds.size() != 1) {
                throw Node.error(d, "expected exactly one of " + String.join(", ", KINDS.stream().sorted().toList())
                        + ", found " + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            }
            Node value = d.fields().get(kinds.getFirst());
            decisions.add(switch (kinds.getFirst()) {
                case "time-penalty" -> new Decision.TimePenalty(race.name(), driver, seconds(value), reason);
                case "position-drop" -> new Decision.PositionDrop(race.name(), driver, places(value), reason);
                case "grid-drop" -> new Decision.GridDrop(race.name(), driver, places(value), reason);
                case "disqualified" -> {
                    if (!Node.text(value, "true").equalsIgnoreCase("true")) {
                        throw Node.error(value, "expected \"disqualified: true\", found " + value.shown());
                    }
                    yield new Decision.Disqualification(race.name(), driver, reason);
                }
                default -> new Decision.PointsDeduction(race.name(), driver, points(value), reason);
            });
        }
        return decisions;
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
        int places = Node.integer(node, "a number of places like 3");
        if (places < 1) {
            throw Node.error(node, "expected at least 1 place, found " + places);
        }
        return places;
    }

    private static Points points(Node node) {
        String t = Node.text(node, "a number of points like 5");
        try {
            Points p = Points.parse(t);
            if (p.isPositive()) {
                return p;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw Node.error(node, "expected a number of points above zero like 5 or 2.5, found " + node.shown());
    }
}
