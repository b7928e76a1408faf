package dev.pitwall.cli;

import dev.pitwall.server.PitwallServer;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

@Command(name = "serve", description = "Serves the JSON API. The embedded database starts with the bundled examples.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Store store = database.open();
        Championships championships = new Championships(store);
        if (championships.list().isEmpty()) {
            for (Path example : bundledExamples()) {
                championships.importDirectory(example, "pitwall");
                out.println("imported " + example);
            }
        }
        PitwallServer server = PitwallServer.start(championships, store, host, port);
        out.printf("Pitwall serving http://%s:%d/api/championships (database: %s)%n", host, server.port(), store.url());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The championship directories under examples/ of the Pitwall installation (PITWALL_HOME) or the working directory. */
    static List<Path> bundledExamples() {
        String home = System.getenv("PITWALL_HOME");
        Path examples = (home == null ? Path.of(".") : Path.of(home)).resolve("examples");
        if (!Files.isDirectory(examples)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(examples)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("championship.yaml"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
