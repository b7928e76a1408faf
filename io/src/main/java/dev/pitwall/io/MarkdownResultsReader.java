package dev.pitwall.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a results table as race reports publish it, for example
 * <pre>
 * Rank | Country / Driver | Time | Points |
 * ---|---|---|---|
 * 1 | Italy Valerio Gallo | 17'47.179 | 12 |
 * 2 | Spain Jose Serrano | +00.205 | 10 |
 * 12 | Australia Guy Barbara | +18.049 |
 * </pre>
 * Text before the header (titles) is skipped; outer pipes are optional; a row may stop before its last
 * cells, which are then empty. After the table only blank lines may follow.
 */
final class MarkdownResultsReader {

    static final String ROW_EXAMPLE = "1 | Italy Valerio Gallo | 17'47.179 | 12 |";

    private MarkdownResultsReader() {
    }

    static List<PublishedRow> read(Path file, String text) {
        String[] lines = text.split("\\R", -1);
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("|") && Columns.isHeader(cells(lines[i]))) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw InvalidInputException.at(file, 0,
                    "expected a results table with a header like \"Rank | Country / Driver | Time | Points |\"");
        }
        Columns columns = Columns.of(file, header + 1, cells(lines[header]));
        int separator = header + 1;
        if (separator >= lines.length || !cells(lines[separator]).stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
            throw InvalidInputException.at(file, separator + 1, "expected the separator row \"---|---|---|---|\" under the header");
        }
        List<PublishedRow> rows = new ArrayList<>();
        boolean ended = false;
        for (int i = separator + 1; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank()) {
                ended = !rows.isEmpty() || ended;
                continue;
            }
            if (ended || !line.contains("|")) {
                throw InvalidInputException.at(file, lineNo, "expected a table row like \"" + ROW_EXAMPLE
                        + "\", found \"" + line.strip() + "\"");
            }
            List<String> cells = cells(line);
            if (cells.size() > columns.count()) {
                throw InvalidInputException.at(file, lineNo, "expected at most " + columns.count() + " cells as in the header, found "
                        + cells.size());
            }
            rows.add(columns.row(lineNo, cells));
        }
        return rows;
    }

    /** Splits {@code | a | b |} or {@code a | b |} into trimmed cells. */
    static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|")) {
            s = s.substring(0, s.length() - 1);
        }
        return Arrays.stream(s.split("\\|", -1)).map(String::strip).toList();
    }

    /** Which cell holds what, from the header's words. */
    record Columns(int count, int position, int driver, Optional<Integer> country, Optional<Integer> time, Optional<Integer> points) {

        static boolean isHeader(List<String> cells) {
            return cells.stream().anyMatch(c -> kind(c).equals("position")) && cells.stream().anyMatch(c -> kind(c).equals("driver"));
        }

        static Columns of(Path file, int line, List<String> header) {
            int position = -1;
            int driver = -1;
            Optional<Integer> country = Optional.empty();
            Optional<Integer> time = Optional.empty();
            Optional<Integer> points = Optional.empty();
            for (int i = 0; i < header.size(); i++) {
                switch (kind(header.get(i))) {
                    case "position" -> position = i;
                    case "driver" -> driver = i;
                    case "country" -> country = Optional.of(i);
                    case "time" -> time = Optional.of(i);
                    case "points" -> points = Optional.of(i);
                    default -> throw InvalidInputException.at(file, line, "unknown column \"" + header.get(i)
                            + "\": expected Rank, Country / Driver (or Driver and Country), Time and Points");
                }
            }
            return new Columns(header.size(), position, driver, country, time, points);
        }

        private static String kind(String cell) {
            String c = cell.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            return switch (c) {
                case "rank", "pos", "pos.", "position", "#", "p" -> "position";
                case "country / driver", "country/driver", "driver", "name", "nation / driver" -> "driver";
                case "country", "nation", "nationality" -> "country";
                case "time", "time / gap", "gap", "time/retired", "time / status" -> "time";
                case "points", "pts", "pts." -> "points";
                default -> "";
            };
        }

        PublishedRow row(int line, List<String> cells) {
            return new PublishedRow(line, cell(cells, position), country.map(i -> cell(cells, i)), cell(cells, driver),
                    time.map(i -> cell(cells, i)).orElse(""), points.map(i -> cell(cells, i)));
        }

        private static String cell(List<String> cells, int i) {
            return i < cells.size() ? cells.get(i) : "";
        }
    }
}
