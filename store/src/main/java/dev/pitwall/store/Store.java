package dev.pitwall.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Championships as revisions in a relational database: H2 in a file by default, PostgreSQL in production, both
 * through a HikariCP pool. One set of Flyway migrations serves both.
 *
 * <p>Every write is one transaction. A revision is numbered inside the transaction that writes it, under a lock on
 * its championship's row, so concurrent writers are appended one after the other and the primary key
 * {@code (championship_id, number)} holds the numbers unique. A write returns only once it is durable: PostgreSQL
 * flushes its log at commit. H2 stores a commit in its file only when no other store operation is under way, and skips
 * it when one finished meanwhile, even one that began before the commit (seen losing acknowledged writes to SIGKILL
 * under concurrent writers): so on the embedded database, which one process opens, writes take turns, H2 stores each
 * commit as it ends ({@code WRITE_DELAY=0}, no background writer), and {@code CHECKPOINT SYNC} forces it to the disk
 * before the write returns.
 */
public final class Store implements AutoCloseable {

    /** Written by PostgreSQL on each commit of a revision, for the servers that share the database: "id:number". */
    static final String CHANNEL = "pitwall_revision";

    private final Jdbi jdbi;
    private final HikariDataSource pool;
    private final Clock clock;
    private final String url;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The embedded database's writes, one at a time (see the class comment). */
    private final ReentrantLock embeddedWrites = new ReentrantLock();

    private Store(HikariDataSource pool, Clock clock, String url, String user, String password) {
        this.jdbi = Jdbi.create(pool);
        this.pool = pool;
        this.clock = clock;
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = url.startsWith("jdbc:h2:file:");
    }

    /** Opens the database at a JDBC URL and brings its schema up to date. */
    public static Store open(String url, String user, String password, Clock clock) {
        return open(url, user, password, clock, defaultPoolSize(url));
    }

