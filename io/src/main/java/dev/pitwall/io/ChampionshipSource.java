package dev.pitwall.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a championship's files come from: a directory, or texts held in memory (a database's revisions,
 * an upload). Paths are relative ({@code championship.yaml}, {@code results/race-1.md}) and are what error
 * messages name.
 */
public interface ChampionshipSource {

    /** The path error messages use for a file of this source. */
    Path path(String relative);

    /** The file's text, if the file exists. */
    Optional<String> read(String relative);

    /** The file's bytes, for formats that carry their own encoding (game result files). */
    default Optional<byte[]> readBytes(String relative) {
        return read(relative).map(text -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The names of the files in a folder, sorted. */
    List<String> list(String folder);

    static ChampionshipSource directory(Path dir) {
        return new Directory(dir);
    }

    /** Texts by relative path, for example {@code Map.of("championship.yaml", yaml, "results/race-1.md", table)}. */
    static ChampionshipSource of(Map<String, String> files) {
        return new InMemory(new TreeMap<>(files));
    }

    record Directory(Path dir) implements ChampionshipSource {
        @Override
        public Path path(String relative) {
            return dir.resolve(relative);
        }

        @Override
        public Optional<String> read(String relative) {
            Path file = dir.resolve(relative);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(ChampionshipFiles.readText(file));
        }

        @Override
        public Optional<byte[]> readBytes(String relative) {
            Path file = dir.resolve(relative);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
            }
        }

        @Override
        public List<String> list(String folder) {
            Path d = dir.resolve(folder);
            if (!Files.isDirectory(d)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(d)) {
                return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted().toList();
            } catch (NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                throw InvalidInputException.at(d, 0, "cannot be listed: " + e.getMessage());
            }
        }
    }

    record InMemory(Map<String, String> files) implements ChampionshipSource {
        public InMemory {
            files = Map.copyOf(files);
        }

        @Override
        public Path path(String relative) {
            return Path.of(relative);
        }

        @Override
        public Optional<String> read(String relative) {
            return Optional.ofNullable(files.get(Path.of(relative).normalize().toString()));
        }

        @Override
        public List<String> list(String folder) {
            String prefix = folder.endsWith("/") ? folder : folder + "/";
            return files.keySet().stream().filter(k -> k.startsWith(prefix) && !k.substring(prefix.length()).contains("/"))
                    .map(k -> k.substring(prefix.length())).sorted().toList();
        }
    }
}
