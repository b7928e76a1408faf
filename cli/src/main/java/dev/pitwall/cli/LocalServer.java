package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import dev.pitwall.store.Store;
import dev.pitwall.store.StoreException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A running {@code pitwall serve} on the embedded database, as the commands beside it reach it. The embedded database
 * is open to one process, so the server writes a door file beside it ({@code pitwall.server.json}, readable by its
 * owner only) with its loopback address and a secret; {@code pitwall token} and {@code pitwall import} then ask the
 * server instead of opening the database. A door file left by a killed server is found stale and ignored.
 */
record LocalServer(URI base, String secret) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The door file of the embedded database at a JDBC URL. */
    static Optional<Path> door(String jdbcUrl) {
        return Store.embeddedFile(jdbcUrl).map(f -> f.resolveSibling(f.getFileName() + ".server.json"));
    }

    /** A new secret for a server's door. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Opens the door for the server now serving the database: the file written whole, readable by its owner only. */
    static LocalServer open(Path door, String host, int port, String secret) throws IOException {
        String address = host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
        LocalServer server = new LocalServer(URI.create("http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port),
                secret);
        Path temporary = door.resolveSibling(door.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, Json.write(Map.of("url", server.base().toString(), "secret", server.secret())));
        try {
            Files.move(temporary, door, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, door, StandardCopyOption.REPLACE_EXISTING);
        }
        return server;
    }

    /** The server behind a door file, if there is one. */
    static Optional<LocalServer> find(String jdbcUrl) {
        return door(jdbcUrl).filter(Files::isRegularFile).flatMap(door -> {
            try {
                JsonNode json = Json.mapper().readTree(Files.readString(door));
                return Optional.of(new LocalServer(URI.create(json.get("url").asText()), json.get("secret").asText()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The answer to a request, or empty when no server listens there any more (the door file is stale). */
    Optional<JsonNode> call(String method, String path, Optional<Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + secret)
                .method(method, body.map(b -> HttpRequest.BodyPublishers.ofString(Json.write(b)))
                        .orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("the server at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while asking the server at " + base, e);
        }
        try {
            JsonNode json = response.body().isBlank() ? Json.mapper().createObjectNode() : Json.mapper().readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new RemoteProblem(json, response.statusCode());
            }
            return Optional.of(json);
        } catch (IOException e) {
            throw new StoreException("the server at " + base + " answered " + response.statusCode() + ": " + response.body(), e);
        }
    }

    /** The server refused: its problem, with each input error on a line of its own. */
    static final class RemoteProblem extends StoreException {
        final int status;

        RemoteProblem(JsonNode problem, int status) {
            super(describe(problem));
            this.status = status;
        }

        private static String describe(JsonNode problem) {
            StringBuilder text = new StringBuilder(problem.path("detail").asText("the server refused"));
            for (JsonNode e : problem.path("errors")) {
                text.append('\n').append(e.path("file").asText()).append(':').append(e.path("line").asInt()).append(": ")
                        .append(e.path("message").asText());
            }
            return text.toString();
        }
    }
}
