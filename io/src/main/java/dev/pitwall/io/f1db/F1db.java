package dev.pitwall.io.f1db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitwall.core.model.Points;
import dev.pitwall.io.InvalidInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads F1DB's source data (https://github.com/f1db/f1db, CC BY 4.0): {@code src/data/seasons/<year>/} with
 * {@code races/<NN>-<grand-prix>/race.yml}, {@code race-results.yml}, {@code sprint-race-results.yml},
 * {@code fastest-laps.yml}, {@code driver-standings.yml} and {@code constructor-standings.yml}.
 */
public final class F1db {

    public static final String ATTRIBUTION = "Formula 1 data from F1DB (https://github.com/f1db/f1db), licensed CC BY 4.0";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private F1db() {
    }

    /** The seasons directory under an F1DB checkout, or the directory itself if it already is one. */
    public static Path seasonsDir(Path root) {
        for (Path candidate : List.of(root.resolve("src/data/seasons"), root.resolve("seasons"), root)) {
            if (Files.isDirectory(candidate) && Files.isDirectory(candidate.resolve("1950"))) {
                return candidate;
            }
        }
        throw InvalidInputException.at(root, 0, "expected F1DB's data: a directory holding src/data/seasons/1950, ...");
    }

    /** Every season with results, in order. */
    public static List<F1dbSeason> readAll(Path root) {
        Path seasons = seasonsDir(root);
        try (Stream<Path> dirs = Files.list(seasons)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d{4}"))
                    .sorted()
                    .map(F1db::readSeason)
                    .filter(s -> !s.races().isEmpty())
                    .toList();
        } catch (IOException e) {
            throw InvalidInputException.at(seasons, 0, "cannot be listed: " + e.getMessage());
        }
    }

    public static F1dbSeason readSeason(Path seasonDir) {
        int year = Integer.parseInt(seasonDir.getFileName().toString());
        List<F1dbRace> races = new ArrayList<>();
        Path racesDir = seasonDir.resolve("races");
        if (Files.isDirectory(racesDir)) {
            try (Stream<Path> dirs = Files.list(racesDir)) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    if (Files.exists(dir.resolve("race-results.yml"))) {
                        races.add(readRace(dir));
                    }
                }
            } catch (IOException e) {
                throw InvalidInputException.at(racesDir, 0, "cannot be listed: " + e.getMessage());
            }
        }
        return new F1dbSeason(year, races, standings(seasonDir.resolve("driver-standings.yml"), false),
                standings(seasonDir.resolve("constructor-standings.yml"), true));
    }

    private static F1dbRace readRace(Path dir) {
        JsonNode race = read(dir.resolve("race.yml"));
        JsonNode laps = race.get("laps");
        List<F1dbRace.F1dbFastestLap> fastest = new ArrayList<>();
        for (JsonNode row : list(dir.resolve("fastest-laps.yml"))) {
            if ("1".equals(text(row, "position"))) {
                fastest.add(new F1dbRace.F1dbFastestLap(text(row, "driverId"), row.path("driverNumber").asInt()));
            }
        }
        return new F1dbRace(race.path("round").asInt(), text(race, "grandPrixId"), text(race, "circuitId"),
                laps == null || laps.isNull() ? OptionalInt.empty() : OptionalInt.of(laps.asInt()),
                results(dir.resolve("sprint-race-results.yml")), results(dir.resolve("race-results.yml")), fastest,
                standings(dir.resolve("driver-standings.yml"), false), standings(dir.resolve("constructor-standings.yml"), true));
    }

    private static List<F1dbResult> results(Path file) {
        List<F1dbResult> rows = new ArrayList<>();
        for (JsonNode row : list(file)) {
            rows.add(new F1dbResult(text(row, "position"), row.path("driverNumber").asInt(), text(row, "driverId"),
                    text(row, "constructorId") + "|" + text(row, "engineManufacturerId"), row.path("sharedCar").asBoolean(false),
                    points(row, file), timePenalty(row, file)));
        }
        return rows;
    }

    private static List<F1dbStanding> standings(Path file, boolean constructors) {
        List<F1dbStanding> rows = new ArrayList<>();
        for (JsonNode row : list(file)) {
            String id = constructors ? text(row, "constructorId") + "|" + text(row, "engineManufacturerId") : text(row, "driverId");
            rows.add(new F1dbStanding(text(row, "position"), id, points(row, file)));
        }
        return rows;
    }

    private static Points points(JsonNode row, Path file) {
        JsonNode p = row.get("points");
        if (p == null || p.isNull()) {
            return Points.ZERO;
        }
        try {
            return Points.parse(p.asText());
        } catch (RuntimeException e) {
            throw InvalidInputException.at(file, 0, "expected points like 9 or 4.5, found \"" + p.asText() + "\"");
        }
    }

    /** F1DB's {@code timePenalty: "5.000"}: seconds added to the race time, already in the classified position. */
    private static java.time.Duration timePenalty(JsonNode row, Path file) {
        String seconds = text(row, "timePenalty");
        if (seconds.isEmpty()) {
            return java.time.Duration.ZERO;
        }
        try {
            return java.time.Duration.ofMillis(new java.math.BigDecimal(seconds).movePointRight(3).longValueExact());
        } catch (RuntimeException e) {
            throw InvalidInputException.at(file, 0, "expected a time penalty in seconds like 5.000, found \"" + seconds + "\"");
        }
    }

    private static List<JsonNode> list(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode node = read(file);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw InvalidInputException.at(file, 1, "expected a list of rows");
        }
        List<JsonNode> rows = new ArrayList<>();
        node.forEach(rows::add);
        return rows;
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InvalidInputException.at(file, line, "not well-formed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String text(JsonNode row, String key) {
        JsonNode n = row.get(key);
        return n == null || n.isNull() ? "" : n.asText();
    }
}
