package dev.pitwall.cli;

import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.InspectReport;
import dev.pitwall.io.sim.SimResults;
import dev.pitwall.io.sim.SimSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "inspect", description = "The classification a game's result file yields: Assetto Corsa Competizione and "
        + "Assetto Corsa server JSON, rFactor 2 / rFactor / Automobilista / Game Stock Car XML, Automobilista 2 / Project CARS "
        + "sms_stats, RaceRoom server JSON, RACE 07 / GTR2 / RaceRoom / F1 Challenge text, iRacing results JSON, SecondMonitor.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "The result file.")
    Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table, json, csv or markdown.")
    Format format;

    @Option(names = "--session", paramLabel = "<n>", description = "Which session of a file that holds several (1 is the first); "
            + "by default the last race.")
    Integer session;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SimSession chosen;
        if (session == null) {
            chosen = SimResults.read(file);
        } else {
            List<SimSession> all = SimResults.readAll(file);
            if (session < 1 || session > all.size()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), file + " holds " + all.size()
                        + (all.size() == 1 ? " session" : " sessions") + " (" + SimResults.describe(all) + "): --session " + session + " is not one");
            }
            chosen = all.get(session - 1);
        }
        spec.commandLine().getOut().print(InspectReport.of(chosen).render(format));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
