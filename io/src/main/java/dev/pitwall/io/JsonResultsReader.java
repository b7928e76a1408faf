package dev.pitwall.io;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads results as JSON, the same shape {@code pitwall results --format json} prints:
 * {@code {"race": "Race 1", "results": [{"position": 1, "driver": "Valerio Gallo", "country": "Italy",
 * "time": "17'47.179", "gap": null, "points": 12}, ...]}}. A row's time may be its elapsed time or, in
 * {@code time} or {@code gap}, its gap to the winner.
 */
final class JsonResultsReader {

    private static final Set<String> ROW_KEYS = Set.of("position", "driver", "country", "time", "gap", "points", "status",
            "penalties", "laps");

    private JsonResultsReader() {
    }

    /** The rows of a JSON results file; a race it names must be {@code race}. */
    static List<PublishedRow> read(Path file, String text, String race) {
        Node.Mapping root = Node.mapping(Node.parseJson(file, new StringReader(text)), "an object with \"race\" and \"results\"");
        root.allowOnly(Set.of("race", "results"));
        root.get("race").ifPresent(n -> {
            String named = Node.text(n, "the race's name");
            if (!dev.pitwall.core.model.Slug.of(named).equals(dev.pitwall.core.model.Slug.of(race))) {
                throw Node.error(n, "these are the results of \"" + named + "\", expected \"" + race + "\"");
            }
        });
        List<PublishedRow> rows = new ArrayList<>();
        for (Node item : Node.sequence(root.require("results", "the list of result rows"), "a list of result rows")) {
            Node.Mapping row = Node.mapping(item, "a result row like {\"position\": 1, \"driver\": \"Valerio Gallo\", \"time\": \"17'47.179\"}");
            row.allowOnly(ROW_KEYS);
            String time = optionalText(row, "time").or(() -> optionalText(row, "gap")).or(() -> optionalText(row, "status")
                    .filter(s -> !s.equals("finished"))).orElse("");
            if (optionalText(row, "gap").isPresent() && optionalText(row, "time").isPresent()) {
                time = optionalText(row, "time").get();
            }
            rows.add(new PublishedRow(row.line(), Node.text(row.require("position", "the position"), "a position"),
                    optionalText(row, "country"), Node.text(row.require("driver", "the driver's name"), "a driver's name"),
                    time, row.get("points").map(n -> n instanceof Node.Empty ? "" : Node.text(n, "points like 12"))));
        }
        return rows;
    }

    private static Optional<String> optionalText(Node.Mapping row, String key) {
        return row.get(key).filter(n -> !(n instanceof Node.Empty)).map(n -> Node.text(n, key));
    }
}
