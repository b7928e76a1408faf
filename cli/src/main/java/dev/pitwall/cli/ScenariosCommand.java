package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.server.ScenariosReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "scenarios", description = "Who can still win the title, where each driver can finish, what each driver needs "
        + "in the next race, and the odds.")
final class ScenariosCommand implements Callable<Integer> {

    @Mixin
    ChampionshipOptions options;

    @Option(names = "--after", paramLabel = "<race>", description = "As things stood after this race (default: the latest).")
    String after;

    @Option(names = "--driver", paramLabel = "<name>", description = "Only this driver.")
    String driver;

    @Option(names = "--runs", defaultValue = "10000", description = "Simulated seasons for the odds (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Championship championship = options.load();
        options.print(spec.commandLine().getOut(), ScenariosReport.of(championship,
                Optional.ofNullable(after).map(championship::requireRace), Optional.ofNullable(driver), runs, seed));
        return 0;
    }
}
