package dev.pitwall.io;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.FastestLapBonus;
import dev.pitwall.core.rules.Listing;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The championship-wide scoring keys a regulations file may hold, shared by {@code championship.yaml} and the
 * season files of series whose calendar comes from elsewhere (Formula 1 from F1DB):
 * <pre>
 * points: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]
 * sprint-points: [8, 7, 6, 5, 4, 3, 2, 1]
 * fastest-lap: {points: 1, share-ties: false, classified-top: 10}
 * shared-drive: split            # or none
 * multi-car: sum                 # or best
 * count-best: [{rounds: 1-6, best: 5}, {rounds: 7-11, best: 4}]   # or count-best: 4
 * tie-break: [countback]
 * listed: from-first-race        # or entry-list
 * constructors: {points: [...], best-car-only: true, fastest-lap: false, sprints: false, shared-cars: false,
 *                exclude: [indianapolis], count-best: 6}
 * </pre>
 */
final class ScoringReader {

    static final Set<String> KEYS = Set.of("points", "sprint-points", "multiplier", "fastest-lap", "shared-drive", "multi-car",
            "count-best", "tie-break", "minimum-distance", "constructors", "listed");
    private static final Set<String> CONSTRUCTOR_KEYS = Set.of("points", "best-car-only", "fastest-lap", "sprints", "shared-cars",
            "exclude", "count-best");

    private ScoringReader() {
    }

    static Scoring scoring(Node.Mapping root) {
        return new Scoring(
                root.get("tie-break").map(ScoringReader::tieBreaks).orElse(List.of()),
                root.get("shared-drive").map(n -> choice(n, "shared-drive", SharedDrive.class)).orElse(SharedDrive.SPLIT),
                root.get("multi-car").map(n -> choice(n, "multi-car", MultiCar.class)).orElse(MultiCar.SUM),
                root.get("count-best").map(ScoringReader::dropRule),
                root.get("constructors").map(ScoringReader::constructors),
                root.get("listed").map(n -> choice(n, "listed", Listing.class)).orElse(Listing.ENTRY_LIST));
    }

    static PointsTable pointsTable(Node node) {
        List<Points> table = new ArrayList<>();
        for (Node n : Node.sequence(node, "a points table like [12, 10, 8, 7, 6, 5, 4, 3, 2, 1]")) {
            table.add(nonNegative(n, "points like 12 or 12.5"));
        }
        if (table.isEmpty()) {
            throw Node.error(node, "expected a points table with at least one position");
        }
        return new PointsTable(table);
    }

    static Points multiplier(Node node) {
        Points m = nonNegative(node, "a points multiplier like 2 or 0.5");
        if (!m.isPositive()) {
            throw Node.error(node, "expected a points multiplier above zero, found " + node.shown());
        }
        return m;
    }

    /** {@code 90%} or {@code 0.9}. */
    static Points share(Node node) {
        String t = Node.text(node, "a share of the race distance like 90%");
        Points p = t.endsWith("%") ? points(node, t.substring(0, t.length() - 1), "a share like 90%").dividedBy(100)
                : points(node, t, "a share like 90%");
        if (p.compareTo(Points.ZERO) < 0 || p.compareTo(Points.ONE) > 0) {
            throw Node.error(node, "expected a share of the race distance between 0% and 100%, found " + node.shown());
        }
        return p;
    }

    /** {@code none}, or {@code {points: 1, share-ties: true, classified-top: 10}}. */
    static Optional<FastestLapBonus> fastestLap(Node node) {
        if (node instanceof Node.Scalar s && s.text().strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Node.Mapping m = Node.mapping(node, "fastest-lap: none, or {points: 1, share-ties: true, classified-top: 10}");
        m.allowOnly(Set.of("points", "share-ties", "classified-top"));
        Points points = nonNegative(m.require("points", "the bonus points"), "bonus points like 1");
        if (!points.isPositive()) {
            throw Node.error(m, "expected fastest-lap points above zero");
        }
        boolean shareTies = m.get("share-ties").map(n -> bool(n, "share-ties")).orElse(false);
        OptionalInt top = m.get("classified-top").map(n -> OptionalInt.of(positive(n, "a number of positions like 10")))
                .orElse(OptionalInt.empty());
        return Optional.of(new FastestLapBonus(points, shareTies, top));
    }

    static Points nonNegative(Node node, String expected) {
        Points p = points(node, Node.text(node, expected), expected);
        if (p.compareTo(Points.ZERO) < 0) {
            throw Node.error(node, "expected " + expected + ", found " + node.shown());
        }
        return p;
    }

    static Points points(Node node, String text, String expected) {
        try {
            return Points.parse(text);
        } catch (RuntimeException e) {
            throw Node.error(node, "expected " + expected + ", found " + node.shown());
        }
    }

    static boolean bool(Node node, String key) {
        String t = Node.text(node, key + ": true or false");
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw Node.error(node, "expected " + key + ": true or false, found " + node.shown());
        };
    }

