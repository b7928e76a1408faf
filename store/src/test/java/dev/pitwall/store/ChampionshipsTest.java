package dev.pitwall.store;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.io.InvalidInputException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Championships as revisions, against the embedded H2 database and, where {@code PITWALL_TEST_POSTGRES_URL} names
 * one (CI starts it), a real PostgreSQL.
 */
class ChampionshipsTest {

    static final Path EXAMPLE = Path.of("..", "examples", "gtws-2024-nations-cup");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-11-24T18:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;

    /** Every store a test opened, closed before the temporary directory is removed. */
    static final List<Store> OPENED = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.AfterAll
    static void closeStores() {
        OPENED.forEach(Store::close);
    }

    static Store track(Store store) {
        OPENED.add(store);
        return store;
    }

    static List<String> databases() {
        List<String> urls = new ArrayList<>();
        urls.add("h2");
        String pg = System.getenv("PITWALL_TEST_POSTGRES_URL");
        if (pg != null && !pg.isBlank()) {
            urls.add(pg);
        }
        return urls;
    }

    static Store open(String database) {
        if (database.equals("h2")) {
            return track(Store.open(Store.embeddedUrl(dir.resolve(UUID.randomUUID().toString())), "sa", "", CLOCK));
        }
        // A fresh schema per test keeps PostgreSQL runs independent.
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(database, System.getenv("PGUSER"), System.getenv("PGPASSWORD"))) {
            c.createStatement().execute("create schema " + schema);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return track(Store.open(database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema, System.getenv("PGUSER"),
                System.getenv("PGPASSWORD"), CLOCK));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anImportedChampionshipReplaysToTheSameStandings(String database) {
        Championships championships = new Championships(open(database));

        var at = championships.importDirectory(EXAMPLE, "organizer");

        assertThat(at.id()).isEqualTo("gtws-2024-nations-cup");
        assertThat(at.revision()).isEqualTo(4);
        assertThat(Standings.latest(at.championship()).rows().getFirst().name()).isEqualTo("Takuma Miyazono");
        assertThat(at.history()).extracting(Revision::kind).containsExactly(Revision.Kind.REGULATIONS, Revision.Kind.RESULTS,
                Revision.Kind.RESULTS, Revision.Kind.RESULTS);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPenaltyIsARevisionThatCanBeReadAroundAndReverted(String database) {
        Championships championships = new Championships(open(database));
        String id = championships.importDirectory(EXAMPLE, "organizer").id();
        List<Championships.Change> announced = new ArrayList<>();
        championships.onChange(announced::add);

        var penalised = championships.postDecision(id, OptionalInt.of(4), "grand-final", "Takuma Miyazono", "time-penalty", "12s",
                "steward-anna", "Leaving the track and gaining an advantage");

        assertThat(penalised.revision()).isEqualTo(5);
        assertThat(points(penalised, "Takuma Miyazono")).isEqualTo(Points.of(40));
        assertThat(points(championships.at(id, OptionalInt.of(4)), "Takuma Miyazono")).isEqualTo(Points.of(50));
        Revision decision = penalised.history().getLast();
        assertThat(decision.author()).isEqualTo("steward-anna");
        assertThat(decision.reason()).isEqualTo("Leaving the track and gaining an advantage");
        assertThat(announced).extracting(c -> c.revision().number()).containsExactly(5);

        var reverted = championships.revert(id, OptionalInt.of(5), 5, "steward-anna", "Overturned on appeal");

        assertThat(reverted.revision()).isEqualTo(6);
        assertThat(Standings.latest(reverted.championship()).rows())
                .isEqualTo(Standings.latest(championships.at(id, OptionalInt.of(4)).championship()).rows());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRejectedDecisionChangesNothing(String database) {
        Championships championships = new Championships(open(database));
        String id = championships.importDirectory(EXAMPLE, "organizer").id();

        assertThatThrownBy(() -> championships.postDecision(id, OptionalInt.empty(), "Grand Final", "Nobody", "time-penalty", "5s",
                "steward", "test")).isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown driver \"Nobody\"");
        assertThatThrownBy(() -> championships.postResults(id, OptionalInt.empty(), "Race 1", "md", "Rank | Driver\n---|---\n1 | Nobody\n",
                "organizer", "test")).isInstanceOf(InvalidInputException.class).hasMessageContaining("results/race-1.md:3: unknown driver");

        assertThat(championships.at(id, OptionalInt.empty()).revision()).isEqualTo(4);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWriteOnTopOfAnOldRevisionConflicts(String database) {
        Championships championships = new Championships(open(database));
        String id = championships.importDirectory(EXAMPLE, "organizer").id();
        championships.markStatus(id, OptionalInt.of(4), "Grand Final", "final", "organizer", "Results confirmed");

        assertThatThrownBy(() -> championships.markStatus(id, OptionalInt.of(4), "Race 1", "final", "organizer", "late"))
                .isInstanceOf(StoreException.Conflict.class);
        var at = championships.at(id, OptionalInt.empty());
        assertThat(at.revision()).isEqualTo(5);
        assertThat(at.status(at.championship().requireRace("Grand Final"))).isEqualTo("final");
        assertThat(at.status(at.championship().requireRace("Race 1"))).isEqualTo("provisional");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentWritersWithoutIfMatchAreAppendedOneAfterAnotherEachToldItsOwnRevision(String database) throws Exception {
        Store store = open(database);
        Championships championships = new Championships(store);
        String id = championships.importDirectory(EXAMPLE, "organizer").id();
        List<Championships.Change> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        championships.onChange(announced::add);
        int writers = 8;
        int each = 5;
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<Championships.At>>> futures = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                String author = "steward-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Championships.At> written = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        written.add(championships.postDecision(id, OptionalInt.empty(), "Race 1", "Kaj de Bruin", "points-deduction",
                                "1", author, "decision " + i));
                    }
                    return written;
                }));
            }
            start.countDown();
            List<Integer> numbers = new ArrayList<>();
            for (var f : futures) {
                for (Championships.At at : f.get()) {
                    numbers.add(at.revision());
                    // The revision a writer is told of is the one it wrote.
                    assertThat(at.history().getLast().number()).isEqualTo(at.revision());
                }
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(writers * each);
        }
        // As the database holds it, read afresh: every number once, in order, each decision counted.
        List<Revision> history = new Championships(store).at(id, OptionalInt.empty()).history();
        assertThat(history).extracting(Revision::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 4 + writers * each).boxed().toList());
        assertThat(points(new Championships(store).at(id, OptionalInt.empty()), "Kaj de Bruin"))
                .isEqualTo(points(championships.at(id, OptionalInt.of(4)), "Kaj de Bruin").minus(Points.of(writers * each)));
        assertThat(announced).hasSize(writers * each);
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedDatabaseIsNotOpenedToTheNetwork() {
        assertThatThrownBy(() -> Store.open(Store.embeddedUrl(dir.resolve("open")) + ";AUTO_SERVER=TRUE", "sa", "", CLOCK))
                .isInstanceOf(StoreException.class).hasMessageContaining("private to one process");
        assertThat(Store.embeddedUrl(dir)).doesNotContainIgnoringCase("AUTO_SERVER");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void tokensAreStoredHashedAndCarryARole(String database) {
        Store store = open(database);

        String token = store.createToken("anna", Credential.Role.STEWARD);

        assertThat(store.authenticate(token)).contains(new Credential("anna", Credential.Role.STEWARD));
        assertThat(store.authenticate(token + "x")).isEmpty();
        String replaced = store.createToken("anna", Credential.Role.ORGANIZER);
        assertThat(store.authenticate(token)).isEmpty();
        assertThat(store.authenticate(replaced)).contains(new Credential("anna", Credential.Role.ORGANIZER));
        assertThatThrownBy(() -> store.createToken("x".repeat(Store.WRITER_NAME_MAX + 1), Credential.Role.STEWARD))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 100 characters");
        assertThat(store.tokens()).extracting(Store.TokenListing::name).containsExactly("anna");
        assertThat(store.revokeToken("anna")).isTrue();
        assertThat(store.authenticate(replaced)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whatIsCommittedSurvivesReopening(String database) {
        Store store = open(database);
        new Championships(store).importDirectory(EXAMPLE, "organizer");

        if (database.equals("h2")) {
            store.close(); // as a server that stops would
        }
        Store again = track(Store.open(store.url(), database.equals("h2") ? "sa" : System.getenv("PGUSER"),
                database.equals("h2") ? "" : System.getenv("PGPASSWORD"), CLOCK));

        assertThat(again.championships()).extracting(Store.Listing::revision).containsExactly(4);
    }

    private static Points points(Championships.At at, String driver) {
        return Standings.latest(at.championship()).rowOf(driver).orElseThrow().points();
    }
}
