package dev.pitwall.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.io.report.Report;
import dev.pitwall.io.report.TextTable;
import dev.pitwall.scenarios.Outlook;
import dev.pitwall.scenarios.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    /** JSON: {"after": "Race 2", "remaining": ["Grand Final"], "drivers": [...]}. */
    @JsonPropertyOrder({"after", "remaining", "odds", "drivers"})
    record ScenariosReport(String after, List<String> remaining, String odds, List<Row> drivers) implements Report {

        @JsonPropertyOrder({"driver", "points", "canWin", "reason", "bestPosition", "worstPosition", "probability", "standardError",
                "witness", "needs"})
        record Row(String driver, Points points, String canWin, String reason, Integer bestPosition, Integer worstPosition,
                   double probability, double standardError, List<String> witness, List<Need> needs) {
        }

        record Need(int position, String verdict, String sentence) {
        }

        @Override
        public TextTable table() {
            List<List<String>> rows = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Row r : drivers) {
                rows.add(List.of(r.driver(), r.points().toString(), r.canWin(),
                        r.bestPosition() == null ? "?" : r.bestPosition() + "-" + r.worstPosition(),
                        String.format(Locale.ROOT, "%.1f%%", 100 * r.probability())));
                r.needs().stream().filter(n -> !n.verdict().equals("cannot")).forEach(n -> notes.add(n.sentence()));
                if (!r.reason().isEmpty() && r.canWin().equals("undecided")) {
                    notes.add(r.driver() + ": undecided: " + r.reason());
                }
            }
            notes.add("Odds: " + odds + ".");
            return new TextTable("Title outlook " + (after == null ? "before the first race" : "after " + after)
                    + (remaining.isEmpty() ? "" : ", " + String.join(", ", remaining) + " to go"),
                    List.of(TextTable.Column.text("Driver"), TextTable.Column.number("Points"), TextTable.Column.text("Can win"),
                            TextTable.Column.text("Final position"), TextTable.Column.number("Title odds")),
                    rows, notes);
        }
    }

    @Override
    public Integer call() {
        Championship championship = options.load();
        List<Race> races = championship.races();
        int afterIndex;
        if (after == null) {
            List<Race> run = championship.racesRun();
            afterIndex = run.isEmpty() ? -1 : races.indexOf(run.getLast());
        } else {
            afterIndex = races.indexOf(championship.requireRace(after));
        }
        Scenarios.Report report = afterIndex + 1 >= races.size() ? Scenarios.decided(championship)
                : Scenarios.before(championship, races.get(afterIndex + 1), new SplittableRandom(seed), runs);
        List<ScenariosReport.Row> rows = new ArrayList<>();
        for (Outlook o : report.drivers()) {
            if (driver != null && championship.entrant(driver).map(e -> !e.name().equals(o.driver())).orElse(true)) {
                continue;
            }
            rows.add(new ScenariosReport.Row(o.driver(), o.points(), o.canWin().label(), o.reason(),
                    o.bestPosition() == 0 ? null : o.bestPosition(), o.worstPosition() == 0 ? null : o.worstPosition(),
                    o.probability(), o.standardError(), o.witness(),
                    o.needs().stream().map(n -> new ScenariosReport.Need(n.position(), n.verdict().label(), n.sentence())).toList()));
        }
        if (driver != null && rows.isEmpty()) {
            championship.requireEntrant(driver);
        }
        options.print(spec.commandLine().getOut(), new ScenariosReport(report.after().map(Race::name).orElse(null),
                report.remaining().stream().map(Race::name).toList(), report.oddsModel(), rows));
        return 0;
    }
}
