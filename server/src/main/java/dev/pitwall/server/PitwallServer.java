package dev.pitwall.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.UnknownNameException;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.GridUnavailableException;
import dev.pitwall.core.scoring.Grids;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.io.InvalidInputException;
import dev.pitwall.io.report.GridReport;
import dev.pitwall.io.report.Json;
import dev.pitwall.io.report.ResultsReport;
import dev.pitwall.io.report.StandingsReport;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Revision;
import dev.pitwall.store.Store;
import dev.pitwall.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Pitwall's HTTP API. Reading is public; every write needs a bearer token whose role may make it (organizer:
 * everything; steward: decisions and their reverts). Championships and races are addressed by slugs of their names;
 * every read can be asked {@code ?revision=n}. Errors are {@code application/problem+json; charset=utf-8}. Views are
 * pure functions of a revision: each is rendered once into a bounded cache, and the scenarios, which cost seconds,
 * on a small pool that refuses work beyond its queue rather than let anonymous readers pile it up.
 */
public final class PitwallServer {

    private static final Logger LOG = LoggerFactory.getLogger(PitwallServer.class);
    private static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";

    /**
     * How a server is set up.
     *
     * @param maxUpload   the largest request body accepted, in bytes (a game's result file can be tens of MB)
     * @param localSecret the secret of the local door for {@code pitwall token} and {@code pitwall import}, if open
     */
    public record Options(String host, int port, long maxUpload, Optional<String> localSecret) {
        public static final long DEFAULT_MAX_UPLOAD = 32L * 1024 * 1024;

        public static Options of(String host, int port) {
            return new Options(host, port, DEFAULT_MAX_UPLOAD, Optional.empty());
        }
    }

    private final Championships championships;
    private final Javalin app;
    private final EventHub events;
    /** Rendered views by championship, revision and view; bounded, since ids and revisions come from anyone. */
    private final Cache<String, String> rendered = Caffeine.newBuilder().maximumWeight(64L * 1024 * 1024)
            .weigher((String k, String v) -> k.length() + v.length()).build();
    private final Scenarios scenarios;

