package dev.pitwall.cli;

import dev.pitwall.store.Credential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "token", description = "API tokens for writers.", subcommands = TokenCommand.Create.class)
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
            try (var store = database.open()) {
                spec.commandLine().getOut().println(store.createToken(name, parsed.get()));
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
