package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.io.report.StandingsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "standings", description = "The championship standings after the latest race, or after --after.")
final class StandingsCommand implements Callable<Integer> {

    @Mixin
    ChampionshipOptions options;

    @Option(names = "--after", paramLabel = "<race>", description = "Standings after this race (name or slug).")
    String after;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Championship championship = options.load();
        Standings standings;
        if (after == null) {
            standings = Standings.latest(championship);
        } else {
            Race race = championship.requireRace(after);
            if (championship.resultOf(race).isEmpty()) {
                spec.commandLine().getErr().println(race.name() + " has not been run yet: it has no results");
                return Pitwall.INPUT_ERROR;
            }
            standings = Standings.after(championship, race);
        }
        options.print(spec.commandLine().getOut(), StandingsReport.of(championship, standings));
        return 0;
    }
}
