package dev.pitwall.server;

import dev.pitwall.io.report.Json;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Credential;
import dev.pitwall.store.RevisionFeed;
import dev.pitwall.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The event streams under concurrent writers, resumed streams, clients that never read, and servers sharing PostgreSQL. */
class EventsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String GT = "/api/championships/gtws-2024-nations-cup";

    @TempDir
    Path data;

    final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    /** A running server over a store, and a steward's token. */
    record Running(PitwallServer server, Store store, String steward) {
    }

    Running start(Store store, boolean importExample) {
        Championships championships = new Championships(store);
        if (importExample) {
            championships.importDirectory(Path.of("..", "examples", "gtws-2024-nations-cup"), "organizer");
        }
        RevisionFeed feed = RevisionFeed.follow(store, championships::heard);
        PitwallServer server = PitwallServer.start(championships, store, "127.0.0.1", 0);
        opened.add(store);
        opened.add(feed);
        opened.add(server::stop);
        return new Running(server, store, store.createToken("steward-" + UUID.randomUUID(), Credential.Role.STEWARD));
    }

    /** One client's stream: the revision ids it received, in order. */
    static final class Stream {
        final List<Integer> ids = new CopyOnWriteArrayList<>();
        final CountDownLatch following = new CountDownLatch(1);

        static Stream open(int port, String lastEventId) {
            Stream s = new Stream();
            Thread.ofVirtual().start(() -> {
                try {
                    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + GT + "/events"))
                            .header("Accept", "text/event-stream");
                    if (lastEventId != null) {
                        request.header("Last-Event-ID", lastEventId);
                    }
                    var r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (var in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (line.startsWith(": following")) {
                                s.following.countDown();
                            } else if (line.startsWith("id:")) {
                                synchronized (s) {
                                    s.ids.add(Integer.parseInt(line.substring(3).strip()));
                                    s.notifyAll();
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    // the stream ends with the server
                }
            });
            return s;
        }

        Stream followed() throws InterruptedException {
            assertThat(following.await(30, TimeUnit.SECONDS)).as("the stream is followed").isTrue();
            return this;
        }

        /** Waits until the stream has every revision up to {@code last}; the wait is on the condition, not the clock. */
        synchronized void awaitUpTo(int last) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((ids.isEmpty() || ids.getLast() < last) && System.nanoTime() < deadline) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
    }

    static int post(int port, String token, int writer, int i) throws Exception {
        String body = Json.write(Map.of("type", "time-penalty", "driver", "Jose Serrano", "seconds", 1,
                "reason", "writer " + writer + ", write " + i));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + GT + "/races/grand-final/penalties"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.mapper().readTree(r.body()).get("revision").asInt();
    }

    /** Every writer posts {@code each} decisions, all at once; returns the revisions they were told of. */
    static List<Integer> write(int writers, int each, Running... servers) throws Exception {
        List<Integer> revisions = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                Running target = servers[w % servers.length];
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        revisions.add(post(target.server().port(), target.steward(), writer, i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        return revisions;
    }

    @Test
    void eightClientsOfFourWritersGetAllSixtyRevisionsOnceInOrderAndAClientThatNeverReadsDelaysNothing() throws Exception {
        Running gt = start(Store.open(Store.embeddedUrl(data), "sa", "", Clock.systemUTC()), true);
        int port = gt.server().port();
        List<Stream> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clients.add(Stream.open(port, null).followed());
        }
        // A client that connects and never reads a byte.
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.getOutputStream().write(("GET " + GT + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            idle.getOutputStream().flush();

            List<Integer> written = write(4, 15, gt);

            assertThat(written).hasSize(60).doesNotHaveDuplicates();
            List<Integer> expected = IntStream.rangeClosed(5, 64).boxed().toList();
            assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
            for (Stream client : clients) {
                client.awaitUpTo(64);
                assertThat(client.ids).as("one client's events").containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aStreamResumedWithLastEventIdHasNoGap() throws Exception {
        Running gt = start(Store.open(Store.embeddedUrl(data), "sa", "", Clock.systemUTC()), true);
        write(2, 3, gt); // revisions 5 to 10, while nobody listens

        Stream resumed = Stream.open(gt.server().port(), "6").followed();
        write(1, 2, gt); // 11 and 12
        resumed.awaitUpTo(12);

        assertThat(resumed.ids).containsExactly(7, 8, 9, 10, 11, 12);
    }

    @Test
    void twoServersOnOnePostgresDatabaseDeliverEveryRevisionToEveryClientOfEach() throws Exception {
        String pg = System.getenv("PITWALL_TEST_POSTGRES_URL");
        assumeTrue(pg != null && !pg.isBlank(), "PITWALL_TEST_POSTGRES_URL names no PostgreSQL (./verify starts one)");
        String schema = "events" + UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(pg, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            c.createStatement().execute("create schema " + schema);
        }
        String url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Running one = start(Store.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), Clock.systemUTC()), true);
        Running two = start(Store.open(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"), Clock.systemUTC()), false);
        List<Stream> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clients.add(Stream.open(one.server().port(), null).followed());
            clients.add(Stream.open(two.server().port(), null).followed());
        }

        List<Integer> written = write(4, 10, one, two);

        List<Integer> expected = IntStream.rangeClosed(5, 44).boxed().toList();
        assertThat(written).containsExactlyInAnyOrderElementsOf(expected);
        for (Stream client : clients) {
            client.awaitUpTo(44);
            assertThat(client.ids).as("one client's events").containsExactlyElementsOf(expected);
        }
    }
}
