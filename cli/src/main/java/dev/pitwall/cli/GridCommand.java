package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.scoring.Grids;
import dev.pitwall.io.report.GridReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "grid", description = "A race's starting grid, as its grid rule and the stewards' grid drops set it.")
final class GridCommand implements Callable<Integer> {

    @Mixin
    ChampionshipOptions options;

    @Parameters(index = "1", paramLabel = "<race>", description = "The race, by name or slug.")
    String race;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Championship championship = options.load();
        var grid = Grids.of(championship, championship.requireRace(race));
        options.print(spec.commandLine().getOut(), GridReport.of(championship, grid));
        return 0;
    }
}
