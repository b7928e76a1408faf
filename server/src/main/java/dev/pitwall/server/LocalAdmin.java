package dev.pitwall.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import dev.pitwall.store.Championships;
import dev.pitwall.store.Credential;
import dev.pitwall.store.Store;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The door through which {@code pitwall token} and {@code pitwall import} reach a server that holds the embedded
 * database (which one process opens at a time): loopback only, with the secret the server wrote, readable by its
 * owner alone, beside the database. These commands change what the server holds, so the server does it.
 */
final class LocalAdmin {

    private final Championships championships;
    private final Store store;
    private final byte[] secret;

    private LocalAdmin(Championships championships, Store store, String secret) {
        this.championships = championships;
        this.store = store;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    static void routes(RoutesConfig routes, Championships championships, Store store, String secret) {
        LocalAdmin admin = new LocalAdmin(championships, store, secret);
        routes.get("/local/tokens", ctx -> admin.guarded(ctx, admin::tokens));
        routes.post("/local/tokens", ctx -> admin.guarded(ctx, admin::createToken));
        routes.delete("/local/tokens/{name}", ctx -> admin.guarded(ctx, admin::revokeToken));
        routes.post("/local/import", ctx -> admin.guarded(ctx, admin::importDirectory));
    }

    private void guarded(Context ctx, io.javalin.http.Handler handler) throws Exception {
        if (!loopback(ctx.ip())) {
            throw Problem.Failure.notFound("no such address: " + ctx.path());
        }
        String header = ctx.header("Authorization");
        byte[] given = header == null || !header.startsWith("Bearer ") ? new byte[0]
                : header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            throw Problem.Failure.unauthorized("the local administration needs the secret the server wrote beside its database");
        }
        handler.handle(ctx);
    }

    private static boolean loopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void tokens(Context ctx) {
        ctx.contentType("application/json").result(Json.write(store.tokens().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("role", t.role().label());
            m.put("createdAt", t.createdAt().toString());
            return m;
        }).toList()));
    }

    private void createToken(Context ctx) {
        JsonNode body = Requests.object(ctx);
        String name = Requests.text(body, "name", "who the token is for");
        Credential.Role role = Credential.Role.parse(Requests.text(body, "role", "organizer or steward"))
                .orElseThrow(() -> Problem.Failure.badRequest("expected \"role\": organizer or steward"));
        ctx.status(201).contentType("application/json").result(Json.write(Map.of("token", store.createToken(name, role))));
    }

    private void revokeToken(Context ctx) {
        if (!store.revokeToken(ctx.pathParam("name"))) {
            throw Problem.Failure.notFound("no token for " + ctx.pathParam("name"));
        }
        ctx.status(204);
    }

    private void importDirectory(Context ctx) {
        JsonNode body = Requests.object(ctx);
        var at = championships.importDirectory(Path.of(Requests.text(body, "directory", "the championship directory")),
                Requests.text(body, "author", "who imports"));
        ctx.status(201).header("ETag", "\"" + at.revision() + "\"").contentType("application/json")
                .result(Json.write(Map.of("id", at.id(), "revision", at.revision())));
    }
}
