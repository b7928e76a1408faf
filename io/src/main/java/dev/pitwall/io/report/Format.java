package dev.pitwall.io.report;

/** How a report is printed. */
public enum Format {
    TABLE, JSON, CSV, MARKDOWN
}
