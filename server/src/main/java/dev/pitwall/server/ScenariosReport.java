package dev.pitwall.server;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Report;
import dev.pitwall.io.report.TextTable;
import dev.pitwall.scenarios.Outlook;
import dev.pitwall.scenarios.Scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The title outlook as the CLI prints it and the API serves it:
 * {@code {"after": "Race 2", "remaining": ["Grand Final"], "drivers": [{"driver": "Jose Serrano", "points": 32,
 * "canWin": "yes", ...}]}}.
 */
@JsonPropertyOrder({"after", "remaining", "odds", "drivers", "constructors"})
public record ScenariosReport(String after, List<String> remaining, String odds, List<ScenariosReport.Row> drivers,
                              List<ScenariosReport.TeamRow> constructors) implements Report {

    @JsonPropertyOrder({"driver", "points", "canWin", "reason", "bestPosition", "worstPosition", "probability", "standardError",
            "strengthProbability", "strengthStandardError", "witness", "needs"})
    public record Row(String driver, Points points, String canWin, String reason, Integer bestPosition, Integer worstPosition,
                      double probability, double standardError, Double strengthProbability, Double strengthStandardError,
                      List<RaceOrder> witness, List<Need> needs) {
    }

    /** A constructor's outlook, where the championship has a constructors' table. */
    @JsonPropertyOrder({"constructor", "points", "canWin", "reason", "bestPosition", "worstPosition", "probability", "standardError",
            "strengthProbability", "strengthStandardError", "witness"})
    public record TeamRow(String constructor, Points points, String canWin, String reason, Integer bestPosition, Integer worstPosition,
                          Double probability, Double standardError, Double strengthProbability, Double strengthStandardError,
                          List<RaceOrder> witness) {
    }

    /** How a remaining race finishes in a witness: {@code {"race": "Grand Final", "order": [...], "fastestLap": null}}. */
    @JsonPropertyOrder({"race", "order", "fastestLap"})
    public record RaceOrder(String race, List<String> order, String fastestLap) {
    }

    public record Need(int position, String verdict, String sentence) {
    }

    /** The outlook after a race (by default the latest run), for every driver or one. */
    public static ScenariosReport of(Championship championship, Optional<Race> after, Optional<String> driver, int runs, long seed) {
        return of(championship, after, driver, runs, seed, java.util.Map.of());
    }

    /** The same, with some results of the remaining races assumed: race name to driver to finishing position. */
    public static ScenariosReport of(Championship championship, Optional<Race> after, Optional<String> driver, int runs, long seed,
                                     java.util.Map<String, java.util.Map<String, Integer>> assumed) {
        return of(championship, after, driver, runs, seed, assumed, Scenarios.DEFAULT_LIMIT);
    }

    /** The same, with the time the solver may spend on each question. */
    public static ScenariosReport of(Championship championship, Optional<Race> after, Optional<String> driver, int runs, long seed,
                                     java.util.Map<String, java.util.Map<String, Integer>> assumed, java.time.Duration limit) {
        return of(championship, after, driver, runs, seed, assumed, limit, Optional.empty());
    }

    /** The same, with the strength odds from a race model of its own (simulated races, say). */
    public static ScenariosReport of(Championship championship, Optional<Race> after, Optional<String> driver, int runs, long seed,
                                     java.util.Map<String, java.util.Map<String, Integer>> assumed, java.time.Duration limit,
                                     Optional<dev.pitwall.scenarios.Strengths> strengths) {
        List<Race> races = championship.races();
        int afterIndex;
        if (after.isEmpty()) {
            List<Race> run = championship.racesRun();
            afterIndex = run.isEmpty() ? -1 : races.indexOf(run.getLast());
        } else {
            afterIndex = races.indexOf(after.get());
        }
        Scenarios.Report report = afterIndex + 1 >= races.size() ? Scenarios.decided(championship)
                : Scenarios.before(championship, races.get(afterIndex + 1), new SplittableRandom(seed), runs, assumed, limit, strengths);
        Optional<String> only = driver.map(d -> championship.requireEntrant(d).name());
        List<Row> rows = new ArrayList<>();
        for (Outlook o : report.drivers()) {
            if (only.isPresent() && !only.get().equals(o.driver())) {
                continue;
            }
            rows.add(new Row(o.driver(), o.points(), o.canWin().label(), o.reason(),
                    o.bestPosition() == 0 ? null : o.bestPosition(), o.worstPosition() == 0 ? null : o.worstPosition(),
                    o.probability(), o.standardError(), finite(o.strengthProbability()), finite(o.strengthStandardError()),
                    witness(o.witness()),
                    o.needs().stream().map(n -> new Need(n.position(), n.verdict().label(), n.sentence())).toList()));
        }
        List<TeamRow> teams = report.constructors().stream().map(o -> new TeamRow(o.constructor(), o.points(), o.canWin().label(),
                o.reason(), o.bestPosition() == 0 ? null : o.bestPosition(), o.worstPosition() == 0 ? null : o.worstPosition(),
                finite(o.probability()), finite(o.standardError()), finite(o.strengthProbability()), finite(o.strengthStandardError()),
                witness(o.witness()))).toList();
        return new ScenariosReport(report.after().map(Race::name).orElse(null), report.remaining().stream().map(Race::name).toList(),
                report.oddsModel(), rows, teams);
    }

    private static List<RaceOrder> witness(List<Outlook.RaceOrder> witness) {
        return witness.stream().map(w -> new RaceOrder(w.race(), w.order(), w.fastestLap().orElse(null))).toList();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** The drivers' table, then the constructors' where there is one. */
    @Override
    public String render(Format format) {
        if (format == Format.JSON || constructors.isEmpty()) {
            return Report.super.render(format);
        }
        return table().render(format) + System.lineSeparator() + constructorsTable().render(format);
    }

    private TextTable constructorsTable() {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (TeamRow r : constructors) {
            rows.add(List.of(r.constructor(), r.points().toString(), r.canWin(),
                    r.bestPosition() == null ? "?" : r.bestPosition() + "-" + r.worstPosition(), percent(r.probability()),
                    percent(r.strengthProbability())));
            if (!r.reason().isEmpty() && !r.reason().equals("no race remains")) {
                notes.add(r.constructor() + ": " + r.reason());
            }
        }
        notes.add("Each driver races for the constructor he drove for last; the witness orders name the drivers.");
        return new TextTable("Constructors' title outlook", List.of(TextTable.Column.text("Constructor"), TextTable.Column.number("Points"),
                TextTable.Column.text("Can win"), TextTable.Column.text("Final position"), TextTable.Column.number("Title odds"),
                TextTable.Column.number("By strength")), rows, notes);
    }

    private static String percent(Double p) {
        return p == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    @Override
    public TextTable table() {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Row r : drivers) {
            rows.add(List.of(r.driver(), r.points().toString(), r.canWin(),
                    r.bestPosition() == null ? "?" : r.bestPosition() + "-" + r.worstPosition(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * r.probability()),
                    r.strengthProbability() == null ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * r.strengthProbability())));
            r.needs().stream().filter(n -> !n.verdict().equals("cannot")).forEach(n -> notes.add(n.sentence()));
            if (!r.reason().isEmpty() && r.canWin().equals("undecided")) {
                notes.add(r.driver() + ": undecided: " + r.reason());
            } else if (!r.reason().isEmpty() && !r.canWin().equals("no") && !r.reason().equals("no race remains")) {
                notes.add(r.driver() + ": " + r.reason());
            }
        }
        notes.add("Odds: " + odds + ".");
        return new TextTable("Title outlook " + (after == null ? "before the first race" : "after " + after)
                + (remaining.isEmpty() ? "" : ", " + String.join(", ", remaining) + " to go"),
                List.of(TextTable.Column.text("Driver"), TextTable.Column.number("Points"), TextTable.Column.text("Can win"),
                        TextTable.Column.text("Final position"), TextTable.Column.number("Title odds"),
                        TextTable.Column.number("By strength")),
                rows, notes);
    }
}
