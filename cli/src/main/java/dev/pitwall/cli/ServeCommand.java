package dev.pitwall.cli;

import dev.pitwall.server.PitwallServer;
import dev.pitwall.store.Championships;
import dev.pitwall.store.RevisionFeed;
import dev.pitwall.store.Store;
import dev.pitwall.store.StoreException;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Command(name = "serve", description = "Serves the JSON API and the page. The embedded database starts with the bundled examples.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String host;

    @Option(names = "--max-upload", defaultValue = "32", paramLabel = "<MB>",
            description = "Largest request body accepted, in MB: a game's result file (default: ${DEFAULT-VALUE}).")
    int maxUploadMb;

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        Store store = database.open();
        Championships championships = new Championships(store);
        importExamplesOnFirstStart(championships, out);
        Optional<Path> door = LocalServer.door(store.url());
        Optional<String> secret = door.map(d -> LocalServer.newSecret());
        PitwallServer server = PitwallServer.start(championships, store,
                new PitwallServer.Options(host, port, maxUploadMb * 1024L * 1024, secret));
        if (door.isPresent()) {
            LocalServer.open(door.get(), host, server.port(), secret.orElseThrow());
        }
        RevisionFeed feed = RevisionFeed.follow(store, championships::heard);
        var safetyNet = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("pitwall-catch-up").factory());
        if (door.isEmpty()) {
            // On a shared database, a notification lost with its connection is still delivered within seconds.
            safetyNet.scheduleWithFixedDelay(server::catchUpEvents, 5, 5, TimeUnit.SECONDS);
        }
        out.printf("Pitwall serving http://%s:%d/api/championships (database: %s)%n", host, server.port(), store.url());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            safetyNet.shutdownNow();
            feed.close();
            server.stop();
            door.ifPresent(d -> d.toFile().delete());
            store.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The bundled examples, all in one transaction: a first start that is killed leaves all of them or none. */
    private static void importExamplesOnFirstStart(Championships championships, PrintWriter out) {
        if (!championships.list().isEmpty()) {
            return;
        }
        List<Path> examples = bundledExamples();
        try {
            championships.importDirectories(examples, "pitwall");
            examples.forEach(e -> out.println("imported " + e));
        } catch (StoreException.Conflict e) {
            out.println("the examples were imported by another server meanwhile");
        }
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
