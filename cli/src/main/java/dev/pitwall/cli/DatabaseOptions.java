package dev.pitwall.cli;

import dev.pitwall.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Which database: {@code --db <jdbc-url>}, else {@code PITWALL_DB_URL}, else PostgreSQL from the usual {@code PGHOST},
 * {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, else the embedded H2 database in
 * {@code data/} (or {@code PITWALL_DATA}).
 */
final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "<jdbc-url>", description = "JDBC URL of the database (default: embedded H2 in ./data).")
    String url;

    @Option(names = "--db-user", paramLabel = "<user>", description = "Database user (default: PGUSER, or sa for H2).")
    String user;

    @Option(names = "--db-password", paramLabel = "<password>", description = "Database password (default: PGPASSWORD).")
    String password;

    /** The JDBC URL these options name. */
    String url() {
        String jdbc = url != null ? url : System.getenv("PITWALL_DB_URL");
        if (jdbc == null && System.getenv("PGHOST") != null) {
            jdbc = "jdbc:postgresql://" + System.getenv("PGHOST") + ":" + env("PGPORT", "5432") + "/" + env("PGDATABASE", "pitwall");
        }
        if (jdbc == null) {
            jdbc = Store.embeddedUrl(Path.of(env("PITWALL_DATA", "data")));
        }
        return jdbc;
    }

    Store open() {
        String jdbc = url();
        boolean h2 = jdbc.startsWith("jdbc:h2:");
        try {
            return Store.open(jdbc, user != null ? user : h2 ? "sa" : env("PGUSER", ""),
                    password != null ? password : h2 ? "" : env("PGPASSWORD", ""), Clock.systemUTC());
        } catch (dev.pitwall.store.StoreException e) {
            if (h2 && e.getMessage() != null && e.getMessage().contains("locked")) {
                throw new dev.pitwall.store.StoreException("the embedded database " + jdbc + " is open in another process "
                        + "(one process at a time); pitwall token and pitwall import reach a pitwall serve on it through the door "
                        + "file it writes, " + LocalServer.door(jdbc).orElseThrow(), e);
            }
            throw e;
        }
    }

    /**
     * Asks the server running on this embedded database, if one answers; else does the work on the database here (as
     * always on PostgreSQL, which any number of processes share).
     */
    <T> T viaServerOrStore(java.util.function.Function<LocalServer, java.util.Optional<T>> remote,
                           java.util.function.Function<Store, T> local) {
        if (Store.embeddedFile(url()).isPresent()) {
            java.util.Optional<T> answer = LocalServer.find(url()).flatMap(remote);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        try (Store store = open()) {
            return local.apply(store);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
