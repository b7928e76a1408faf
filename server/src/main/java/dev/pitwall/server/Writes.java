package dev.pitwall.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import dev.pitwall.io.sim.SimResults;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Credential;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The API's writes, each needing a bearer token of the right role. Each answers 201 with the revision it created, in
 * its body and its {@code ETag}; a rejected write changes nothing.
 */
final class Writes {

    private final Championships championships;
    private final Access access;

    private Writes(Championships championships, Access access) {
        this.championships = championships;
        this.access = access;
    }

    static void routes(RoutesConfig routes, Championships championships, Access access) {
        Writes writes = new Writes(championships, access);
        routes.post("/api/championships", writes::create);
        routes.post("/api/championships/{id}/races/{race}/results", writes::postResults);
        routes.post("/api/championships/{id}/races/{race}/penalties", writes::postPenalty);
        routes.post("/api/championships/{id}/races/{race}/status", writes::postStatus);
        routes.post("/api/championships/{id}/revisions/{revision}/revert", writes::revert);
    }

    private void create(Context ctx) {
        Credential who = access.require(ctx, Credential.Role.ORGANIZER);
        Championships.At at = championships.create(Optional.ofNullable(ctx.queryParam("id")), ctx.body(), who.name(),
                Requests.reason(ctx, "championship created"));
        written(ctx, at);
    }

    private void postResults(Context ctx) {
        Credential who = access.require(ctx, Credential.Role.ORGANIZER);
        byte[] bytes = ctx.bodyAsBytes();
        String format;
        String table;
        if (SimResults.isGameFile(bytes)) {
            // A game's own result file, in whatever encoding the game wrote it.
            table = SimResults.decode(java.nio.file.Path.of("body"), bytes);
            format = table.stripLeading().startsWith("<") ? "xml" : table.stripLeading().startsWith("[") ? "txt" : "json";
        } else {
            format = Requests.tableFormat(ctx);
            table = ctx.body();
        }
        Championships.At at = championships.postResults(ctx.pathParam("id"), Requests.ifMatch(ctx), ctx.pathParam("race"), format,
                table, who.name(), Requests.reason(ctx, "results posted"));
        written(ctx, at);
    }

    private void postPenalty(Context ctx) {
        Credential who = access.require(ctx, Credential.Role.STEWARD, Credential.Role.ORGANIZER);
        JsonNode body = Requests.object(ctx);
        String type = Requests.text(body, "type", "the decision: time-penalty, position-drop, grid-drop, disqualified or points-deduction");
        String value = switch (type) {
            case "time-penalty" -> Requests.amount(body, "seconds") + "s";
            case "position-drop", "grid-drop" -> Requests.amount(body, "places");
            case "points-deduction" -> Requests.amount(body, "points");
            case "disqualified" -> "true";
            default -> throw Problem.Failure.badRequest("expected \"type\": time-penalty, position-drop, grid-drop, disqualified or "
                    + "points-deduction, found \"" + type + "\"");
        };
        Championships.At at = championships.postDecision(ctx.pathParam("id"), Requests.ifMatch(ctx), ctx.pathParam("race"),
                Requests.text(body, "driver", "the driver's name"), type, value, who.name(),
                Requests.text(body, "reason", "the stewards' reason"));
        written(ctx, at);
    }

    private void postStatus(Context ctx) {
        Credential who = access.require(ctx, Credential.Role.ORGANIZER);
        JsonNode body = Requests.object(ctx);
        Championships.At at = championships.markStatus(ctx.pathParam("id"), Requests.ifMatch(ctx), ctx.pathParam("race"),
                Requests.text(body, "status", "final or provisional"), who.name(), Requests.text(body, "reason", "why"));
        written(ctx, at);
    }

    private void revert(Context ctx) {
        Credential who = access.require(ctx, Credential.Role.ORGANIZER, Credential.Role.STEWARD);
        String number = ctx.pathParam("revision");
        if (!number.matches("\\d{1,9}")) {
            throw Problem.Failure.notFound("no revision " + number);
        }
        int revision = Integer.parseInt(number);
        JsonNode body = Requests.object(ctx);
        String reason = Requests.text(body, "reason", "why the revision is taken back");
        Championships.At now = championships.at(ctx.pathParam("id"), OptionalInt.empty());
        now.history().stream().filter(r -> r.number() == revision).findFirst()
                .ifPresent(target -> Access.mayRevert(who, target, now.history()));
        Championships.At at = championships.revert(ctx.pathParam("id"), Requests.ifMatch(ctx), revision, who.name(), reason);
        written(ctx, at);
    }

    private static void written(Context ctx, Championships.At at) {
        ctx.status(201).header("ETag", "\"" + at.revision() + "\"").contentType("application/json; charset=utf-8")
                .result(Json.write(new Written(at.id(), at.revision())));
    }

    /** The answer to a write: the championship and the revision the write created. */
    record Written(String id, int revision) {
    }
}
