package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.ChampionshipSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Adds a race's results file (a game's result file, or a table) to a championship "
        + "directory; the championship must load with it, or nothing changes.")
final class ResultsImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<championship-dir>")
    Path dir;

    @Parameters(index = "1", paramLabel = "<race>")
    String race;

    @Parameters(index = "2", paramLabel = "<file>", description = "A game's result file (see pitwall inspect), or a table: .md, .csv or .json.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Championship before = ChampionshipFiles.load(dir);
        Race r = before.requireRace(race);
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!ChampionshipFiles.RESULT_EXTENSIONS.contains(ext)) {
            spec.commandLine().getErr().println(file + ": expected a results file ending in ." + String.join(", .", ChampionshipFiles.RESULT_EXTENSIONS));
            return Pitwall.INPUT_ERROR;
        }
        byte[] bytes = Files.readAllBytes(file);
        String target = ChampionshipFiles.RESULTS + "/" + r.slug() + "." + ext;
        ChampionshipSource directory = ChampionshipSource.directory(dir);
        // The championship as it would be with the file: every check runs before anything is written.
        ChampionshipSource candidate = new ChampionshipSource() {
            @Override
            public Path path(String relative) {
                return relative.equals(target) ? file : directory.path(relative);
            }

            @Override
            public Optional<String> read(String relative) {
                return relative.equals(target) ? Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                        : isOtherResultsOfRace(relative) ? Optional.empty() : directory.read(relative);
            }

            @Override
            public Optional<byte[]> readBytes(String relative) {
                return relative.equals(target) ? Optional.of(bytes)
                        : isOtherResultsOfRace(relative) ? Optional.empty() : directory.readBytes(relative);
            }

            @Override
            public List<String> list(String folder) {
                List<String> names = new java.util.ArrayList<>(directory.list(folder).stream()
                        .filter(n -> !isOtherResultsOfRace(folder + "/" + n)).toList());
                if (folder.equals(ChampionshipFiles.RESULTS) && !names.contains(r.slug() + "." + ext)) {
                    names.add(r.slug() + "." + ext);
                }
                return names.stream().sorted().toList();
            }

            private boolean isOtherResultsOfRace(String relative) {
                return relative.startsWith(ChampionshipFiles.RESULTS + "/" + r.slug() + ".") && !relative.equals(target);
            }
        };
        Championship after = ChampionshipFiles.load(candidate);
        Path results = Files.createDirectories(dir.resolve(ChampionshipFiles.RESULTS));
        Path temp = Files.createTempFile(results, ".import-", ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, dir.resolve(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        for (String other : ChampionshipFiles.RESULT_EXTENSIONS) {
            if (!other.equals(ext)) {
                Files.deleteIfExists(results.resolve(r.slug() + "." + other));
            }
        }
        spec.commandLine().getOut().printf("%s: %s now has %d result rows from %s%n", after.name(), r.name(),
                after.resultOf(after.requireRace(r.name())).orElseThrow().rows().size(), file);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
