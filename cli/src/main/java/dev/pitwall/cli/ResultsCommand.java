package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.io.report.ResultsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "results", description = "A race's classification after the stewards' decisions, with points.")
final class ResultsCommand implements Callable<Integer> {

    @Mixin
    ChampionshipOptions options;

    @Parameters(index = "1", paramLabel = "<race>", description = "The race, by name or slug.")
    String race;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Championship championship = options.load();
        Race r = championship.requireRace(race);
        var result = championship.resultOf(r);
        if (result.isEmpty()) {
            spec.commandLine().getErr().println(r.name() + " has not been run yet: it has no results");
            return Pitwall.INPUT_ERROR;
        }
        var classification = Classifier.classify(r, result.get(), championship.decisionsFor(r));
        options.print(spec.commandLine().getOut(), ResultsReport.of(championship, classification));
        return 0;
    }
}
