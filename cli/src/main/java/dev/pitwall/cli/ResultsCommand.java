package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.ResultsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "results", description = "A race's classification after the stewards' decisions, with points; "
        + "'results import' adds a race's results file.", subcommands = ResultsImportCommand.class)
final class ResultsCommand implements Callable<Integer> {

    // Optional so that 'pitwall results import ...' reaches the subcommand; both are required for the classification.
    @Parameters(index = "0", arity = "0..1", paramLabel = "<dir>", description = "Championship directory (holding championship.yaml).")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<race>", description = "The race, by name or slug.")
    String race;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>",
            description = "Output: table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (dir == null || race == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameters: '<dir>', '<race>'");
        }
        Championship championship = ChampionshipFiles.load(dir);
        Race r = championship.requireRace(race);
        if (championship.resultOf(r).isEmpty()) {
            spec.commandLine().getErr().println(r.name() + " has not been run yet: it has no results");
            return Pitwall.INPUT_ERROR;
        }
        spec.commandLine().getOut().print(ResultsReport.of(championship, Classifier.classify(championship, r)).render(format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
