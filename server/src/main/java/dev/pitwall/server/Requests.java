package dev.pitwall.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** Reading a request's parts, each refused with a 400 that says what was expected. */
final class Requests {

    /** The largest amount a decision may carry: seconds, places or points. */
    static final BigDecimal AMOUNT_MAX = BigDecimal.valueOf(100_000);

    private Requests() {
    }

    static JsonNode object(Context ctx) {
        try {
            JsonNode node = Json.mapper().readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw Problem.Failure.badRequest("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Problem.Failure(new Problem("about:blank", "Bad Request", 400, "the body is not well-formed JSON",
                    List.of(new Problem.InputProblem("body", e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                            e.getOriginalMessage()))), false);
        }
    }

    static String text(JsonNode body, String key, String expected) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw Problem.Failure.badRequest("expected \"" + key + "\": " + expected);
        }
        return n.asText();
    }

    /** A positive, finite amount no larger than {@link #AMOUNT_MAX}, as plain text ({@code 5}, {@code 2.5}). */
    static String amount(JsonNode body, String key) {
        JsonNode n = body.get(key);
        BigDecimal value = null;
        if (n != null && n.isNumber() && Double.isFinite(n.doubleValue())) {
            value = n.decimalValue();
        }
        if (value == null || value.signum() <= 0 || value.compareTo(AMOUNT_MAX) > 0 || value.scale() > 3) {
            throw Problem.Failure.badRequest("expected \"" + key + "\": a number above zero and at most " + AMOUNT_MAX.toPlainString()
                    + ", with at most three decimals");
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** The revision the writer last saw, from {@code If-Match: "7"}; without it, none: the write goes on top. */
    static OptionalInt ifMatch(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            return OptionalInt.empty();
        }
        String plain = ifMatch.replace("W/", "").replace("\"", "").strip();
        if (!plain.matches("\\d{1,9}")) {
            throw Problem.Failure.badRequest("expected If-Match: \"<revision number>\", found " + ifMatch);
        }
        return OptionalInt.of(Integer.parseInt(plain));
    }

    /** A results table's format, from {@code ?format=} or the content type. */
    static String tableFormat(Context ctx) {
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

    static String reason(Context ctx, String fallback) {
        String reason = ctx.queryParam("reason");
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    static OptionalInt revision(Context ctx) {
        String revision = ctx.queryParam("revision");
        if (revision == null) {
            return OptionalInt.empty();
        }
        if (!revision.matches("\\d{1,9}")) {
            throw Problem.Failure.badRequest("expected ?revision= a revision number, found \"" + revision + "\"");
        }
        return OptionalInt.of(Integer.parseInt(revision));
    }
}
