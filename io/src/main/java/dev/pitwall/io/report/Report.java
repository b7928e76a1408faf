package dev.pitwall.io.report;

/**
 * Something Pitwall prints: as JSON it is the record itself; as a table, CSV or Markdown it is its
 * {@link #table()}.
 */
public interface Report {

    TextTable table();

    default String render(Format format) {
        return format == Format.JSON ? Json.write(this) : table().render(format);
    }
}
