package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.scenarios.Strengths;
import dev.pitwall.strategy.MonteCarlo;
import dev.pitwall.strategy.RaceSetup;
import dev.pitwall.strategy.StrategyFile;
import dev.pitwall.server.ScenariosReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Option(names = "--race-model", paramLabel = "<file>", description = "Take the strength odds from simulated races of this "
            + "strategy file (.yaml) or TUM race file (.ini), as many as --runs, instead of a fit to the results so far.")
    java.nio.file.Path raceModel;

    @Option(names = "--time-limit", defaultValue = "2", paramLabel = "<seconds>",
            description = "Seconds the solver may spend on one question before its answer is undecided (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--assume", paramLabel = "<race: driver position>",
            description = "What if: a result of a race still to run, e.g. \"Grand Final: Miyazono 1\". Repeatable.")
    List<String> assume = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private static final Pattern ASSUMPTION = Pattern.compile("\\s*(.+?)\\s*:\\s*(.+?)\\s+(\\d+)(?:st|nd|rd|th)?\\s*");

    @Override
    public Integer call() {
        Championship championship = options.load();
        Map<String, Map<String, Integer>> assumed = new LinkedHashMap<>();
        for (String text : assume) {
            Matcher m = ASSUMPTION.matcher(text);
            if (!m.matches()) {
                throw new ParameterException(spec.commandLine(), "expected --assume \"<race>: <driver> <position>\" like "
                        + "\"Grand Final: Miyazono 1\", found \"" + text + "\"");
            }
            String race = championship.requireRace(m.group(1)).name();
            String name = championship.entrant(m.group(2)).or(() -> championship.entrants().stream()
                    .filter(e -> e.name().toLowerCase(java.util.Locale.ROOT).endsWith(" " + m.group(2).toLowerCase(java.util.Locale.ROOT)))
                    .findFirst()).orElseGet(() -> championship.requireEntrant(m.group(2))).name();
            assumed.computeIfAbsent(race, r -> new LinkedHashMap<>()).put(name, Integer.parseInt(m.group(3)));
        }
        Optional<Strengths> strengths = raceModel == null ? Optional.empty() : Optional.of(strengths(championship));
        try {
            options.print(spec.commandLine().getOut(), ScenariosReport.of(championship,
                    Optional.ofNullable(after).map(championship::requireRace), Optional.ofNullable(driver), runs, seed, assumed,
                    java.time.Duration.ofMillis(Math.max(1, Math.round(timeLimit * 1000))), strengths));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return Pitwall.INPUT_ERROR;
        }
        return 0;
    }

    /**
     * The strength model from the race file's simulated races: every run's finishing order, its drivers matched to the
     * entry list by name (a driver the championship does not know is left out of the fit).
     */
    private Strengths strengths(Championship championship) {
        StrategyFile.Race race = StrategyRaces.read(raceModel);
        RaceSetup setup = race.forChance();
        if (setup.drivers().stream().noneMatch(d -> championship.entrant(d.name()).isPresent())) {
            throw new ParameterException(spec.commandLine(), raceModel + ": none of its drivers is in the entry list of " + championship.name());
        }
        List<List<String>> orders = new ArrayList<>();
        for (List<String> order : MonteCarlo.orders(setup, race.incidents(), race.regulations(), seed, runs)) {
            orders.add(order.stream().map(championship::entrant).flatMap(Optional::stream).map(Entrant::name).toList());
        }
        return Strengths.fit(orders, runs + " simulated races of " + race.name() + " (" + raceModel.getFileName()
                + (race.incidents().random() ? "" : "; nothing left to chance, so every race is the same") + ")");
    }
}