    /** As {@link #open(String, String, String, Clock)}, with a pool of at most {@code connections}. */
    public static Store open(String url, String user, String password, Clock clock, int connections) {
        if (url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            throw new StoreException("the embedded database is private to one process: AUTO_SERVER would open it to the network "
                    + "(" + url + "); run the command beside the server instead, it talks to the running server");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(url));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(Math.min(2, connections));
        config.setPoolName("pitwall");
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1); // the first connection's error is reported below, with the URL
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot open the database at " + url + ": " + rootMessage(e), e);
        }
        return new Store(pool, clock, url, user, password);
    }

    /**
     * An embedded database stores each commit as it ends, with no background writer competing, appending its chunks
     * (class comment); it is closed by {@link #close()} after the server has stopped, not by H2's own shutdown hook,
     * which would close it under requests still being answered.
     */
    private static String durable(String url) {
        if (url.startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
            return url + ";WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE";
        }
        return url;
    }

    private static int defaultPoolSize(String url) {
        String configured = System.getenv("PITWALL_DB_POOL");
        if (configured != null && configured.matches("\\d{1,4}") && Integer.parseInt(configured) > 0) {
            return Integer.parseInt(configured);
        }
        // PostgreSQL serves each connection with a process of its own; twice the cores (here 2) plus some waiting on I/O.
        return url.startsWith("jdbc:postgresql:") ? 16 : 8;
    }

    /** The embedded default: an H2 database in a file, created on first use, open to this process only. */
    public static String embeddedUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pitwall");
    }

    /** The file an embedded database lives in ({@code .../pitwall} for {@code .../pitwall.mv.db}), if this URL names one. */
    public static Optional<Path> embeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:file:".length());
        int options = rest.indexOf(';');
        return Optional.of(Path.of(options < 0 ? rest : rest.substring(0, options)).toAbsolutePath().normalize());
    }

    public String url() {
        return url;
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** A connection of its own, outside the pool, for listening to PostgreSQL's notifications. */
    java.sql.Connection dedicatedConnection() throws SQLException {
        return java.sql.DriverManager.getConnection(url, user, password);
    }

    /**
     * Closes the pool. An embedded database closes with its last connection (compacted, complete and unlocked), as H2
     * does when no delay is asked for. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
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
        return jdbi.withHandle(h -> h.createQuery("""
                        select c.id, c.name, coalesce(max(r.number), 0) as revision
                        from championship c left join revision r on r.championship_id = c.id
                        where c.id = :id group by c.id, c.name""")
                .bind("id", id)
                .map((rs, ctx) -> new Listing(rs.getString("id"), rs.getString("name"), rs.getInt("revision"))).findOne());
    }

    /** Every revision of a championship, oldest first. */
    public List<Revision> revisions(String id) {
        return revisionsAfter(id, 0);
    }

    /** The revisions of a championship numbered above {@code number}, oldest first. */
    public List<Revision> revisionsAfter(String id, int number) {
        return jdbi.withHandle(h -> revisionsAfter(h, id, number));
    }

    /** A new championship: its id, name and first revisions. */
    public record NewChampionship(String id, String name, List<Revision.Draft> drafts) {
    }

    /** Creates a championship with its first revisions, all in one transaction; returns the last revision's number. */
    public int create(String id, String name, List<Revision.Draft> drafts) {
        return create(List.of(new NewChampionship(id, name, drafts))).getFirst();
    }

    /** Creates several championships in one transaction: all or none. Returns each one's last revision number. */
    public List<Integer> create(List<NewChampionship> championships) {
        return write(h -> championships.stream().map(c -> {
            if (h.createQuery("select count(*) from championship where id = :id").bind("id", c.id()).mapTo(Integer.class).one() > 0) {
                throw new StoreException.Conflict("a championship with the id " + c.id() + " already exists");
            }
            h.createUpdate("insert into championship (id, name, created_at) values (:id, :name, :at)")
                    .bind("id", c.id()).bind("name", c.name()).bind("at", Timestamp.from(clock.instant())).execute();
            int number = 0;
            for (Revision.Draft d : c.drafts()) {
                insert(h, c.id(), ++number, d);
            }
            notify(h, c.id(), number);
            return number;
        }).toList());
    }

    /** What a writer sees of a championship under its lock, inside the transaction that will append the revision. */
    public interface Tip {
        /** The latest revision's number. */
        int latest();

        /** The revisions numbered above {@code number}, oldest first, as this transaction sees them. */
        List<Revision> after(int number);
    }

    /** A writer's last look before its revision is appended: throws to refuse it, and nothing is written. */
    @FunctionalInterface
    public interface Check {
        void check(Tip tip);
    }

    /**
     * Appends a revision after the championship's latest and returns it as stored. With {@code expected}, the latest
     * must be that revision ({@code If-Match}); without it, the revision goes on top of whatever came before. The
     * check runs under the championship's lock, so what it approved is what the revision is appended to.
     *
     * @throws StoreException.Conflict when {@code expected} is not the latest revision
     * @throws StoreException.NotFound when there is no such championship
     */
    public Revision append(String id, OptionalInt expected, Revision.Draft draft, Check check) {
        return write(h -> {
            // The row lock serializes the writers of one championship on H2 and PostgreSQL alike; in READ COMMITTED
            // every statement after it sees what the writer before committed.
            if (h.createQuery("select id from championship where id = :id for update").bind("id", id).mapTo(String.class)
                    .findOne().isEmpty()) {
                throw new StoreException.NotFound("no championship " + id);
            }
            int latest = h.createQuery("select coalesce(max(number), 0) from revision where championship_id = :id")
                    .bind("id", id).mapTo(Integer.class).one();
            if (expected.isPresent() && expected.getAsInt() != latest) {
                throw new StoreException.Conflict("revision " + latest + " is the latest, not " + expected.getAsInt()
                        + " (If-Match); reload and try again");
            }
            check.check(new Tip() {
                @Override
                public int latest() {
                    return latest;
                }

                @Override
                public List<Revision> after(int number) {
                    return revisionsAfter(h, id, number);
                }
            });
            Instant at = insert(h, id, latest + 1, draft);
            notify(h, id, latest + 1);
            return new Revision(latest + 1, draft.kind(), draft.race(), draft.format(), draft.payload(), draft.author(),
                    draft.reason(), draft.reverts(), at);
        });
    }

    /** A writer's API token as listed: never the token itself. */
    public record TokenListing(String name, Credential.Role role, Instant createdAt) {
    }

    /** The longest name a writer may have: revisions carry it as their author, tokens are made for it. */
    public static final int WRITER_NAME_MAX = 100;

    /** Creates an API token for a person and role; only its hash is kept, so the token is shown once. */
    public String createToken(String name, Credential.Role role) {
        if (name.isBlank() || name.length() > WRITER_NAME_MAX) {
            throw dev.pitwall.io.InvalidInputException.at(Path.of("name"), 0,
                    "expected the name of whom the token is for, 1 to " + WRITER_NAME_MAX + " characters, found " + name.length());
        }
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

    public List<TokenListing> tokens() {
        return jdbi.withHandle(h -> h.createQuery("select name, role, created_at from api_token order by name")
                .map((rs, ctx) -> new TokenListing(rs.getString("name"), Credential.Role.valueOf(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .list());
    }

    /** Revokes the token of a name; false when there was none. */
    public boolean revokeToken(String name) {
        return write(h -> h.createUpdate("delete from api_token where name = :name").bind("name", name).execute()) > 0;
    }

    public Optional<Credential> authenticate(String token) {
        return jdbi.withHandle(h -> h.createQuery("select name, role from api_token where token_hash = :hash")
                .bind("hash", hash(token))
                .map((rs, ctx) -> new Credential(rs.getString("name"), Credential.Role.valueOf(rs.getString("role"))))
                .findOne());
    }

    private static List<Revision> revisionsAfter(Handle h, String id, int number) {
        return h.createQuery("""
                        select number, kind, race, format, payload, author, reason, reverts, created_at
                        from revision where championship_id = :id and number > :after order by number""")
                .bind("id", id).bind("after", number)
                .map((rs, ctx) -> new Revision(rs.getInt("number"), Revision.Kind.valueOf(rs.getString("kind")),
                        Optional.ofNullable(rs.getString("race")), Optional.ofNullable(rs.getString("format")), rs.getString("payload"),
                        rs.getString("author"), rs.getString("reason"),
                        rs.getObject("reverts") == null ? OptionalInt.empty() : OptionalInt.of(rs.getInt("reverts")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private Instant insert(Handle h, String id, int number, Revision.Draft d) {
        Instant at = clock.instant();
        h.createUpdate("""
                        insert into revision (championship_id, number, kind, race, format, payload, author, reason, reverts, created_at)
                        values (:id, :number, :kind, :race, :format, :payload, :author, :reason, :reverts, :at)""")
                .bind("id", id).bind("number", number).bind("kind", d.kind().name())
                .bind("race", d.race().orElse(null)).bind("format", d.format().orElse(null))
                .bind("payload", d.payload()).bind("author", d.author()).bind("reason", d.reason())
                .bind("reverts", d.reverts().isPresent() ? (Integer) d.reverts().getAsInt() : null)
                .bind("at", Timestamp.from(at))
                .execute();
        return Timestamp.from(at).toInstant();
    }

    /** On PostgreSQL, tells the other servers on the database of the revision when (and only if) it commits. */
    private void notify(Handle h, String id, int number) {
        if (postgres()) {
            h.createQuery("select pg_notify(:channel, :payload)").bind("channel", CHANNEL).bind("payload", id + ":" + number)
                    .mapTo(String.class).findOne();
        }
    }

    private <T> T write(HandleCallback<T, RuntimeException> work) {
        if (!embedded) {
            return transaction(work);
        }
        embeddedWrites.lock();
        try {
            T result = transaction(work);
            durable();
            return result;
        } finally {
            embeddedWrites.unlock();
        }
    }

    private <T> T transaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (StoreException | dev.pitwall.io.InvalidInputException | dev.pitwall.core.model.UnknownNameException e) {
            throw e;
        } catch (JdbiException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                throw new StoreException.Conflict("another change with the same name or number was written at the same time: "
                        + rootMessage(e));
            }
            throw new StoreException("the database refused the change: " + rootMessage(e), e);
        }
    }

    /** Writes everything committed so far through to the embedded database's file and the disk. */
    private void durable() {
        try {
            jdbi.useHandle(h -> h.execute("CHECKPOINT SYNC"));
        } catch (JdbiException e) {
            throw new StoreException("the change was committed but could not be written to disk: " + rootMessage(e), e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
