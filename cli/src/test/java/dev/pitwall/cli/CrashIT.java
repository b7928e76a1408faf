package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killing Pitwall with SIGKILL loses no committed revision and leaves nothing half written: the server in the middle
 * of a stream of writes, and {@code pitwall import} in the middle of an import.
 */
class CrashIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = ROOT.resolve("cli/target/pitwall.jar");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GT = "/api/championships/gtws-2024-nations-cup";

    @TempDir
    Path data;

    private String db() {
        return "jdbc:h2:file:" + data.resolve("pitwall") + ";AUTO_SERVER=TRUE";
    }

    private Process pitwall(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PITWALL_HOME", ROOT.toString());
        return builder.start();
    }

    private String run(String... args) throws Exception {
        Process p = pitwall(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Starts a server and returns it with its port, read from its first line. */
    private record Server(Process process, int port) {
    }

    private Server serve() throws Exception {
        Process p = pitwall("serve", "--port", "0", "--db", db());
        BufferedReader out = p.inputReader(StandardCharsets.UTF_8);
        Pattern serving = Pattern.compile("Pitwall serving http://127\\.0\\.0\\.1:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
                return new Server(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the server did not start");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aServerKilledBetweenWritesLosesNoCommittedRevision() throws Exception {
        Server server = serve();
        String token = run("token", "create", "--name", "olivia", "--role", "organizer", "--db", db()).lines()
                .filter(l -> l.startsWith("pw_")).findFirst().orElseThrow();
        String race1 = Files.readString(ROOT.resolve("examples/gtws-2024-nations-cup/results/race-1.md"));
        List<Integer> acknowledged = new ArrayList<>();
        long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        Thread killer = Thread.ofVirtual().start(() -> {
            while (System.nanoTime() < killAt) {
                Thread.onSpinWait();
            }
            server.process().destroyForcibly(); // SIGKILL
        });
        for (int i = 0; i < 10_000 && server.process().isAlive(); i++) {
            // Alternate two tables so that every revision really changes something.
            String table = i % 2 == 0 ? race1 : race1.replace("+16.340 | 1 |", "+16.340 | 1 |\n");
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + GT + "/races/race-1/results"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/markdown")
                        .POST(HttpRequest.BodyPublishers.ofString(table)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                    acknowledged.add(Json.mapper().readTree(r.body()).get("revision").asInt());
                }
            } catch (IOException e) {
                break; // the server is gone
            }
        }
        killer.join();
        server.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(acknowledged).as("writes acknowledged before the kill").isNotEmpty();

        Server again = serve();
        try {
            JsonNode history = Json.mapper().readTree(get(again.port(), GT + "/history").body()).get("history");
            List<Integer> numbers = new ArrayList<>();
            history.forEach(r -> numbers.add(r.get("revision").asInt()));
            assertThat(numbers).containsAll(acknowledged);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i)).isEqualTo(i + 1);
            }
            int latest = numbers.getLast();
            var results = Json.mapper().readTree(get(again.port(), GT + "/races/race-1/results?revision=" + latest).body());
            assertThat(results.get("results")).hasSize(12);
            assertThat(get(again.port(), GT + "/standings").statusCode()).isEqualTo(200);
        } finally {
            again.process().destroy();
            again.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anImportKilledHalfWayLeavesAllOrNothing() throws Exception {
        Path example = ROOT.resolve("examples/gtws-2024-nations-cup");
        for (int attempt = 0; attempt < 6; attempt++) {
            Path db = data.resolve("attempt" + attempt);
            String url = "jdbc:h2:file:" + db.resolve("pitwall") + ";AUTO_SERVER=TRUE";
            Process p = pitwall("import", example.toString(), "--db", url);
            Thread.sleep(300L + attempt * 250L);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);

            String list = run("import", example.toString(), "--db", url);
            // Either the killed import committed everything (and this one is refused as a duplicate, status 2) or
            // nothing (and this one imports all 4 revisions).
            assertThat(list).contains("imported").contains("at revision 4");
        }
    }
}
