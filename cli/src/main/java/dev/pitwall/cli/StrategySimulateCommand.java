package dev.pitwall.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Report;
import dev.pitwall.io.report.TextTable;
import dev.pitwall.strategy.Driver;
import dev.pitwall.strategy.MonteCarlo;
import dev.pitwall.strategy.RaceSetup;
import dev.pitwall.strategy.RaceSimulation;
import dev.pitwall.strategy.StrategyFile;
import dev.pitwall.strategy.StrategyOptimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

/**
 * {@code pitwall strategy simulate <file>}: many simulated races with the file's chances (lap-time noise, accidents,
 * failures, safety cars), each driver's odds of winning, a podium and points, and with {@code --driver} the candidate
 * strategies ranked against the field with common random numbers; {@code --svg} draws the race history.
 */
@Command(name = "simulate", description = "Simulates the race many times with its chances (lap-time noise, accidents, failures, "
        + "safety cars: the strategy file's incidents section, or TUM's pars_mcs.ini beside a TUM file) and prints each driver's "
        + "odds; with --driver, ranks candidate strategies for that driver against the field with common random numbers.")
final class StrategySimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<file>", description = "A strategy file (.yaml) or a TUM race parameter file (.ini).")
    Path file;

    @Option(names = "--runs", defaultValue = "10000", paramLabel = "<n>", description = "Simulated races (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--seed", defaultValue = "2024", paramLabel = "<seed>", description = "Seed of the simulation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--driver", paramLabel = "<driver>", description = "Rank strategies for this driver: his own and the fastest "
            + "legal plan with each number of stops up to --stops.")
    String driver;

    @Option(names = "--stops", defaultValue = "3", paramLabel = "<n>", description = "Most stops of the candidate plans (default ${DEFAULT-VALUE}).")
    int stops;

    @Option(names = "--points-places", defaultValue = "10", paramLabel = "<n>", description = "How many places score points (default ${DEFAULT-VALUE}).")
    int pointsPlaces;

    @Option(names = "--svg", paramLabel = "<file>", description = "Write the race history (gap to the leader on every lap, the race "
            + "as set up, without chance) as SVG.")
    Path svg;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table or json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (runs < 1) {
            spec.commandLine().getErr().println("--runs must be at least 1, was " + runs);
            return Pitwall.INPUT_ERROR;
        }
        StrategyFile.Race race = StrategyRaces.read(file);
        RaceSetup setup = race.forChance();
        Driver target = null;
        if (driver != null) {
            target = setup.drivers().stream().filter(d -> d.initials().equalsIgnoreCase(driver) || d.name().equalsIgnoreCase(driver))
                    .findFirst().orElse(null);
            if (target == null) {
                spec.commandLine().getErr().println(file + ": no driver " + driver + "; drivers are "
                        + String.join(", ", setup.drivers().stream().map(Driver::initials).toList()));
                return Pitwall.INPUT_ERROR;
            }
        }
        List<MonteCarlo.Candidate> candidates = new ArrayList<>();
        if (target != null) {
            candidates.add(new MonteCarlo.Candidate("as in the file", target.strategy()));
            for (int s = 1; s <= stops; s++) {
                StrategyOptimizer.Plan plan;
                try {
                    plan = StrategyOptimizer.fastest(setup.withoutEvents(), target, s, race.legal());
                } catch (IllegalArgumentException noLegalPlan) {
                    continue; // the regulations need more stops than s
                }
                if (plan.stops() == s && candidates.stream().noneMatch(c -> c.strategy().equals(plan.stints()))) {
                    candidates.add(new MonteCarlo.Candidate("fastest with " + s + (s == 1 ? " stop" : " stops"), plan.stints()));
                }
            }
        }
        Progress progress = new Progress(spec.commandLine().getErr(), runs * (1 + candidates.size()));
        MonteCarlo.Odds odds = MonteCarlo.odds(setup, race.incidents(), race.regulations(), seed, runs, progress);
        List<MonteCarlo.Ranked> ranked = target == null ? List.of()
                : MonteCarlo.rank(setup, target.initials(), candidates, race.incidents(), race.regulations(), seed, runs,
                done -> progress.accept(runs + done));
        progress.finish();
        if (svg != null) {
            Files.writeString(svg, RaceHistorySvg.of(race.name(), RaceSimulation.run(setup.withoutEvents())), StandardCharsets.UTF_8);
        }
        SimulateReport report = SimulateReport.of(race, runs, seed, pointsPlaces, odds, target == null ? null : target.initials(), ranked,
                race.incidents().random());
        spec.commandLine().getOut().print(report.render(format));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A progress bar on the error stream, redrawn at each whole percent; silent when the stream is not a terminal. */
    static final class Progress implements IntConsumer {
        private final PrintWriter err;
        private final int total;
        private final boolean shown;
        private int percentShown = -1;

        Progress(PrintWriter err, int total, boolean terminal) {
            this.err = err;
            this.total = total;
            this.shown = terminal;
        }

        Progress(PrintWriter err, int total) {
            this(err, total, terminal());
        }

        /** Whether the standard streams are a terminal ({@code Console.isTerminal()} where the JDK has it, JDK 22 on). */
        private static boolean terminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException olderJdk) {
                return true; // before JDK 22 there is a console only on a terminal
            }
        }

        @Override
        public void accept(int done) {
            int percent = (int) (100L * done / total);
            if (shown && percent != percentShown) {
                percentShown = percent;
                int bar = percent / 5;
                err.print("\rsimulating [" + "#".repeat(bar) + "-".repeat(20 - bar) + "] " + percent + "% " + done + "/" + total + " races");
                err.flush();
            }
        }

        void finish() {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }

    /**
     * The odds table, and the ranked strategies: {@code {"race", "runs", "seed", "odds": [...], "driver", "strategies": [...]}}.
     */
    @JsonPropertyOrder({"race", "runs", "seed", "chance", "regulations", "regulationsSource", "odds", "driver", "strategies"})
    record SimulateReport(String race, int runs, long seed, boolean chance, String regulations, String regulationsSource,
                          List<DriverOdds> odds, String driver, List<StrategyRow> strategies) implements Report {

        @JsonPropertyOrder({"driver", "win", "podium", "points", "meanPosition", "retired", "winStandardError"})
        record DriverOdds(String driver, double win, double podium, double points, double meanPosition, double retired, double winStandardError) {
        }

        @JsonPropertyOrder({"label", "stints", "meanPosition", "meanPositionHalfWidth", "win", "winHalfWidth", "behindBest", "behindBestHalfWidth"})
        record StrategyRow(String label, List<String> stints, double meanPosition, double meanPositionHalfWidth, double win,
                           double winHalfWidth, double behindBest, double behindBestHalfWidth) {
        }

        static SimulateReport of(StrategyFile.Race race, int runs, long seed, int pointsPlaces, MonteCarlo.Odds odds, String driver,
                                 List<MonteCarlo.Ranked> ranked, boolean chance) {
            List<DriverOdds> rows = new ArrayList<>();
            for (int d = 0; d < odds.drivers().size(); d++) {
                rows.add(new DriverOdds(odds.drivers().get(d), odds.win(d), odds.podium(d), odds.top(d, pointsPlaces), odds.meanPosition(d),
                        (double) odds.retirements()[d] / runs, odds.standardError(odds.win(d))));
            }
            rows.sort(Comparator.comparingDouble(DriverOdds::meanPosition));
            List<StrategyRow> strategies = ranked.stream().map(r -> new StrategyRow(r.label(), StrategyCommand.stints(r.strategy(), race.setup().laps()),
                    r.meanPosition(), r.meanPositionHalfWidth(), r.win(), r.winHalfWidth(), r.behindBest(), r.behindBestHalfWidth())).toList();
            return new SimulateReport(race.name(), runs, seed, chance, race.rule(), race.regulations().source(), rows, driver, strategies);
        }

        @Override
        public String render(Format format) {
            if (format == Format.JSON || strategies.isEmpty()) {
                return Report.super.render(format);
            }
            return table().render(format) + System.lineSeparator() + strategiesTable().render(format);
        }

        @Override
        public TextTable table() {
            List<List<String>> rows = new ArrayList<>();
            for (DriverOdds o : odds) {
                rows.add(List.of(o.driver(), percent(o.win()), percent(o.podium()), percent(o.points()),
                        String.format(Locale.ROOT, "%.2f", o.meanPosition()), percent(o.retired())));
            }
            String notes = (chance ? "Each race drawn with the file's chances; seed " + seed + "."
                    : "The file leaves nothing to chance: every run is the same race.")
                    + " Regulations (" + regulationsSource + "): " + regulations + "; a finisher who breaks them is disqualified.";
            return new TextTable(race + ": odds over " + runs + " simulated races", List.of(TextTable.Column.text("Driver"),
                    TextTable.Column.number("Win"), TextTable.Column.number("Podium"), TextTable.Column.number("Points"),
                    TextTable.Column.number("Mean position"), TextTable.Column.number("Retired")), rows, List.of(notes));
        }

        private TextTable strategiesTable() {
            List<List<String>> rows = new ArrayList<>();
            for (StrategyRow s : strategies) {
                rows.add(List.of(s.label(), String.join(", ", s.stints()),
                        String.format(Locale.ROOT, "%.2f ± %.2f", s.meanPosition(), s.meanPositionHalfWidth()),
                        String.format(Locale.ROOT, "%s ± %.1f", percent(s.win()), 100 * s.winHalfWidth()),
                        String.format(Locale.ROOT, "%+.2f ± %.2f", s.behindBest(), s.behindBestHalfWidth())));
            }
            return new TextTable(driver + "'s strategies against the field", List.of(TextTable.Column.text("Strategy"),
                    TextTable.Column.text("Stints"), TextTable.Column.number("Mean position"), TextTable.Column.number("Win"),
                    TextTable.Column.number("Places behind the best")), rows,
                    List.of("95% confidence intervals; every strategy met the same " + runs + " drawn races (common random numbers), "
                            + "so the places behind the best are measured run by run."));
        }

        private static String percent(double p) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * p);
        }
    }
}
