package dev.pitwall.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table of text for people and spreadsheets: a title, headed columns, rows and notes, rendered as an
 * aligned plain-text table, CSV (RFC 4180) or a Markdown table.
 */
public record TextTable(String title, List<Column> columns, List<List<String>> rows, List<String> notes) {

    /** A column, numbers aligned right. */
    public record Column(String header, boolean numeric) {
        public static Column text(String header) {
            return new Column(header, false);
        }

        public static Column number(String header) {
            return new Column(header, true);
        }
    }

    public TextTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + columns.size() + " columns");
            }
        }
    }

    public String render(Format format) {
        return switch (format) {
            case TABLE -> plain();
            case CSV -> csv();
            case MARKDOWN -> markdown();
            case JSON -> throw new IllegalArgumentException("a text table has no JSON form; render the report itself");
        };
    }

    private String plain() {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        if (!title.isEmpty()) {
            out.append(title).append('\n').append('\n');
        }
        List<String> header = columns.stream().map(Column::header).toList();
        out.append(line(header, widths)).append('\n');
        for (List<String> row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(n).append('\n'));
        }
        return out.toString();
    }

    private String line(List<String> cells, int[] widths) {
        List<String> padded = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            padded.add(columns.get(c).numeric() ? pad + cell : cell + pad);
        }
        return String.join("  ", padded).stripTrailing();
    }

    private String csv() {
        StringBuilder out = new StringBuilder();
        out.append(columns.stream().map(c -> csvCell(c.header())).collect(Collectors.joining(","))).append("\r\n");
        for (List<String> row : rows) {
            out.append(row.stream().map(TextTable::csvCell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String csvCell(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private String markdown() {
        StringBuilder out = new StringBuilder();
        if (!title.isEmpty()) {
            out.append("### ").append(markdownCell(title)).append("\n\n");
        }
        out.append("| ").append(columns.stream().map(c -> markdownCell(c.header())).collect(Collectors.joining(" | "))).append(" |\n");
        out.append("|").append(columns.stream().map(c -> c.numeric() ? "---:" : "---").collect(Collectors.joining("|"))).append("|\n");
        for (List<String> row : rows) {
            out.append("| ").append(row.stream().map(TextTable::markdownCell).collect(Collectors.joining(" | "))).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append(markdownCell(n)).append("\n\n"));
        }
        return out.toString();
    }

    private static String markdownCell(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
