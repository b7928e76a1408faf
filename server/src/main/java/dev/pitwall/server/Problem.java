package dev.pitwall.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * An error response as RFC 9457 describes it ({@code application/problem+json}), with the input errors, when the
 * request's body was wrong, each naming the line and what was expected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
record Problem(String type, String title, int status, String detail, List<InputProblem> errors) {

    /** One thing wrong with the request's input. */
    record InputProblem(String file, int line, String message) {
    }

    static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    /** An error the request made, thrown by handlers and turned into a response. */
    static final class Failure extends RuntimeException {
        final Problem problem;
        final boolean challenge;

        Failure(Problem problem, boolean challenge) {
            super(problem.detail());
            this.problem = problem;
            this.challenge = challenge;
        }

        static Failure unauthorized(String detail) {
            return new Failure(Problem.of(401, "Unauthorized", detail), true);
        }

        static Failure forbidden(String detail) {
            return new Failure(Problem.of(403, "Forbidden", detail), false);
        }

        static Failure badRequest(String detail) {
            return new Failure(Problem.of(400, "Bad Request", detail), false);
        }

        static Failure notFound(String detail) {
            return new Failure(Problem.of(404, "Not Found", detail), false);
        }
    }
}
