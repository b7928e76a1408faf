package dev.pitwall.cli;

import dev.pitwall.core.model.UnknownNameException;
import dev.pitwall.core.scoring.GridUnavailableException;
import dev.pitwall.io.InputError;
import dev.pitwall.io.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code pitwall} command. */
@Command(name = "pitwall",
        mixinStandardHelpOptions = true,
        versionProvider = Pitwall.Version.class,
        description = "Racing championship engine: results in, classifications, points, grids and standings out.",
        subcommands = {
                StandingsCommand.class,
                ResultsCommand.class,
                GridCommand.class,
                AuditCommand.class,
                ValidateCommand.class,
                ScenariosCommand.class,
                InspectCommand.class,
                ConformanceCommand.class,
                StrategyCommand.class,
                ServeCommand.class,
                ImportCommand.class,
                TokenCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Pitwall implements Runnable {

    /** Exit status for input Pitwall cannot use: a bad file, an unknown race or driver. */
    static final int INPUT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Pitwall's error handling, for {@code main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Pitwall());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            switch (e) {
                case InvalidInputException invalid -> {
                    for (InputError error : invalid.errors()) {
                        err.println(error);
                    }
                }
                case UnknownNameException unknown -> err.println(unknown.getMessage());
                case GridUnavailableException grid -> err.println(grid.getMessage());
                case dev.pitwall.store.StoreException store -> err.println(store.getMessage());
                case dev.pitwall.strategy.StrategyInputException strategy -> err.println(strategy.getMessage());
                default -> throw e;
            }
            err.flush();
            return INPUT_ERROR;
        });
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Pitwall.class.getPackage().getImplementationVersion();
            return new String[] {"pitwall " + (v == null ? "(development build)" : v)};
        }
    }
}