    private PitwallServer(Championships championships, Store store, Options options) {
        this.championships = championships;
        this.events = new EventHub(championships, this::revisionEvent);
        this.scenarios = new Scenarios();
        this.app = Javalin.create(config -> {
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = options.maxUpload();
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/web";
                files.directory = "/web";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.requestLogger.http((ctx, ms) -> {
                if (!ctx.method().name().equals("GET") || ctx.statusCode() >= 500) {
                    LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
                }
            });
            config.routes.before(SecurityHeaders::add);
            config.routes.get("/", ctx -> page(ctx, "index.html"));
            config.routes.get("/c/{id}", ctx -> {
                championships.at(ctx.pathParam("id"), OptionalInt.empty()); // 404 for an unknown championship
                page(ctx, "championship.html");
            });
            config.routes.get("/c/{id}/progression.svg", this::progressionSvg);
            config.routes.get("/api/championships", this::list);
            config.routes.get("/api/championships/{id}", this::championship);
            config.routes.get("/api/championships/{id}/standings", this::standings);
            config.routes.get("/api/championships/{id}/races/{race}/results", this::results);
            config.routes.get("/api/championships/{id}/races/{race}/grid", this::grid);
            config.routes.get("/api/championships/{id}/history", this::history);
            config.routes.get("/api/championships/{id}/scenarios", this::scenarios);
            config.routes.sse("/api/championships/{id}/events", this::events);
            config.routes.get("/openapi.json", this::openApi);
            Writes.routes(config.routes, championships, new Access(store));
            options.localSecret().ifPresent(secret -> LocalAdmin.routes(config.routes, championships, store, secret));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, Problem.of(e.getStatus(),
                    e.getStatus() == 413 ? "Content Too Large" : "Bad Request", e.getStatus() == 413
                            ? "the body is larger than the " + options.maxUpload() / (1024 * 1024) + " MB this server accepts; nothing was changed"
                            : e.getMessage())));
            config.routes.exception(Exception.class, this::failed);
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    problem(ctx, Problem.of(404, "Not Found", "no such address: " + ctx.path()));
                }
            });
            config.routes.error(405, "*", ctx -> problem(ctx, Problem.of(405, "Method Not Allowed",
                    ctx.method() + " is not served at " + ctx.path())));
        });
        championships.onChange(change -> events.published(change.id(), change.revision().number()));
    }

    /** Starts the server on loopback or the given address; port 0 picks a free one. */
    public static PitwallServer start(Championships championships, Store store, String host, int port) {
        return start(championships, store, Options.of(host, port));
    }

    public static PitwallServer start(Championships championships, Store store, Options options) {
        PitwallServer server = new PitwallServer(championships, store, options);
        server.app.start();
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Publishes what the database holds beyond what the event streams have had (a safety net on a shared database). */
    public void catchUpEvents() {
        events.catchUp();
    }

    public void stop() {
        events.close();
        scenarios.close();
        app.stop();
    }

    // --- reads -----------------------------------------------------------------------------------------------

    private void list(Context ctx) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Store.Listing l : championships.list()) {
            list.add(ordered("id", l.id(), "name", l.name(), "revision", l.revision()));
        }
        json(ctx, list);
    }

    private void championship(Context ctx) {
        Championships.At at = at(ctx);
        List<Map<String, Object>> races = new ArrayList<>();
        for (Race race : at.championship().races()) {
            boolean run = at.championship().resultOf(race).isPresent();
            races.add(ordered("name", race.name(), "slug", race.slug(), "results", run ? at.status(race) : "not run"));
        }
        List<Map<String, Object>> entrants = new ArrayList<>();
        at.championship().entrants().forEach(e -> entrants.add(ordered("driver", e.name(), "country", e.country(),
                "onlineId", e.onlineId().orElse(null))));
        json(ctx, ordered("id", at.id(), "name", at.championship().name(), "revision", at.revision(), "latestRevision", at.latest(),
                "races", races, "entrants", entrants));
    }

    private void standings(Context ctx) {
        Championships.At at = at(ctx);
        String after = ctx.queryParam("after");
        cached(ctx, at, "standings?after=" + after, () -> {
            Standings standings = after == null ? Standings.latest(at.championship())
                    : Standings.after(at.championship(), runRace(at, after));
            return StandingsReport.of(at.championship(), standings);
        });
    }

    private void results(Context ctx) {
        Championships.At at = at(ctx);
        String race = ctx.pathParam("race");
        cached(ctx, at, "results/" + race, () ->
                ResultsReport.of(at.championship(), Classifier.classify(at.championship(), runRace(at, race))));
    }

    private void grid(Context ctx) {
        Championships.At at = at(ctx);
        String race = ctx.pathParam("race");
        cached(ctx, at, "grid/" + race, () ->
                GridReport.of(at.championship(), Grids.of(at.championship(), at.championship().requireRace(race))));
    }

    private void cached(Context ctx, Championships.At at, String view, java.util.function.Supplier<Object> compute) {
        String body = rendered.get(at.id() + "@" + at.revision() + "/" + view, k -> Json.write(compute.get()));
        ctx.header("ETag", "\"" + at.revision() + "\"").contentType(JSON).result(body);
    }

    /** The title outlook after a race (default: the latest run), odds from 2,000 seeded simulated seasons. */
    private void scenarios(Context ctx) {
        Championships.At at = at(ctx);
        String after = ctx.queryParam("after");
        Optional<Race> race = Optional.ofNullable(after).map(a -> at.championship().requireRace(a));
        String key = at.id() + "@" + at.revision() + "/scenarios?after=" + race.map(Race::slug).orElse("");
        String body = rendered.getIfPresent(key);
        if (body == null) {
            body = scenarios.compute(key, () -> Json.write(ScenariosReport.of(at.championship(), race, Optional.empty(), 2000, 2024)));
            rendered.put(key, body);
        }
        ctx.header("ETag", "\"" + at.revision() + "\"").contentType(JSON).result(body);
    }

    private void history(Context ctx) {
        Championships.At at = at(ctx);
        var standing = dev.pitwall.store.Replay.standing(at.history(), at.revision()).stream().map(Revision::number)
                .collect(java.util.stream.Collectors.toSet());
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (Revision r : at.history()) {
            revisions.add(ordered("revision", r.number(), "kind", r.kind().name().toLowerCase(Locale.ROOT),
                    "race", r.race().orElse(null), "author", r.author(), "reason", r.reason(), "at", r.createdAt().toString(),
                    "reverts", r.reverts().isPresent() ? r.reverts().getAsInt() : null,
                    "standing", r.kind() == Revision.Kind.REVERT || standing.contains(r.number()),
                    "summary", summary(r)));
        }
        json(ctx, ordered("id", at.id(), "revision", at.revision(), "history", revisions));
    }

    /** The event stream; {@code Last-Event-ID} (or {@code ?from=}) resumes after that revision without a gap. */
    private void events(SseClient client) {
        String id = client.ctx().pathParam("id");
        championships.at(id, OptionalInt.empty()); // 404 for an unknown championship
        String last = Optional.ofNullable(client.ctx().header("Last-Event-ID")).orElse(client.ctx().queryParam("from"));
        OptionalInt resume = last != null && last.strip().matches("\\d{1,9}") ? OptionalInt.of(Integer.parseInt(last.strip()))
                : OptionalInt.empty();
        client.keepAlive();
        events.follow(id, client, resume);
    }

    /** A revision as its event carries it: who, what, why, and the standings it leaves. */
    private String revisionEvent(String id, Revision revision) {
        return rendered.get(id + "@" + revision.number() + "/event", k -> {
            Championships.At at = championships.at(id, OptionalInt.of(revision.number()));
            return Json.compact(ordered("revision", revision.number(), "kind", revision.kind().name().toLowerCase(Locale.ROOT),
                    "author", revision.author(), "reason", revision.reason(),
                    "standings", StandingsReport.of(at.championship(), Standings.latest(at.championship()))));
        });
    }

    private static void page(Context ctx, String name) throws IOException {
        try (InputStream in = PitwallServer.class.getResourceAsStream("/web/" + name)) {
            ctx.contentType("text/html; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void progressionSvg(Context ctx) {
        Championships.At at = at(ctx);
        String svg = rendered.get(at.id() + "@" + at.revision() + "/progression.svg", k -> ProgressionSvg.of(at.championship()));
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    private void openApi(Context ctx) {
        ctx.contentType(JSON).result(OPENAPI);
    }

    private static final String OPENAPI = readOpenApi();

    private static String readOpenApi() {
        try (InputStream in = PitwallServer.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the server's resources", e);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Championships.At at(Context ctx) {
        return championships.at(ctx.pathParam("id"), Requests.revision(ctx));
    }

    private static Race runRace(Championships.At at, String name) {
        Race race = at.championship().requireRace(name);
        if (at.championship().resultOf(race).isEmpty()) {
            throw Problem.Failure.notFound(race.name() + " has not been run yet: it has no results");
        }
        return race;
    }

    private void failed(Exception e, Context ctx) {
        Problem problem = switch (e) {
            case Problem.Failure f -> {
                if (f.challenge) {
                    ctx.header("WWW-Authenticate", "Bearer");
                }
                yield f.problem;
            }
            case InvalidInputException invalid -> new Problem("about:blank", "Bad Request", 400,
                    "the input cannot be used as it is; nothing was changed",
                    invalid.errors().stream().map(x -> new Problem.InputProblem(x.file().toString(), x.line(), x.message())).toList());
            case UnknownNameException unknown -> Problem.of(404, "Not Found", unknown.getMessage());
            case StoreException.NotFound notFound -> Problem.of(404, "Not Found", notFound.getMessage());
            case StoreException.Conflict conflict -> Problem.of(409, "Conflict", conflict.getMessage());
            case GridUnavailableException grid -> Problem.of(404, "Not Found", grid.getMessage());
            case Scenarios.Busy busy -> {
                ctx.header("Retry-After", "5");
                yield Problem.of(503, "Service Unavailable", busy.getMessage());
            }
            default -> {
                LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
                yield Problem.of(500, "Internal Server Error", "the server failed; nothing was changed");
            }
        };
        problem(ctx, problem);
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(problem));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType(JSON).result(Json.write(body));
    }

    private static String summary(Revision r) {
        return switch (r.kind()) {
            case REGULATIONS -> "regulations";
            case RESULTS -> "results of " + r.race().orElse("?");
            case DECISION -> "stewards' decision, " + r.race().orElse("?");
            case REVERT -> "reverts revision " + r.reverts().orElse(0);
            case STATUS -> r.race().orElse("?") + " results " + r.payload();
        };
    }

    /** A JSON object with keys in the order given; null values stay as JSON null. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
