package dev.pitwall.cli;

import dev.pitwall.store.Championships;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Imports a championship directory, all or nothing; beside a running server on the embedded database, the server does it. */
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
        String directory = dir.toAbsolutePath().normalize().toString();
        String[] imported = database.viaServerOrStore(
                server -> server.call("POST", "/local/import", Optional.of(Map.of("directory", directory, "author", author)))
                        .map(json -> new String[] {json.get("id").asText(), json.get("revision").asText()}),
                store -> {
                    var at = new Championships(store).importDirectory(dir, author);
                    return new String[] {at.id(), Integer.toString(at.revision())};
                });
        spec.commandLine().getOut().printf("imported %s as %s at revision %s%n", dir, imported[0], imported[1]);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
