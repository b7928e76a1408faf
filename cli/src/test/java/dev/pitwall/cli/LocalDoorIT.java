package dev.pitwall.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pitwall token} and {@code pitwall import} beside a running {@code pitwall serve} on the embedded database: they
 * go through the server's door, and the server answers every read before and after as it did.
 */
class LocalDoorIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private static int get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Integer> reads(int port) throws Exception {
        return List.of(get(port, "/api/championships"), get(port, "/api/championships/gtws-2024-nations-cup/standings"),
                get(port, "/api/championships/gtws-2024-nations-cup/history"));
    }

    @Test
    void tokensAndImportsGoThroughTheRunningServerWhichNeverFalters() throws Exception {
        String db = "jdbc:h2:file:" + data.resolve("pitwall");
        CrashIT.Pitwall.Server server = CrashIT.Pitwall.serve(ROOT, data, db);
        try {
            int port = server.port();
            Path door = data.resolve("pitwall.server.json");
            assertThat(door).exists();
            assertThat(Files.getPosixFilePermissions(door)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            assertThat(reads(port)).containsOnly(200);

            String token = CrashIT.Pitwall.run(ROOT, data, "token", "create", "--name", "olivia", "--role", "organizer", "--db", db)
                    .lines().filter(l -> l.startsWith("pw_")).findFirst().orElseThrow();
            assertThat(reads(port)).containsOnly(200);
            assertThat(CrashIT.Pitwall.run(ROOT, data, "token", "list", "--db", db)).contains("olivia").contains("organizer")
                    .doesNotContain(token.strip());

            // The token works at once, on the server that made it.
            var created = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/championships/gtws-2024-nations-cup/races/race-1/status"))
                    .header("Authorization", "Bearer " + token.strip())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"final\", \"reason\": \"confirmed\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            Path copy = data.resolve("gt-copy");
            CliTest.copy(ROOT.resolve("examples/gtws-2024-nations-cup"), copy);
            assertThat(CrashIT.Pitwall.run(ROOT, data, "import", copy.toString(), "--db", db)).contains("as gt-copy at revision 4");
            assertThat(get(port, "/api/championships/gt-copy/standings")).isEqualTo(200);

            assertThat(CrashIT.Pitwall.run(ROOT, data, "token", "revoke", "olivia", "--db", db)).contains("revoked");
            var refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/championships/gtws-2024-nations-cup/races/race-2/status"))
                    .header("Authorization", "Bearer " + token.strip())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"final\", \"reason\": \"confirmed\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(reads(port)).containsOnly(200);
        } finally {
            server.process().destroy();
            server.process().waitFor(60, TimeUnit.SECONDS);
        }
        // A clean stop closes the door; the database then opens here again.
        assertThat(data.resolve("pitwall.server.json")).doesNotExist();
        assertThat(CrashIT.Pitwall.run(ROOT, data, "token", "list", "--db", db)).doesNotContain("olivia");
    }

    @Test
    void aDoorLeftByAKilledServerIsIgnored() throws Exception {
        String db = "jdbc:h2:file:" + data.resolve("pitwall");
        CrashIT.Pitwall.Server server = CrashIT.Pitwall.serve(ROOT, data, db);
        server.process().destroyForcibly();
        server.process().waitFor(60, TimeUnit.SECONDS);
        assertThat(data.resolve("pitwall.server.json")).exists();

        assertThat(CrashIT.Pitwall.run(ROOT, data, "token", "create", "--name", "sam", "--role", "steward", "--db", db).lines())
                .anyMatch(l -> l.startsWith("pw_"));
        assertThat(Set.of(CrashIT.Pitwall.run(ROOT, data, "token", "list", "--db", db).split("\\s+"))).contains("sam", "steward");
    }
}
