package dev.pitwall.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Credential;
import dev.pitwall.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real server on a loopback port, driven over HTTP, on the embedded database; {@link ServerOnPostgresIT} runs
 * the same on PostgreSQL.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class ServerIT {

    /** The temporary directory of the whole class (the database and the guessing test's own). */
    Path data;

    PitwallServer server;
    Store store;
    String organizer;
    String steward;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String GT = "/api/championships/gtws-2024-nations-cup";

    /** The database the server runs on. */
    Store open(Path dir) {
        return Store.open(Store.embeddedUrl(dir), "sa", "", Clock.systemUTC());
    }

    @BeforeAll
    void start(@TempDir Path dir) {
        data = dir;
        store = open(data);
        Championships championships = new Championships(store);
        championships.importDirectory(Path.of("..", "examples", "gtws-2024-nations-cup"), "organizer");
        organizer = store.createToken("olivia", Credential.Role.ORGANIZER);
        steward = store.createToken("sam", Credential.Role.STEWARD);
        server = PitwallServer.start(championships, store, "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        server.stop();
        store.close(); // before the temporary directory holding the database is removed
    }

    record Reply(int status, String contentType, String body) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(body);
        }
    }

    Reply get(String path) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    Reply post(String path, String token, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        var r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    int latest() throws Exception {
        return get(GT).json().get("revision").asInt();
    }

    @Test
    void standingsAreTheSameJsonAsTheCli() throws Exception {
        Reply r = get(GT + "/standings?after=race-2&revision=4");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.get("after").asText()).isEqualTo("Race 2");
        assertThat(json.get("standings").get(0).get("driver").asText()).isEqualTo("Jose Serrano");
        assertThat(json.get("standings").get(0).get("points").asInt()).isEqualTo(32);
        assertThat(get(GT + "/races/grand-final/results?revision=4").json().get("results").get(0).get("points").asInt()).isEqualTo(24);
        assertThat(get(GT + "/races/grand-final/grid").json().get("grid").get(0).get("driver").asText()).isEqualTo("Jose Serrano");
    }

    @Test
    void writesWithoutATokenOrWithTheWrongRoleAreRefusedAndChangeNothing() throws Exception {
        int before = latest();
        String penalty = "{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", \"seconds\": 5, \"reason\": \"test\"}";

        Reply none = post(GT + "/races/grand-final/penalties", null, penalty);
        Reply bad = post(GT + "/races/grand-final/penalties", "pw_not_a_token", penalty);
        Reply wrongRole = post(GT + "/races/race-1/status", steward, "{\"status\": \"final\", \"reason\": \"test\"}");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(wrongRole.json().get("detail").asText()).contains("sam is a steward").contains("organizer");
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    void malformedInputIs400WithTheLineAndChangesNothing() throws Exception {
        int before = latest();

        Reply table = post(GT + "/races/race-1/results", organizer, "Rank | Driver | Time\n---|---|---\n1 | Valerio Gallo | 17'4x.179\n",
                "Content-Type", "text/markdown");
        Reply json = post(GT + "/races/grand-final/penalties", steward, "{\"type\": \"time-penalty\",");
        Reply driver = post(GT + "/races/grand-final/penalties", steward,
                "{\"type\": \"time-penalty\", \"driver\": \"Nobody\", \"seconds\": 5, \"reason\": \"test\"}");

        assertThat(table.status()).isEqualTo(400);
        JsonNode error = table.json().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("results/race-1.md");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("message").asText()).startsWith("expected a time like 17'47.179");
        assertThat(json.status()).isEqualTo(400);
        assertThat(driver.status()).isEqualTo(400);
        assertThat(driver.json().get("errors").get(0).get("message").asText()).contains("unknown driver \"Nobody\"");
        assertThat(latest()).isEqualTo(before);
    }

    @Test
    void aGamesResultFileIsAcceptedAsItIs() throws Exception {
        var league = Path.of("..", "examples", "rf2-sebring-league");
        var bytes = java.nio.file.Files.readAllBytes(league.resolve("championship.yaml"));
        Reply created = post("/api/championships?id=sebring-league", organizer, new String(bytes, StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var xml = java.nio.file.Files.readAllBytes(league.resolve("results/round-1.xml")); // Latin-1, as the game wrote it
        var r = HTTP.send(HttpRequest.newBuilder(uri("/api/championships/sebring-league/races/round-1/results"))
                .header("Authorization", "Bearer " + organizer).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode results = get("/api/championships/sebring-league/races/round-1/results").json().get("results");
        assertThat(results.get(2).get("driver").asText()).isEqualTo("Gérard larrousse");
    }

    @Test
    void aRace07TextFileIsAcceptedAndClassifiedByLapsAndTime() throws Exception {
        String yaml = """
                championship: Sepang Touring
                points: [12, 10, 8, 6, 5, 4, 3, 2, 1]
                rounds: [{name: Sepang, races: [{name: Sepang}]}]
                entrants: [{name: oron}, {name: ebitorium}, {name: DANKE}, {name: sato}, {name: satopon}, {name: jetro},
                           {name: Applemint}, {name: nawo}, {name: Ozzy-JPN-}, {name: buriburi}, {name: "taka&tomo"}, {name: zaurus_jr}]
                """;
        assertThat(post("/api/championships?id=sepang-touring", organizer, yaml).status()).isEqualTo(201);
        var txt = java.nio.file.Files.readAllBytes(Path.of("..", "..", "shared", "data", "sim-results", "race07",
                "1h-Racer_2010_09_20_22_37_09_Race1.txt"));
        var r = HTTP.send(HttpRequest.newBuilder(uri("/api/championships/sepang-touring/races/sepang/results"))
                .header("Authorization", "Bearer " + organizer).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(txt)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode standings = get("/api/championships/sepang-touring/standings").json().get("standings");
        assertThat(standings.get(0).get("driver").asText()).isEqualTo("zaurus_jr");
        assertThat(standings.get(0).get("points").asText()).isEqualTo("12");
    }

    @Test
    void unknownThingsAre404() throws Exception {
        assertThat(get("/api/championships/no-such-cup").status()).isEqualTo(404);
        assertThat(get(GT + "/races/race-9/results").status()).isEqualTo(404);
        assertThat(get(GT + "/standings?revision=999").status()).isEqualTo(404);
        assertThat(get("/nowhere").status()).isEqualTo(404);
    }

    @Test
    void openApiDescribesTheApi() throws Exception {
        JsonNode spec = get("/openapi.json").json();

        assertThat(spec.get("openapi").asText()).startsWith("3.");
        assertThat(spec.get("paths").has("/api/championships/{id}/standings")).isTrue();
        assertThat(spec.get("paths").has("/api/championships/{id}/races/{race}/penalties")).isTrue();
    }

    @Test
    void aStewardsPenaltyFlowsAnnouncedRecordedAndRevertedExactly() throws Exception {
        int before = latest();
        JsonNode standingsBefore = get(GT + "/standings").json().get("standings");
        BlockingQueue<String> events = new ArrayBlockingQueue<>(16);
        java.util.concurrent.CountDownLatch following = new java.util.concurrent.CountDownLatch(1);
        Thread listener = Thread.ofVirtual().start(() -> {
            try {
                var r = HTTP.send(HttpRequest.newBuilder(uri(GT + "/events")).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (var in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith(": following")) {
                            following.countDown();
                        }
                        if (line.startsWith("data:")) {
                            events.add(line.substring(5).strip());
                        }
                    }
                }
            } catch (Exception e) {
                // the stream ends when the test stops the server
            }
        });
        assertThat(following.await(30, TimeUnit.SECONDS)).as("the stream is followed").isTrue();

        Reply posted = post(GT + "/races/grand-final/penalties", steward,
                "{\"type\": \"time-penalty\", \"driver\": \"Takuma Miyazono\", \"seconds\": 12, \"reason\": \"Leaving the track\"}",
                "If-Match", "\"" + before + "\"");

        assertThat(posted.status()).isEqualTo(201);
        int penalised = posted.json().get("revision").asInt();
        assertThat(penalised).isEqualTo(before + 1);
        String event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("announced").isNotNull();
        JsonNode announced = Json.mapper().readTree(event);
        assertThat(announced.get("revision").asInt()).isEqualTo(penalised);
        assertThat(announced.get("standings").get("standings").get(0).get("driver").asText()).isEqualTo("Kylian Drumont");

        JsonNode results = get(GT + "/races/grand-final/results").json().get("results");
        assertThat(results.get(3).get("driver").asText()).isEqualTo("Takuma Miyazono");
        assertThat(results.get(3).get("penalties").get(0).get("reason").asText()).isEqualTo("Leaving the track");
        JsonNode history = get(GT + "/history").json().get("history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("author").asText()).isEqualTo("sam");
        assertThat(last.get("reason").asText()).isEqualTo("Leaving the track");
        assertThat(get(GT + "/standings?revision=" + before).json().get("standings")).isEqualTo(standingsBefore);

        Reply stale = post(GT + "/revisions/" + penalised + "/revert", steward, "{\"reason\": \"late\"}", "If-Match", "\"" + before + "\"");
        assertThat(stale.status()).isEqualTo(409);

        Reply reverted = post(GT + "/revisions/" + penalised + "/revert", steward, "{\"reason\": \"Overturned on appeal\"}");
        assertThat(reverted.status()).isEqualTo(201);
        assertThat(get(GT + "/standings").json().get("standings")).isEqualTo(standingsBefore);
        listener.interrupt();
    }

    /** Each input that once made a 500 (or a plain-text error) answers 4xx with a UTF-8 problem body and changes nothing. */
    @Test
    void unusableInputIsA4xxProblemInUtf8AndChangesNothing() throws Exception {
        int before = latest();
        String longReason = "x".repeat(3_000);

        List<String> why = List.of("a number above zero", "a number above zero", "the reason of at most 2000", "If-Match",
                "an id of 1 to 100", "an id of 1 to 100", "a championship's name of at most 200", "a race's name of at most 200",
                "a driver's name of at most 200", "no revision abc", "a revision number");
        List<Reply> sent = List.of(
                post(GT + "/races/grand-final/penalties", steward,
                        "{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", \"seconds\": 1e999, \"reason\": \"x\"}"),
                post(GT + "/races/grand-final/penalties", steward,
                        "{\"type\": \"points-deduction\", \"driver\": \"Jose Serrano\", \"points\": -3, \"reason\": \"x\"}"),
                post(GT + "/races/grand-final/penalties", steward,
                        "{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", \"seconds\": 5, \"reason\": \"" + longReason + "\"}"),
                post(GT + "/races/grand-final/penalties", steward,
                        "{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", \"seconds\": 5, \"reason\": \"x\"}",
                        "If-Match", "\"seven\""),
                post("/api/championships?id=" + "a".repeat(150), organizer, "championship: Long Id\npoints: [1]\nrounds: [{name: R, races: [{name: R1}]}]\n"
                        + "entrants: [{name: A}]\n"),
                post("/api/championships?id=!!!", organizer, "championship: Nowhere\npoints: [1]\nrounds: [{name: R, races: [{name: R1}]}]\n"
                        + "entrants: [{name: A}]\n"),
                post("/api/championships", organizer, "championship: " + "N".repeat(400) + "\npoints: [1]\nrounds: [{name: R, races: [{name: R1}]}]\n"
                        + "entrants: [{name: A}]\n"),
                post("/api/championships?id=long-race", organizer, "championship: Long Race\npoints: [1]\nrounds: [{name: R, races: [{name: "
                        + "R".repeat(400) + "}]}]\nentrants: [{name: A}]\n"),
                post("/api/championships?id=no-letters", organizer, "championship: No Letters\npoints: [1]\nrounds: [{name: R, races: [{name: R1}]}]\n"
                        + "entrants: [{name: \"!!!\"}]\n"),
                post(GT + "/revisions/abc/revert", steward, "{\"reason\": \"x\"}"),
                get(GT + "/standings?revision=-1"));

        for (int i = 0; i < sent.size(); i++) {
            Reply r = sent.get(i);
            assertThat(r.status()).as(r.body()).isBetween(400, 499);
            assertThat(r.body()).as("refused for its own reason").contains(why.get(i));
            assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json").containsIgnoringCase("charset=utf-8");
        }
        assertThat(latest()).isEqualTo(before);
        assertThat(get("/api/championships").json()).extracting(c -> c.get("id").asText())
                .doesNotContain("long-race", "no-letters", "");
        // Names outside ASCII come back as they were sent.
        Reply lopez = post(GT + "/races/grand-final/penalties", steward,
                "{\"type\": \"time-penalty\", \"driver\": \"Nicolás López\", \"seconds\": 5, \"reason\": \"x\"}");
        assertThat(lopez.status()).isEqualTo(400);
        assertThat(lopez.body()).contains("Nicolás López");
    }

    @Test
    void aGameFileOfAMegabyteIsReadAndOneOverTheLimitIsA413Problem() throws Exception {
        byte[] ams2 = java.nio.file.Files.readAllBytes(Path.of("..", "..", "shared", "data", "sim-results", "automobilista2",
                "missing.steam.ids.json"));
        var read = HTTP.send(HttpRequest.newBuilder(uri(GT + "/races/race-1/results")).header("Authorization", "Bearer " + organizer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(ams2)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Read, and refused for what it says (its drivers are not this championship's), not for its size.
        assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
        assertThat(read.body()).contains("unknown driver");

        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        var tooLarge = HTTP.send(HttpRequest.newBuilder(uri(GT + "/races/race-1/results")).header("Authorization", "Bearer " + organizer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void namesInOtherScriptsAreEntrantsOfTheirOwn() throws Exception {
        Reply created = post("/api/championships?id=japan-cup", organizer, """
                championship: Japan Cup
                points: [10, 6, 4, 3]
                rounds: [{name: Suzuka, races: [{name: 鈴鹿}]}]
                entrants: [{name: 宮園 拓真}, {name: 佐々木 拓真}, {name: Михаил Кузнецов}, {name: Иван Кузнецов}]
                """);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode entrants = get("/api/championships/japan-cup").json().get("entrants");
        assertThat(entrants).extracting(e -> e.get("driver").asText()).containsExactly("宮園 拓真", "佐々木 拓真", "Михаил Кузнецов", "Иван Кузнецов");
        assertThat(get("/api/championships/japan-cup").json().get("races").get(0).get("slug").asText()).isEqualTo("鈴鹿");
    }

    @Test
    void stewardsRevertDecisionsButNotAnOrganizersResults() throws Exception {
        int before = latest();
        var race1 = java.nio.file.Files.readString(Path.of("..", "examples", "gtws-2024-nations-cup", "results", "race-1.md"));
        Reply results = post(GT + "/races/race-1/results", organizer, race1, "Content-Type", "text/markdown");
        assertThat(results.status()).isEqualTo(201);
        int posted = results.json().get("revision").asInt();

        Reply bySteward = post(GT + "/revisions/" + posted + "/revert", steward, "{\"reason\": \"not mine to undo\"}");
        Reply byOrganizer = post(GT + "/revisions/" + posted + "/revert", organizer, "{\"reason\": \"posted twice\"}");

        assertThat(bySteward.status()).isEqualTo(403);
        assertThat(bySteward.json().get("detail").asText()).contains("an organizer reverts it");
        assertThat(byOrganizer.status()).isEqualTo(201);
        assertThat(latest()).isEqualTo(before + 2);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-eval").contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.body()).doesNotContain("<script>");
    }

    @Test
    void anAddressThatKeepsGuessingTokensIsMadeToWait() throws Exception {
        Store own = Store.open(Store.embeddedUrl(data.resolve("guessing")), "sa", "", Clock.systemUTC()); // its own failures
        PitwallServer guarded = PitwallServer.start(new Championships(own), own, "127.0.0.1", 0);
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i <= Access.FAILURES_ALLOWED; i++) {
                statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + "/api/championships"))
                        .header("Authorization", "Bearer pw_guess" + i).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(statuses.subList(0, Access.FAILURES_ALLOWED)).containsOnly(401);
            assertThat(statuses.getLast()).isEqualTo(429);
        } finally {
            guarded.stop();
            own.close();
        }
    }
}
