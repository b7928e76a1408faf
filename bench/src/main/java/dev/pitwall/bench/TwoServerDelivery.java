package dev.pitwall.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a revision written on one server takes to reach the event-stream clients of another server on the same
 * PostgreSQL database: writes alternate between the two, and each is timed from the moment its 201 arrives to the moment
 * the other server's client has it. A load tool, run by hand (docs/performance.md has its command and figures).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.pitwall.bench.TwoServerDelivery PORT_A PORT_B STEWARD_TOKEN [WRITES]</pre>
 */
public final class TwoServerDelivery {

    private static final String GT = "/api/championships/gtws-2024-nations-cup";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwoServerDelivery() {
    }

    public static void main(String[] args) throws Exception {
        int[] ports = {Integer.parseInt(args[0]), Integer.parseInt(args[1])};
        String token = args[2];
        int writes = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        List<Map<Integer, Long>> arrivals = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        CountDownLatch following = new CountDownLatch(2);
        for (int s = 0; s < 2; s++) {
            int server = s;
            Thread.ofVirtual().start(() -> follow(ports[server], arrivals.get(server), following));
        }
        if (!following.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event streams did not open");
        }
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            int writer = i % 2;
            int other = 1 - writer;
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[writer] + GT
                            + "/races/grand-final/penalties")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", "
                            + "\"seconds\": 1, \"reason\": \"delivery " + i + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            int revision = Integer.parseInt(r.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            long deadline = answered + TimeUnit.SECONDS.toNanos(10);
            while (!arrivals.get(other).containsKey(revision) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            Long at = arrivals.get(other).get(revision);
            delays.add(at == null ? Double.POSITIVE_INFINITY : Math.max(0, at - answered) / 1e6);
        }
        delays.sort(null);
        System.out.printf("%d writes alternating between two servers; the other server's client had each after the 201: "
                + "median %.1f ms, max %.1f ms%n", writes, delays.get(delays.size() / 2), delays.getLast());
    }

    private static void follow(int port, Map<Integer, Long> arrivals, CountDownLatch following) {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + GT + "/events"))
                            .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(": following")) {
                        following.countDown();
                    } else if (line.startsWith("id:")) {
                        arrivals.put(Integer.parseInt(line.substring(3).strip()), System.nanoTime());
                    }
                }
            }
        } catch (Exception e) {
            // the stream ends with the server
        }
    }
}
