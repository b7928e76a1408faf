package dev.pitwall.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds many event-stream clients on a running {@code pitwall serve} and checks that each receives a revision written
 * while they are all connected; prints the server's resident memory before and after. Not a JMH benchmark: a load
 * tool, run by hand (docs/performance.md has its command and figures).
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.pitwall.bench.EventStreamLoad PORT PID STEWARD_TOKEN [CLIENTS]</pre>
 */
public final class EventStreamLoad {

    private static final String GT = "/api/championships/gtws-2024-nations-cup";

    private EventStreamLoad() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        String token = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        System.out.printf("server RSS before: %d MB%n", rssMb(pid));

        Selector selector = Selector.open();
        byte[] request = ("GET " + GT + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Map<SocketChannel, StringBuilder> received = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 * 1024);
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            received.put(channel, new StringBuilder());
        }
        int following = awaitEvery(selector, received, ": following", 120_000);
        System.out.printf("%d of %d clients following after %.1f s%n", following, clients, (System.nanoTime() - started) / 1e9);
        System.out.printf("server RSS with %d clients: %d MB%n", clients, rssMb(pid));

        long written = System.nanoTime();
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + GT + "/races/grand-final/penalties"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"time-penalty\", \"driver\": \"Jose Serrano\", \"seconds\": 1, "
                        + "\"reason\": \"ten thousand watching\"}")).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("write answered %d in %.1f ms%n", post.statusCode(), (System.nanoTime() - written) / 1e6);
        int delivered = awaitEvery(selector, received, "event: revision", 300_000);
        System.out.printf("%d of %d clients received the revision within %.1f s of the write%n", delivered, clients,
                (System.nanoTime() - written) / 1e9);
        System.out.printf("server RSS after: %d MB%n", rssMb(pid));
        for (SocketChannel c : received.keySet()) {
            c.close();
        }
    }

    /** Reads until every client's stream holds the text, or the time is up; returns how many hold it. */
    private static int awaitEvery(Selector selector, Map<SocketChannel, StringBuilder> received, String text, long millis)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long deadline = System.currentTimeMillis() + millis;
        List<SocketChannel> done = new ArrayList<>();
        received.forEach((c, s) -> {
            if (s.indexOf(text) >= 0) {
                done.add(c);
            }
        });
        int count = done.size();
        while (count < received.size() && System.currentTimeMillis() < deadline) {
            if (selector.select(1_000) == 0) {
                continue;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel c = (SocketChannel) key.channel();
                buffer.clear();
                int n = c.read(buffer);
                if (n < 0) {
                    key.cancel();
                    continue;
                }
                StringBuilder s = received.get(c);
                boolean had = s.indexOf(text) >= 0;
                s.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
                if (!had && s.indexOf(text) >= 0) {
                    count++;
                }
                if (s.length() > 4096 && s.indexOf(text) >= 0) {
                    s.setLength(0); // keep memory small once a client has what was awaited
                    s.append(text);
                }
            }
            selector.selectedKeys().clear();
        }
        return count;
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
