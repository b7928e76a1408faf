package dev.pitwall.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ObjIntConsumer;

/**
 * The revisions other servers on the same PostgreSQL database write, as PostgreSQL announces them at commit
 * ({@code LISTEN pitwall_revision}). One connection of its own, outside the pool; when it is lost it is opened again,
 * and whatever was announced meanwhile is found by the readers' own look at the database. The embedded database is
 * open to one process only, so there it has nothing to follow.
 */
public final class RevisionFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RevisionFeed.class);

    private final Store store;
    private final ObjIntConsumer<String> heard;
    private final Thread thread;
    private volatile boolean closed;

    private RevisionFeed(Store store, ObjIntConsumer<String> heard) {
        this.store = store;
        this.heard = heard;
        this.thread = store.postgres() ? Thread.ofPlatform().daemon().name("pitwall-revision-feed").start(this::listen) : null;
    }

    /** Follows the revisions others write to the store's database, calling {@code heard} with each id and number. */
    public static RevisionFeed follow(Store store, ObjIntConsumer<String> heard) {
        return new RevisionFeed(store, heard);
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = store.dedicatedConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + Store.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        deliver(n.getParameter());
                    }
                }
            } catch (SQLException e) {
                if (!closed) {
                    LOG.warn("lost the revision feed from {}; listening again: {}", store.url(), e.getMessage());
                    pause();
                }
            }
        }
    }

    private void deliver(String payload) {
        int colon = payload.lastIndexOf(':');
        if (colon <= 0) {
            return;
        }
        try {
            heard.accept(payload.substring(0, colon), Integer.parseInt(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            LOG.error("could not follow revision {}", payload, e);
        }
    }

    /** Before listening again: the database may be restarting. */
    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
