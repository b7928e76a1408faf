package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.EntryList;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.Slug;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A championship as a directory of files:
 * <pre>
 * championship.yaml      regulations, rounds and races, entry list
 * results/race-1.md      each race's results: Markdown table, .csv or .json, named by the race's slug
 * decisions.yaml         the stewards' decisions (optional)
 * </pre>
 * Loading is all or nothing: every file is checked, every problem is reported with its file and line,
 * and a championship is returned only when there is none.
 */
public final class ChampionshipFiles {

    public static final String REGULATIONS = "championship.yaml";
    public static final String DECISIONS = "decisions.yaml";
    public static final String RESULTS = "results";
    /** The endings of results files: Pitwall's tables, and the games' JSON, XML and text files. */
    public static final List<String> RESULT_EXTENSIONS = List.of("md", "csv", "json", "xml", "txt");

    private ChampionshipFiles() {
    }

    /** Reads the championship in {@code dir}, or throws an {@link InvalidInputException} listing every problem. */
    public static Championship load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw InvalidInputException.at(dir, 0, "expected a championship directory holding " + REGULATIONS);
        }
        return load(ChampionshipSource.directory(dir));
    }

    /** Reads a championship from any source of its files; all or nothing. */
    public static Championship load(ChampionshipSource source) {
        Path regulationsFile = source.path(REGULATIONS);
        String regulationsText = source.read(REGULATIONS)
                .orElseThrow(() -> InvalidInputException.at(regulationsFile, 0, "no such file"));
        RegulationsReader.Regulations regulations = RegulationsReader.read(regulationsFile, regulationsText);
        EntryList entries = new EntryList(regulations.entrants());
        List<Race> races = regulations.rounds().stream().flatMap(r -> r.races().stream()).toList();

        List<InputError> errors = new ArrayList<>();
        Map<String, RaceResult> results = new LinkedHashMap<>();
        List<Decision> decisions = new ArrayList<>();
        for (Race race : races) {
            try {
                resultsFile(source, race, regulations.resultFiles().get(race.name())).ifPresent(file -> {
                    RaceRead read = readRace(source.path(file), source.readBytes(file).orElseThrow(), race.name(), entries, regulations.carClass());
                    results.put(race.name(), read.result());
                    decisions.addAll(read.gameDecisions());
                });
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        errors.addAll(strayResultFiles(source, races, regulations.resultFiles()));

        Optional<String> decisionsText = source.read(DECISIONS);
        if (decisionsText.isPresent()) {
            try {
                decisions.addAll(DecisionsReader.read(source.path(DECISIONS), decisionsText.get(),
                        name -> races.stream().filter(r -> r.slug().equals(Slug.of(name))).findFirst(), entries));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            return new Championship(regulations.name(), regulations.rounds(), regulations.entrants(), regulations.scoring(),
                    results, decisions);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(regulationsFile, 0, e.getMessage());
        }
    }

    /**
     * Reads one results file for a race of the championship: {@code .md} (published table), {@code .csv} or
     * {@code .json}, by its extension.
     */
    public static RaceResult readResults(Path file, String race, EntryList entries) {
        try {
            return readResults(file, Files.readAllBytes(file), race, entries);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file, 0, "no such file");
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads results from a file's bytes: a game's result file (rFactor XML, Assetto Corsa Competizione or Assetto Corsa
     * server JSON, recognised by content) or Pitwall's own tables (Markdown, CSV, JSON) by extension.
     */
    public static RaceResult readResults(Path file, byte[] bytes, String race, EntryList entries) {
        return readRace(file, bytes, race, entries, Optional.empty()).result();
    }

    /** A race's results and, from a game's file, the decisions the game took (its penalties). */
    record RaceRead(RaceResult result, List<Decision> gameDecisions) {
    }

    private static RaceRead readRace(Path file, byte[] bytes, String race, EntryList entries, Optional<String> carClass) {
        if (dev.pitwall.io.sim.SimResults.isGameFile(bytes)) {
            GameResults.Imported imported = GameResults.read(file, dev.pitwall.io.sim.SimResults.read(file, bytes), carClass);
            RaceResult result = ResultRows.resolve(file, race, imported.rows(), entries);
            return new RaceRead(result, imported.decisions().stream().map(d -> d.about(race, result)).toList());
        }
        return new RaceRead(readText(file, bytes, race, entries), List.of());
    }

    private static RaceResult readText(Path file, byte[] bytes, String race, EntryList entries) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.at(file, 0, "expected UTF-8 text");
        }
        return readResults(file, text.startsWith("\uFEFF") ? text.substring(1) : text, race, entries);
    }

    /** Reads results held as text; {@code file}'s extension says the format and error messages name it. */
    public static RaceResult readResults(Path file, String text, String race, EntryList entries) {
        List<PublishedRow> rows = switch (extension(file)) {
            case "md", "markdown", "txt" -> MarkdownResultsReader.read(file, text);
            case "csv" -> CsvResultsReader.read(file, text);
            case "json" -> JsonResultsReader.read(file, text, race);
            default -> throw InvalidInputException.at(file, 0, "expected a results file ending in .md, .csv or .json, "
                    + "or a game's result file (rFactor XML, Assetto Corsa Competizione or Assetto Corsa server JSON)");
        };
        return ResultRows.resolve(file, race, rows, entries);
    }

    /** The results file of a race: the one the regulations name, or results/<slug>.md, .csv or .json. */
    private static Optional<String> resultsFile(ChampionshipSource source, Race race, Path named) {
        if (named != null) {
            String file = named.normalize().toString();
            if (source.read(file).isEmpty()) {
                throw InvalidInputException.at(source.path(REGULATIONS), 0, "the results of " + race.name() + " are said to be in "
                        + named + ", which does not exist");
            }
            return Optional.of(file);
        }
        List<String> present = source.list(RESULTS);
        List<String> found = RESULT_EXTENSIONS.stream().map(ext -> race.slug() + "." + ext).filter(present::contains)
                .map(name -> RESULTS + "/" + name).toList();
        if (found.size() > 1) {
            throw InvalidInputException.at(source.path(found.get(1)), 0, "a second results file for " + race.name() + " beside "
                    + source.path(found.getFirst()) + ": keep one");
        }
        return found.stream().findFirst();
    }

    private static List<InputError> strayResultFiles(ChampionshipSource source, List<Race> races, Map<String, Path> named) {
        List<String> slugs = races.stream().map(Race::slug).toList();
        List<String> namedFiles = named.values().stream().map(p -> p.normalize().toString()).toList();
        return source.list(RESULTS).stream()
                .filter(f -> !namedFiles.contains(RESULTS + "/" + f))
                .filter(f -> !slugs.contains(stem(f)))
                .map(f -> new InputError(source.path(RESULTS + "/" + f), 0, "no race called \"" + stem(f) + "\" in " + REGULATIONS
                        + "; races are: " + String.join(", ", races.stream().map(r -> r.slug() + " (" + r.name() + ")").toList())))
                .toList();
    }

    static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw InvalidInputException.at(file, 0, "expected UTF-8 text");
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
