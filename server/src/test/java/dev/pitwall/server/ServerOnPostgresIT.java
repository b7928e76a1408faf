package dev.pitwall.server;

import dev.pitwall.store.Store;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/** Every test of {@link ServerIT}, on PostgreSQL (a fresh schema): {@code ./verify} starts one and names it. */
@EnabledIfEnvironmentVariable(named = "PITWALL_TEST_POSTGRES_URL", matches = ".+")
class ServerOnPostgresIT extends ServerIT {

    @Override
    Store open(Path dir) {
        String url = System.getenv("PITWALL_TEST_POSTGRES_URL");
        String schema = "server" + UUID.randomUUID().toString().replace("-", "");
        try (var c = DriverManager.getConnection(url, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            c.createStatement().execute("create schema " + schema);
        } catch (SQLException e) {
            throw new AssertionError("cannot make a schema on " + url, e);
        }
        return Store.open(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, System.getenv("PGUSER"),
                System.getenv("PGPASSWORD"), Clock.systemUTC());
    }
}
