package dev.pitwall.server;

import dev.pitwall.store.Championships;
import dev.pitwall.store.Revision;
import io.javalin.http.sse.SseClient;

import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The event streams: every client of a championship receives every revision once, in order, whatever the number of
 * writers, and no client can slow a write down.
 *
 * <p>A write only tells the hub that revision <i>n</i> exists ({@link #published}); the hub's publisher thread reads the
 * revisions after the last one it published, in order, and offers each to every client's bounded queue. Each client
 * is served by a virtual thread of its own that takes from its queue and writes to the connection, so a client that
 * does not read blocks only itself: when its queue is full it is disconnected, and it resumes with {@code Last-Event-ID}, from which
 * the missing revisions are read back from the store before the queue is drained again.
 */
final class EventHub {

    /** Revisions a client may fall behind before it is disconnected (it resumes with Last-Event-ID). */
    static final int QUEUE = 256;
    /** A comment is sent this often on a quiet stream, so that proxies keep it open and dead clients are found. */
    private static final long HEARTBEAT_SECONDS = 20;

    /** An event as sent: the revision's number is its id. */
    record Event(int revision, String data) {
    }

    private final Championships championships;
    private final BiFunction<String, Revision, String> render;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    /** Publishes off the writer's thread: a write returns without waiting for the clients' queues to be filled. */
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("events-publisher").factory());

    EventHub(Championships championships, BiFunction<String, Revision, String> render) {
        this.championships = championships;
        this.render = render;
    }

    /** Revision {@code number} of a championship is written (here or by another server): publish up to it. */
    void published(String id, int number) {
        Channel channel = channels.get(id);
        if (channel != null) {
            publisher.execute(() -> channel.publishUpTo(number));
        }
    }

    /** Publishes whatever the store holds beyond what was published: a safety net for notifications that were lost. */
    void catchUp() {
        channels.forEach((id, channel) -> channel.publishUpTo(championships.latest(id)));
    }

    /**
     * Follows a championship for a client, from the revision after {@code lastEventId} (a resumed stream) or from the
     * next revision written; returns once the client has gone.
     */
    void follow(String id, SseClient client, OptionalInt lastEventId) {
        Channel channel = channels.computeIfAbsent(id, k -> new Channel(id, championships.latest(id)));
        Subscriber subscriber = new Subscriber(client);
        int from;
        int to;
        synchronized (channel) {
            to = channel.tip;
            from = Math.min(lastEventId.orElse(to), to);
            channel.subscribers.add(subscriber);
        }
        client.onClose(() -> channel.subscribers.remove(subscriber));
        Thread.ofVirtual().name("events-" + id).start(() -> subscriber.serve(id, from, to, channel));
    }

    void close() {
        publisher.shutdownNow();
        channels.values().forEach(c -> c.subscribers.forEach(s -> s.client.close()));
    }

    private Event event(String id, Revision revision) {
        return new Event(revision.number(), render.apply(id, revision));
    }

    /** One championship's clients and the last revision published to them. */
    private final class Channel {
        final String id;
        final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        int tip;

        Channel(String id, int tip) {
            this.id = id;
            this.tip = tip;
        }

        synchronized void publishUpTo(int number) {
            if (number <= tip) {
                return;
            }
            for (Revision r : championships.revisionsAfter(id, tip)) {
                if (r.number() > number) {
                    break;
                }
                Event event = event(id, r);
                subscribers.forEach(s -> s.offer(event));
                tip = r.number();
            }
        }
    }

    /** One client: its queue, and the thread that writes to it. */
    private final class Subscriber {
        final SseClient client;
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean overflowed;

        Subscriber(SseClient client) {
            this.client = client;
        }

        void offer(Event event) {
            if (!queue.offer(event) && !overflowed) {
                overflowed = true; // it resumes from its last event id when it reconnects
                queue.clear();
            }
        }

        /** Sends the revisions after {@code from} up to {@code to} from the store, then what the queue brings. */
        void serve(String id, int from, int to, Channel channel) {
            int sent = from;
            try {
                client.sendComment("following " + id + " from revision " + (from + 1));
                for (Revision r : championships.revisionsAfter(id, from)) {
                    if (r.number() > to || client.terminated()) {
                        break;
                    }
                    Event e = event(id, r);
                    client.sendEvent("revision", e.data(), Integer.toString(e.revision()));
                    sent = e.revision();
                }
                while (!client.terminated() && !overflowed) {
                    Event e = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    if (e == null) {
                        client.sendComment("heartbeat");
                    } else if (e.revision() > sent) {
                        client.sendEvent("revision", e.data(), Integer.toString(e.revision()));
                        sent = e.revision();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                channel.subscribers.remove(this);
                client.close();
            }
        }
    }
}
