package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.store.Credential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Writers' API tokens. Beside a running {@code pitwall serve} on the embedded database the server does it (through
 * its door file); otherwise the database is opened here, as it is on PostgreSQL, where any number of processes share it.
 */
@Command(name = "token", description = "API tokens for writers: create, list, revoke.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", description = "Creates a token for a person and role; it is shown once and stored hashed.")
    static final class Create implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Who the token is for; revisions carry this name.")
        String name;

        @Option(names = "--role", required = true, description = "organizer or steward.")
        String role;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var parsed = Credential.Role.parse(role);
            if (parsed.isEmpty()) {
                spec.commandLine().getErr().println("expected --role organizer or steward, found \"" + role + "\"");
                return Pitwall.INPUT_ERROR;
            }
            String token = database.viaServerOrStore(
                    server -> server.call("POST", "/local/tokens", Optional.of(Map.of("name", name, "role", parsed.get().label())))
                            .map(json -> json.get("token").asText()),
                    store -> store.createToken(name, parsed.get()));
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "list", description = "Lists who holds a token, with the role and when it was made (never the token).")
    static final class ListTokens implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<String[]> rows = database.viaServerOrStore(
                    server -> server.call("GET", "/local/tokens", Optional.empty()).map(json -> {
                        List<String[]> list = new java.util.ArrayList<>();
                        for (JsonNode t : json) {
                            list.add(new String[] {t.get("name").asText(), t.get("role").asText(), t.get("createdAt").asText()});
                        }
                        return list;
                    }),
                    store -> store.tokens().stream()
                            .map(t -> new String[] {t.name(), t.role().label(), t.createdAt().toString()}).toList());
            PrintWriter out = spec.commandLine().getOut();
            int width = Math.max(4, rows.stream().mapToInt(r -> r[0].length()).max().orElse(4));
            out.printf("%-" + width + "s  %-9s  %s%n", "Name", "Role", "Created");
            rows.forEach(r -> out.printf("%-" + width + "s  %-9s  %s%n", r[0], r[1], r[2]));
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revokes a person's token: it stops working at once.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<name>", description = "Whose token.")
        String name;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            boolean revoked = database.viaServerOrStore(server -> {
                try {
                    return server.call("DELETE", "/local/tokens/" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"), Optional.empty()).map(json -> true);
                } catch (LocalServer.RemoteProblem e) {
                    if (e.status == 404) {
                        return Optional.of(false);
                    }
                    throw e;
                }
            }, store -> store.revokeToken(name));
            if (!revoked) {
                spec.commandLine().getErr().println("no token for " + name);
                return Pitwall.INPUT_ERROR;
            }
            spec.commandLine().getOut().println("revoked the token of " + name);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
