package dev.pitwall.store;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Championships as revisions in a relational database: H2 in a file by default, PostgreSQL in production. One set
 * of Flyway migrations serves both. Every write is one transaction; a revision is appended only on top of the
 * revision its writer saw, so two concurrent writers cannot both win.
 */
public final class Store implements AutoCloseable {

    private final Jdbi jdbi;
    private final Clock clock;
    private final String url;
    private final org.h2.jdbcx.JdbcConnectionPool pool;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Store(Jdbi jdbi, Clock clock, String url, org.h2.jdbcx.JdbcConnectionPool pool) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.url = url;
        this.pool = pool;
    }

    /** Opens the database at a JDBC URL and brings its schema up to date. */
    public static Store open(String url, String user, String password, Clock clock) {
        String jdbcUrl = durable(url);
        try {
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database at " + jdbcUrl + ": " + rootMessage(e), e);
        }
        // H2 keeps its database open while a pooled connection lives; PostgreSQL connects per unit of work.
        org.h2.jdbcx.JdbcConnectionPool pool = jdbcUrl.startsWith("jdbc:h2:")
                ? org.h2.jdbcx.JdbcConnectionPool.create(jdbcUrl, user, password) : null;
        Jdbi jdbi = pool != null ? Jdbi.create(pool) : Jdbi.create(jdbcUrl, user, password);
        return new Store(jdbi, clock, jdbcUrl, pool);
    }

    /**
     * H2 writes committed transactions to its file up to half a second later unless told otherwise; a revision
     * acknowledged to a writer must survive the process being killed, so H2 databases are opened with WRITE_DELAY=0.
     */
    private static String durable(String url) {
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0";
        }
        return url;
    }

    /** The embedded default: an H2 database in a file, created on first use. */
    public static String embeddedUrl(java.nio.file.Path dir) {
        // AUTO_SERVER lets a second process (pitwall token create, pitwall import) use the file while a server runs.
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pitwall") + ";AUTO_SERVER=TRUE";
    }

    public String url() {
        return url;
    }

    /** Closes an embedded database cleanly (its files are complete and unlocked afterwards); closing twice is harmless. */
    @Override
    public void close() {
        if (pool != null && closed.compareAndSet(false, true)) {
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed
            } finally {
                pool.dispose();
            }
        }
    }

    /** A championship as listed: its id (a slug), name and latest revision. */
    public record Listing(String id, String name, int revision) {
    }

    public List<Listing> championships() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.name, coalesce(max(r.number), 0) as revision
                        from championship c left join revision r on r.championship_id = c.id
                        group by c.id, c.name order by c.id""")
                .map((rs, ctx) -> new Listing(rs.getString("id"), rs.getString("name"), rs.getInt("revision"))).list());
    }

    public Optional<Listing> championship(String id) {
        return championships().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Every revision of a championship, oldest first. */
    public List<Revision> revisions(String id) {
        return jdbi.withHandle(h -> revisions(h, id));
    }

    /** Creates a championship with its first revisions, all in one transaction. */
    public int create(String id, String name, List<Revision.Draft> drafts) {
        return write(h -> {
            if (h.createQuery("select count(*) from championship where id = :id").bind("id", id).mapTo(Integer.class).one() > 0) {
                throw new StoreException.Conflict("a championship with the id " + id + " already exists");
            }
            h.createUpdate("insert into championship (id, name, created_at) values (:id, :name, :at)")
                    .bind("id", id).bind("name", name).bind("at", Timestamp.from(clock.instant())).execute();
            int number = 0;
            for (Revision.Draft d : drafts) {
                insert(h, id, ++number, d);
            }
            return number;
        });
    }

    /**
     * Appends a revision on top of {@code seen}, the latest revision its writer knew of; returns the new number.
     *
     * @throws StoreException.Conflict when another revision was written since
     */
    public int append(String id, int seen, Revision.Draft draft) {
        return write(h -> {
            Integer latest = h.createQuery("select coalesce(max(number), 0) from revision where championship_id = :id")
                    .bind("id", id).mapTo(Integer.class).one();
            if (h.createQuery("select count(*) from championship where id = :id").bind("id", id).mapTo(Integer.class).one() == 0) {
                throw new StoreException.NotFound("no championship " + id);
            }
            if (latest != seen) {
                throw new StoreException.Conflict("revision " + latest + " was written after revision " + seen + "; reload and try again");
            }
            insert(h, id, latest + 1, draft);
            return latest + 1;
        });
    }

    /** Creates an API token for a person and role; only its hash is kept, so the token is shown once. */
    public String createToken(String name, Credential.Role role) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String token = "pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        write(h -> {
            // A new token for the same name replaces the old one.
            h.createUpdate("delete from api_token where name = :name").bind("name", name).execute();
            return h.createUpdate("insert into api_token (name, role, token_hash, created_at) values (:name, :role, :hash, :at)")
                    .bind("name", name).bind("role", role.name()).bind("hash", hash(token)).bind("at", Timestamp.from(clock.instant()))
                    .execute();
        });
        return token;
    }

    public Optional<Credential> authenticate(String token) {
        return jdbi.withHandle(h -> h.createQuery("select name, role from api_token where token_hash = :hash")
                .bind("hash", hash(token))
                .map((rs, ctx) -> new Credential(rs.getString("name"), Credential.Role.valueOf(rs.getString("role"))))
                .findOne());
    }

    private static List<Revision> revisions(Handle h, String id) {
        return h.createQuery("""
                        select number, kind, race, format, payload, author, reason, reverts, created_at
                        from revision where championship_id = :id order by number""")
                .bind("id", id)
                .map((rs, ctx) -> new Revision(rs.getInt("number"), Revision.Kind.valueOf(rs.getString("kind")),
                        Optional.ofNullable(rs.getString("race")), Optional.ofNullable(rs.getString("format")), rs.getString("payload"),
                        rs.getString("author"), rs.getString("reason"),
                        rs.getObject("reverts") == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt("reverts")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private void insert(Handle h, String id, int number, Revision.Draft d) {
        h.createUpdate("""
                        insert into revision (championship_id, number, kind, race, format, payload, author, reason, reverts, created_at)
                        values (:id, :number, :kind, :race, :format, :payload, :author, :reason, :reverts, :at)""")
                .bind("id", id).bind("number", number).bind("kind", d.kind().name())
                .bind("race", d.race().orElse(null)).bind("format", d.format().orElse(null))
                .bind("payload", d.payload()).bind("author", d.author()).bind("reason", d.reason())
                .bind("reverts", d.reverts().isPresent() ? (Integer) d.reverts().getAsInt() : null)
                .bind("at", Timestamp.from(clock.instant()))
                .execute();
    }

    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (StoreException e) {
            throw e;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                throw new StoreException.Conflict("another change was written at the same time; reload and try again");
            }
            throw new StoreException("the database refused the change: " + rootMessage(e), e);
        } catch (JdbiException e) {
            throw new StoreException("the database refused the change: " + rootMessage(e), e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
