package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.InputError;
import dev.pitwall.io.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", description = "Checks a championship's files and says what is wrong, or that all is well. "
        + "Exit status 1 when something is wrong.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<dir>", description = "Championship directory (holding championship.yaml).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Championship c = ChampionshipFiles.load(dir);
            out.printf("%s: all is well. %d %s in %d %s (%d run), %d entrants, %d stewards' %s.%n", c.name(),
                    c.races().size(), c.races().size() == 1 ? "race" : "races",
                    c.rounds().size(), c.rounds().size() == 1 ? "round" : "rounds", c.racesRun().size(),
                    c.entrants().size(), c.decisions().size(), c.decisions().size() == 1 ? "decision" : "decisions");
            out.flush();
            return 0;
        } catch (InvalidInputException e) {
            PrintWriter err = spec.commandLine().getErr();
            for (InputError error : e.errors()) {
                err.println(error);
            }
            err.printf("%d %s found.%n", e.errors().size(), e.errors().size() == 1 ? "problem" : "problems");
            err.flush();
            return 1;
        }
    }
}
