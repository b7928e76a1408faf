package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL loses nothing acknowledged and leaves nothing half written: the server is killed while several writers post
 * decisions, after a seeded random number of acknowledged writes (never after a delay), again and again, on the
 * embedded database and on PostgreSQL; {@code pitwall import} is killed at random points of its work.
 *
 * <p>The loop is short here; {@code -Dpitwall.kills=120} runs the long one (docs/operations.md has its figures).
 */
class CrashIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GT = "/api/championships/gtws-2024-nations-cup";
    private static final List<String> DRIVERS = List.of("Jose Serrano", "Kylian Drumont", "Takuma Miyazono", "Valerio Gallo");
    private static final int KILLS = Integer.getInteger("pitwall.kills", 3);
    private static final int WRITERS = Integer.getInteger("pitwall.writers", 4);

    @TempDir
    Path data;

    /** H2, and PostgreSQL where one is named; {@code -Dpitwall.databases=h2} (or {@code postgres}) for one of them. */
    static List<String> databases() {
        String only = System.getProperty("pitwall.databases", "h2,postgres");
        List<String> databases = new ArrayList<>();
        if (only.contains("h2")) {
            databases.add("h2");
        }
        String pg = System.getenv("PITWALL_TEST_POSTGRES_URL");
        if (only.contains("postgres") && pg != null && !pg.isBlank()) {
            databases.add(pg);
        }
        return databases;
    }

    /** The --db for a run: the embedded database in the temporary directory, or a fresh PostgreSQL schema. */
    private String db(String database) throws Exception {
        if (database.equals("h2")) {
            return "jdbc:h2:file:" + data.resolve("pitwall");
        }
        String schema = "crash" + UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(database, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            c.createStatement().execute("create schema " + schema);
        }
        return database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void killedAgainAndAgainWhileSeveralWritersPostNoAcknowledgedRevisionIsLostOrNumberedTwice(String database) throws Exception {
        String db = db(database);
        Random random = new Random(Long.getLong("pitwall.seed", 17));
        Map<Integer, String> acknowledged = new HashMap<>();
        String token = null;
        for (int kill = 0; kill < KILLS; kill++) {
            Pitwall.Server server = Pitwall.serve(ROOT, data, db);
            try {
                if (token == null) {
                    // Beside the running server: on the embedded database the server makes it (its door file).
                    token = Pitwall.run(ROOT, data, "token", "create", "--name", "sam", "--role", "steward", "--db", db).lines()
                            .filter(l -> l.startsWith("pw_")).findFirst().orElseThrow();
                }
                verify(server, acknowledged);
                acknowledged.putAll(writeUntilKilled(server, token, kill, 3 + random.nextInt(25)));
            } finally {
                server.process().destroyForcibly();
                server.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
        Pitwall.Server last = Pitwall.serve(ROOT, data, db);
        try {
            verify(last, acknowledged);
            assertThat(acknowledged.size()).as("writes acknowledged over " + KILLS + " kills").isGreaterThanOrEqualTo(KILLS * 3);
            System.out.printf("%s: %d kills, %d writers, %d writes acknowledged, none lost, none numbered twice%n",
                    database.equals("h2") ? "H2" : "PostgreSQL", KILLS, WRITERS, acknowledged.size());
        } finally {
            last.process().destroy();
            last.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Every acknowledged revision is there, with the reason its writer gave; the numbers run 1, 2, 3 ... once each. */
    private static void verify(Pitwall.Server server, Map<Integer, String> acknowledged) throws Exception {
        JsonNode history = Json.mapper().readTree(get(server.port(), GT + "/history").body()).get("history");
        Map<Integer, String> reasons = new HashMap<>();
        int expected = 1;
        for (JsonNode r : history) {
            assertThat(r.get("revision").asInt()).as("revision numbers run on without gaps or repeats").isEqualTo(expected++);
            reasons.put(r.get("revision").asInt(), r.get("reason").asText());
        }
        acknowledged.forEach((number, reason) ->
                assertThat(reasons.get(number)).as("acknowledged revision " + number).isEqualTo(reason));
        assertThat(get(server.port(), GT + "/standings").statusCode()).isEqualTo(200);
    }

    /** Writers post until the server is killed, which happens once {@code target} writes are acknowledged. */
    private static Map<Integer, String> writeUntilKilled(Pitwall.Server server, String token, int kill, int target) throws Exception {
        Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        CountDownLatch reached = new CountDownLatch(1);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; server.process().isAlive(); i++) {
                    String reason = "kill " + kill + ", writer " + writer + ", write " + i;
                    String body = Json.write(Map.of("type", "time-penalty", "driver", DRIVERS.get((writer + i) % DRIVERS.size()),
                            "seconds", 1, "reason", reason));
                    try {
                        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + GT
                                        + "/races/grand-final/penalties")).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                        int revision = Json.mapper().readTree(r.body()).get("revision").asInt();
                        assertThat(r.headers().firstValue("ETag")).contains("\"" + revision + "\"");
                        assertThat(acknowledged.put(revision, reason)).as("revision " + revision + " acknowledged twice").isNull();
                        if (count.incrementAndGet() >= target) {
                            reached.countDown();
                        }
                    } catch (IOException e) {
                        return; // the server is gone
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Throwable e) {
                        failures.add(e);
                        reached.countDown();
                        return;
                    }
                }
            }));
        }
        assertThat(reached.await(5, TimeUnit.MINUTES)).as(target + " writes acknowledged").isTrue();
        server.process().destroyForcibly(); // SIGKILL, with writes in flight
        server.process().waitFor(60, TimeUnit.SECONDS);
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failures).as("what the writers saw").isEmpty();
        return acknowledged;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anImportKilledAtRandomPointsLeavesAllOrNothing() throws Exception {
        Path example = ROOT.resolve("examples/gtws-2024-nations-cup");
        Path empty = Files.createDirectories(data.resolve("no-examples"));
        Random random = new Random(23);
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir = data.resolve("attempt" + attempt);
            String url = "jdbc:h2:file:" + dir.resolve("pitwall");
            Process p = Pitwall.start(ROOT, data, "import", example.toString(), "--db", url);
            // Killed once the database file has grown past a random size: anywhere from its creation to the end.
            long size = random.nextInt(40_000);
            Path file = dir.resolve("pitwall.mv.db");
            while (p.isAlive() && !(Files.exists(file) && Files.size(file) >= size)) {
                Thread.onSpinWait();
            }
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);

            Process again = Pitwall.start(ROOT, data, "import", example.toString(), "--db", url);
            String out = new String(again.getInputStream().readAllBytes());
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // Either the killed import committed everything (this one is refused as a duplicate) or nothing (this one
            // imports all 4 revisions).
            assertThat(out).containsAnyOf("at revision 4", "already exists");
            Pitwall.Server server = Pitwall.serve(empty, data, url);
            try {
                JsonNode list = Json.mapper().readTree(get(server.port(), "/api/championships").body());
                assertThat(list).hasSize(1);
                assertThat(list.get(0).get("revision").asInt()).isEqualTo(4);
            } finally {
                server.process().destroy();
                server.process().waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    /** The packaged {@code pitwall} as a process. */
    static final class Pitwall {
        private static final Path JAR = ROOT.resolve("cli/target/pitwall.jar");
        private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

        record Server(Process process, int port) {
        }

        static Process start(Path home, Path data, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PITWALL_HOME", home.toString());
            builder.environment().put("PITWALL_DATA", data.toString());
            return builder.start();
        }

        static String run(Path home, Path data, String... args) throws Exception {
            Process p = start(home, data, args);
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        }

        /** Starts a server and returns it with its port, read from the line that says it serves. */
        static Server serve(Path home, Path data, String db) throws Exception {
            Process p = start(home, data, "serve", "--port", "0", "--db", db);
            var out = p.inputReader();
            var serving = java.util.regex.Pattern.compile("Pitwall serving http://127\\.0\\.0\\.1:(\\d+)/");
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                var m = serving.matcher(line);
                if (m.find()) {
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                    return new Server(p, Integer.parseInt(m.group(1)));
                }
            }
            p.destroyForcibly();
            throw new AssertionError("the server did not start:\n" + seen);
        }
    }
}