    static int positive(Node node, String expected) {
        int n = Node.integer(node, expected);
        if (n < 1) {
            throw Node.error(node, "expected " + expected + ", at least 1, found " + n);
        }
        return n;
    }

    private static <E extends Enum<E>> E choice(Node node, String key, Class<E> type) {
        String t = Node.text(node, key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return e;
            }
        }
        throw Node.error(node, "expected " + key + ": " + String.join(" or ",
                java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList())
                + ", found " + node.shown());
    }

    private static List<TieBreak> tieBreaks(Node node) {
        List<Node> items = node instanceof Node.Sequence s ? s.items() : List.of(node);
        List<TieBreak> chain = new ArrayList<>();
        for (Node n : items) {
            String t = Node.text(n, "a tie-break");
            chain.add(switch (t.toLowerCase(Locale.ROOT)) {
                case "latest-race-finish" -> TieBreak.latestRaceFinish();
                case "countback" -> TieBreak.countback();
                case "countback-scoring-finishes" -> TieBreak.countbackOfScoringFinishes();
                case "first-to-reach-total" -> new TieBreak.FirstToReachTotal();
                default -> throw Node.error(n, "expected a tie-break: latest-race-finish, countback, countback-scoring-finishes "
                        + "or first-to-reach-total, found " + n.shown());
            });
        }
        return chain;
    }

    /** {@code 4} (best 4 of all rounds) or {@code [{rounds: 1-6, best: 5}, {rounds: 7-11, best: 4}]}. */
    private static DropRule dropRule(Node node) {
        if (node instanceof Node.Scalar) {
            return DropRule.bestOf(positive(node, "how many results count, like 4"));
        }
        List<DropRule.Segment> segments = new ArrayList<>();
        for (Node item : Node.sequence(node, "count-best: 4, or a list like [{rounds: 1-6, best: 5}, {rounds: 7-11, best: 4}]")) {
            Node.Mapping m = Node.mapping(item, "a segment like {rounds: 1-6, best: 5}");
            m.allowOnly(Set.of("rounds", "best"));
            Node roundsNode = m.require("rounds", "the rounds the segment covers, like 1-6");
            String rounds = Node.text(roundsNode, "rounds like 1-6 or 7-");
            var matcher = java.util.regex.Pattern.compile("(\\d+)\\s*-\\s*(\\d*)").matcher(rounds);
            if (!matcher.matches()) {
                throw Node.error(roundsNode, "expected rounds like 1-6 (or 7- for the rest of the season), found " + roundsNode.shown());
            }
            int from = Integer.parseInt(matcher.group(1));
            int to = matcher.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(matcher.group(2));
            if (from < 1 || to < from) {
                throw Node.error(roundsNode, "expected rounds from 1 on, the first before the last, found " + roundsNode.shown());
            }
            segments.add(new DropRule.Segment(from, to, positive(m.require("best", "how many results count"), "how many results count")));
        }
        return new DropRule(segments);
    }

    private static ConstructorsRules constructors(Node node) {
        Node.Mapping m = Node.mapping(node, "the constructors' championship: {points: [...], best-car-only: true, ...}");
        m.allowOnly(CONSTRUCTOR_KEYS);
        return new ConstructorsRules(
                pointsTable(m.require("points", "the constructors' points table")),
                m.get("best-car-only").map(n -> bool(n, "best-car-only")).orElse(false),
                m.get("fastest-lap").map(n -> bool(n, "fastest-lap")).orElse(false),
                m.get("sprints").map(n -> bool(n, "sprints")).orElse(false),
                m.get("exclude").map(n -> Node.sequence(n, "a list of races that do not count").stream()
                        .map(x -> Node.text(x, "a race's name")).collect(java.util.stream.Collectors.toSet())).orElse(Set.of()),
                m.get("shared-cars").map(n -> bool(n, "shared-cars")).orElse(false),
                m.get("count-best").map(ScoringReader::dropRule));
    }
}
