package dev.pitwall.cli;

import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.InspectReport;
import dev.pitwall.io.sim.SimResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "inspect", description = "The classification a game's result file yields "
        + "(Assetto Corsa Competizione and Assetto Corsa server JSON, rFactor 2 / rFactor / Automobilista / Game Stock Car XML, "
        + "Automobilista 2 sms_stats).")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "The result file.")
    Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table, json, csv or markdown.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(InspectReport.of(SimResults.read(file)).render(format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
