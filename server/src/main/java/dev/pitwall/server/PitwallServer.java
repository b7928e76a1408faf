package dev.pitwall.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.pitwall.store.Credential;
import dev.pitwall.store.Revision;
import dev.pitwall.store.Store;
import dev.pitwall.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pitwall's HTTP API. Reading is public; every write needs a bearer token whose role may make it (organizer:
 * championships, results, statuses, reverts; steward: decisions and reverts). Championships and races are addressed
 * by slugs of their names; every read can be asked {@code ?revision=n}. Errors are {@code application/problem+json}.
 */
public final class PitwallServer {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Championships championships;
    private final Store store;
    private final Javalin app;
    private final Map<String, List<SseClient>> subscribers = new ConcurrentHashMap<>();
    /** Computed views are pure functions of a revision: each is rendered once. A cache is only a cache. */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private static final int RENDERED_MAX = 10_000;

    private PitwallServer(Championships championships, Store store, String host, int port) {
        this.championships = championships;
        this.store = store;
        this.app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/web";
                files.directory = "/web";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
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
            config.routes.post("/api/championships", this::create);
            config.routes.post("/api/championships/{id}/races/{race}/results", this::postResults);
            config.routes.post("/api/championships/{id}/races/{race}/penalties", this::postPenalty);
            config.routes.post("/api/championships/{id}/races/{race}/status", this::postStatus);
            config.routes.post("/api/championships/{id}/revisions/{revision}/revert", this::revert);
            config.routes.exception(Exception.class, this::failed);
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null) {
                    problem(ctx, Problem.of(404, "Not Found", "no such address: " + ctx.path()));
                }
            });
        });
        championships.onChange(this::announce);
    }

    /** Starts the server; port 0 picks a free one. */
    public static PitwallServer start(Championships championships, Store store, String host, int port) {
        PitwallServer server = new PitwallServer(championships, store, host, port);
        server.app.start();
        return server;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        subscribers.values().forEach(list -> list.forEach(SseClient::close));
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
        String key = at.id() + "@" + at.revision() + "/" + view;
        String body = rendered.get(key);
        if (body == null) {
            body = Json.write(compute.get());
            if (rendered.size() >= RENDERED_MAX) {
                rendered.clear();
            }
            rendered.put(key, body);
        }
        ctx.header("ETag", "\"" + at.revision() + "\"").contentType("application/json").result(body);
    }

    /** The title outlook after a race (default: the latest run), odds from 2,000 seeded simulated seasons. */
    private void scenarios(Context ctx) {
        Championships.At at = at(ctx);
        String after = ctx.queryParam("after");
        cached(ctx, at, "scenarios?after=" + after, () -> ScenariosReport.of(at.championship(),
                java.util.Optional.ofNullable(after).map(a -> at.championship().requireRace(a)), java.util.Optional.empty(), 2000, 2024));
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

    private void events(SseClient client) {
        String id = client.ctx().pathParam("id");
        championships.at(id, OptionalInt.empty()); // 404 for an unknown championship
        client.keepAlive();
        subscribers.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(client);
        client.onClose(() -> subscribers.getOrDefault(id, List.of()).remove(client));
        client.sendComment("following " + id);
    }

    private static void page(Context ctx, String name) throws IOException {
        try (InputStream in = PitwallServer.class.getResourceAsStream("/web/" + name)) {
            ctx.contentType("text/html; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void progressionSvg(Context ctx) {
        Championships.At at = at(ctx);
        String key = at.id() + "@" + at.revision() + "/progression.svg";
        String svg = rendered.computeIfAbsent(key, k -> ProgressionSvg.of(at.championship()));
        ctx.contentType("image/svg+xml; charset=utf-8").result(svg);
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(OPENAPI);
    }

    private static final String OPENAPI = readOpenApi();

    private static String readOpenApi() {
        try (InputStream in = PitwallServer.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the server's resources", e);
        }
    }

    // --- writes ----------------------------------------------------------------------------------------------

    private void create(Context ctx) {
        Credential who = require(ctx, Credential.Role.ORGANIZER);
        Championships.At at = championships.create(java.util.Optional.ofNullable(ctx.queryParam("id")), ctx.body(), who.name(),
                reason(ctx, "championship created"));
        written(ctx, at);
    }

    private void postResults(Context ctx) {
        Credential who = require(ctx, Credential.Role.ORGANIZER);
        byte[] bytes = ctx.bodyAsBytes();
        String format;
        String table;
        if (dev.pitwall.io.sim.SimResults.isGameFile(bytes)) {
            // A game's own result file, in whatever encoding the game wrote it.
            table = dev.pitwall.io.sim.SimResults.decode(java.nio.file.Path.of("body"), bytes);
            format = table.stripLeading().startsWith("<") ? "xml" : table.stripLeading().startsWith("[") ? "txt" : "json";
        } else {
            format = format(ctx);
            table = ctx.body();
        }
        Championships.At at = championships.postResults(ctx.pathParam("id"), seen(ctx), ctx.pathParam("race"), format, table,
                who.name(), reason(ctx, "results posted"));
        written(ctx, at);
    }

    private void postPenalty(Context ctx) {
        Credential who = require(ctx, Credential.Role.STEWARD);
        JsonNode body = body(ctx);
        String type = text(body, "type", "the decision: time-penalty, position-drop, grid-drop, disqualified or points-deduction");
        String value = switch (type) {
            case "time-penalty" -> number(body, "seconds") + "s";
            case "position-drop", "grid-drop" -> number(body, "places");
            case "points-deduction" -> number(body, "points");
            case "disqualified" -> "true";
            default -> throw Problem.Failure.badRequest("expected \"type\": time-penalty, position-drop, grid-drop, disqualified or "
                    + "points-deduction, found \"" + type + "\"");
        };
        Championships.At at = championships.postDecision(ctx.pathParam("id"), seen(ctx), ctx.pathParam("race"),
                text(body, "driver", "the driver's name"), type, value, who.name(), text(body, "reason", "the stewards' reason"));
        written(ctx, at);
    }

    private void postStatus(Context ctx) {
        Credential who = require(ctx, Credential.Role.ORGANIZER);
        JsonNode body = body(ctx);
        Championships.At at = championships.markStatus(ctx.pathParam("id"), seen(ctx), ctx.pathParam("race"),
                text(body, "status", "final or provisional"), who.name(), text(body, "reason", "why"));
        written(ctx, at);
    }

    private void revert(Context ctx) {
        Credential who = require(ctx, Credential.Role.ORGANIZER, Credential.Role.STEWARD);
        int revision;
        try {
            revision = Integer.parseInt(ctx.pathParam("revision"));
        } catch (NumberFormatException e) {
            throw Problem.Failure.notFound("no revision " + ctx.pathParam("revision"));
        }
        JsonNode body = body(ctx);
        Championships.At at = championships.revert(ctx.pathParam("id"), seen(ctx), revision, who.name(),
                text(body, "reason", "why the revision is taken back"));
        written(ctx, at);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Championships.At at(Context ctx) {
        String revision = ctx.queryParam("revision");
        OptionalInt n = OptionalInt.empty();
        if (revision != null) {
            try {
                n = OptionalInt.of(Integer.parseInt(revision));
            } catch (NumberFormatException e) {
                throw Problem.Failure.badRequest("expected ?revision= a revision number, found \"" + revision + "\"");
            }
        }
        return championships.at(ctx.pathParam("id"), n);
    }

    private static Race runRace(Championships.At at, String name) {
        Race race = at.championship().requireRace(name);
        if (at.championship().resultOf(race).isEmpty()) {
            throw Problem.Failure.notFound(race.name() + " has not been run yet: it has no results");
        }
        return race;
    }

    private Credential require(Context ctx, Credential.Role... roles) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Problem.Failure.unauthorized("this change needs a bearer token (Authorization: Bearer <token>)");
        }
        Credential who = store.authenticate(header.substring(7).strip())
                .orElseThrow(() -> Problem.Failure.unauthorized("the bearer token is not known"));
        if (!Set.of(roles).contains(who.role())) {
            throw Problem.Failure.forbidden(who.name() + " is a " + who.role().label() + "; this change needs the role "
                    + String.join(" or ", java.util.Arrays.stream(roles).map(Credential.Role::label).toList()));
        }
        return who;
    }

    /** The revision the writer last saw, from {@code If-Match: "7"}; without it, the latest. */
    private static OptionalInt seen(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(ifMatch.replace("\"", "").replace("W/", "").strip()));
        } catch (NumberFormatException e) {
            throw Problem.Failure.badRequest("expected If-Match: \"<revision number>\", found " + ifMatch);
        }
    }

    private static String format(Context ctx) {
        String query = ctx.queryParam("format");
        if (query != null) {
            if (!List.of("md", "csv", "json").contains(query)) {
                throw Problem.Failure.badRequest("expected ?format= md, csv or json, found \"" + query + "\"");
            }
            return query;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return "csv";
        }
        if (type.startsWith("application/json")) {
            return "json";
        }
        return "md";
    }

    private static String reason(Context ctx, String fallback) {
        String reason = ctx.queryParam("reason");
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw Problem.Failure.badRequest("expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Problem.Failure(new Problem("about:blank", "Bad Request", 400, "the body is not well-formed JSON",
                    List.of(new Problem.InputProblem("body", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getOriginalMessage()))), false);
        }
    }

    private static String text(JsonNode body, String key, String expected) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw Problem.Failure.badRequest("expected \"" + key + "\": " + expected);
        }
        return n.asText();
    }

    private static String number(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || !n.isNumber() || n.decimalValue().signum() <= 0) {
            throw Problem.Failure.badRequest("expected \"" + key + "\": a number above zero");
        }
        return n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private void written(Context ctx, Championships.At at) {
        ctx.status(201).header("ETag", "\"" + at.revision() + "\"");
        json(ctx, ordered("id", at.id(), "revision", at.revision()));
    }

    private void announce(Championships.Change change) {
        List<SseClient> clients = subscribers.getOrDefault(change.id(), List.of());
        if (clients.isEmpty()) {
            return;
        }
        Championships.At at = championships.at(change.id(), OptionalInt.of(change.revision().number()));
        String data = Json.compact(ordered("revision", change.revision().number(), "kind",
                change.revision().kind().name().toLowerCase(Locale.ROOT), "author", change.revision().author(),
                "reason", change.revision().reason(), "standings", StandingsReport.of(at.championship(), Standings.latest(at.championship()))));
        for (SseClient client : clients) {
            if (client.terminated()) {
                clients.remove(client);
            } else {
                client.sendEvent("revision", data, Integer.toString(change.revision().number()));
            }
        }
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
            default -> {
                org.slf4j.LoggerFactory.getLogger(PitwallServer.class).error("request failed: " + ctx.path(), e);
                yield Problem.of(500, "Internal Server Error", "the server failed; nothing was changed");
            }
        };
        problem(ctx, problem);
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status()).contentType(PROBLEM_JSON).result(Json.write(problem));
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.write(body));
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
