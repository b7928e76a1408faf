package dev.pitwall.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads results as CSV with a header: {@code position,driver,country,time,points}; {@code country}
 * and {@code points} may be left out, and {@code driver} may carry the country as in published tables.
 */
final class CsvResultsReader {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();

    private CsvResultsReader() {
    }

    static List<PublishedRow> read(Path file, String text) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<PublishedRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema).readValues(text)) {
            List<String> header = null;
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                Map<String, String> row = it.nextValue();
                if (header == null) {
                    header = List.copyOf(((CsvSchema) it.getParser().getSchema()).getColumnNames());
                    for (String required : List.of("position", "driver")) {
                        if (!header.contains(required)) {
                            throw InvalidInputException.at(file, 1, "expected a header with the columns position, driver, "
                                    + "time and optionally country and points; \"" + required + "\" is missing");
                        }
                    }
                    for (String column : header) {
                        if (!List.of("position", "driver", "country", "time", "points").contains(column)) {
                            throw InvalidInputException.at(file, 1, "unknown column \"" + column
                                    + "\": expected position, driver, country, time, points");
                        }
                    }
                }
                rows.add(new PublishedRow(line, row.getOrDefault("position", ""), Optional.ofNullable(row.get("country")),
                        row.getOrDefault("driver", ""), row.getOrDefault("time", ""),
                        header.contains("points") ? Optional.of(row.getOrDefault("points", "")) : Optional.empty()));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InvalidInputException.at(file, line, "not well-formed CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
        return rows;
    }
}
