package dev.pitwall.cli;

import dev.pitwall.store.Championships;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import", description = "Imports a championship directory into the database, all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<dir>", description = "Championship directory (holding championship.yaml).")
    Path dir;

    @Option(names = "--author", defaultValue = "${sys:user.name}", description = "Who imports (default: the user's name).")
    String author;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (var store = database.open()) {
            var at = new Championships(store).importDirectory(dir, author);
            spec.commandLine().getOut().printf("imported %s as %s at revision %d%n", dir, at.id(), at.revision());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
