package dev.pitwall.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.io.F1Seasons;
import dev.pitwall.io.f1db.Conformance;
import dev.pitwall.io.f1db.F1db;
import dev.pitwall.io.f1db.F1dbSeason;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Json;
import dev.pitwall.io.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "conformance", description = "Recomputes a real championship's history from its results alone and compares "
        + "every row with the published record.", subcommands = ConformanceCommand.F1dbCommand.class)
final class ConformanceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "f1db", description = "Formula 1 1950-2025 from F1DB: race points, and drivers' and constructors' standings "
            + "after every race. Exit status 1 below the bar. " + F1db.ATTRIBUTION + ".")
    static final class F1dbCommand implements Callable<Integer> {

        /** The bar: every race result row, 99.7% of standings rows, final drivers' tables in all but one season. */
        static final double STANDINGS_BAR = 0.997;

        @Parameters(index = "0", paramLabel = "<path>", description = "F1DB checkout or its src/data/seasons directory.")
        Path path;

        @Option(names = "--season", paramLabel = "<year>", description = "Only this season.")
        Integer season;

        @Option(names = "--rules", paramLabel = "<dir>", defaultValue = "examples/f1",
                description = "Directory of season regulation files, <year>.yaml (default: ${DEFAULT-VALUE}).")
        Path rules;

        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table or json.")
        Format format;

        @Spec
        CommandSpec spec;

        @JsonPropertyOrder({"attribution", "racePoints", "drivers", "constructors", "finalDriversIdentical", "seasons", "mismatches"})
        record Summary(String attribution, Conformance.Tally racePoints, Conformance.Tally drivers, Conformance.Tally constructors,
                       Conformance.Tally finalDriversIdentical, List<Conformance.SeasonReport> seasons,
                       List<Conformance.Mismatch> mismatches) {
        }

        @Override
        public Integer call() {
            if (!Files.isDirectory(rules)) {
                spec.commandLine().getErr().println(rules + ": no such directory of season regulation files (--rules)");
                return Pitwall.INPUT_ERROR;
            }
            List<F1dbSeason> seasons = season == null ? F1db.readAll(path)
                    : List.of(F1db.readSeason(F1db.seasonsDir(path).resolve(Integer.toString(season))));
            List<Conformance.SeasonReport> reports = new ArrayList<>();
            for (F1dbSeason s : seasons) {
                reports.add(Conformance.check(s, F1Seasons.championship(s, F1Seasons.seasonFile(rules, s.year()))));
            }
            Summary summary = summarise(reports);
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.JSON ? Json.write(summary) : table(summary).render(Format.TABLE));
            out.flush();
            return meetsBar(summary) ? 0 : 1;
        }

        static Summary summarise(List<Conformance.SeasonReport> reports) {
            Conformance.Tally points = new Conformance.Tally(0, 0);
            Conformance.Tally drivers = new Conformance.Tally(0, 0);
            Conformance.Tally constructors = new Conformance.Tally(0, 0);
            int identical = 0;
            List<Conformance.Mismatch> mismatches = new ArrayList<>();
            for (var r : reports) {
                points = points.plus(r.racePoints());
                drivers = drivers.plus(r.drivers());
                constructors = constructors.plus(r.constructors());
                identical += r.finalDriversIdentical() ? 1 : 0;
                mismatches.addAll(r.mismatches());
            }
            return new Summary(F1db.ATTRIBUTION, points, drivers, constructors, new Conformance.Tally(identical, reports.size()),
                    reports, mismatches);
        }

        static boolean meetsBar(Summary s) {
            return s.racePoints().matched() == s.racePoints().total()
                    && s.drivers().rate() >= STANDINGS_BAR && s.constructors().rate() >= STANDINGS_BAR
                    && s.finalDriversIdentical().matched() >= s.finalDriversIdentical().total() - 1;
        }

        private static TextTable table(Summary s) {
            List<List<String>> rows = new ArrayList<>();
            for (var r : s.seasons()) {
                rows.add(List.of(Integer.toString(r.season()), rate(r.racePoints()), rate(r.drivers()), rate(r.constructors()),
                        r.finalDriversIdentical() ? "yes" : "no"));
            }
            rows.add(List.of("all", rate(s.racePoints()), rate(s.drivers()), rate(s.constructors()),
                    s.finalDriversIdentical().matched() + "/" + s.finalDriversIdentical().total()));
            List<String> notes = new ArrayList<>();
            notes.add(meetsBar(s) ? "Meets the bar." : "Below the bar: every race row, 99.7% of standings rows, all final tables but one.");
            for (var m : s.mismatches()) {
                notes.add(String.format("%d round %d %s, %s, %s: F1DB %s, Pitwall %s: %s", m.season(), m.round(), m.race(), m.table(),
                        m.id(), m.f1db(), m.pitwall(), m.reason()));
            }
            notes.add(s.attribution() + ".");
            return new TextTable("Pitwall against F1DB",
                    List.of(TextTable.Column.text("Season"), TextTable.Column.number("Race points"), TextTable.Column.number("Drivers"),
                            TextTable.Column.number("Constructors"), TextTable.Column.text("Final table")),
                    rows, notes);
        }

        private static String rate(Conformance.Tally t) {
            return String.format(Locale.ROOT, "%d/%d %.2f%%", t.matched(), t.total(), 100.0 * t.rate());
        }
    }
}
