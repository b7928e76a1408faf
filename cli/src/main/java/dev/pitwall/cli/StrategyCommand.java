package dev.pitwall.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pitwall.io.f1db.F1db;
import dev.pitwall.io.f1db.F1dbRace;
import dev.pitwall.io.f1db.F1dbResult;
import dev.pitwall.io.f1db.F1dbSeason;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Report;
import dev.pitwall.io.report.TextTable;
import dev.pitwall.strategy.Driver;
import dev.pitwall.strategy.Kendall;
import dev.pitwall.strategy.RaceOutcome;
import dev.pitwall.strategy.RaceSimulation;
import dev.pitwall.strategy.Stint;
import dev.pitwall.strategy.TumParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "strategy", description = "Race simulation and strategy.",
        subcommands = {StrategyCommand.Replay.class, StrategyCommand.Optimize.class, StrategySimulateCommand.class})
final class StrategyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "replay", description = "Replays TUM's race parameter files (F1 2014-2019, LGPL-3.0, TU Munich) with their real "
            + "strategies, cautions and retirements, and compares each simulated classification with the real one in F1DB: "
            + "Kendall's tau over the classified finishers, and whether the winner is right. " + F1db.ATTRIBUTION + ".")
    static final class Replay implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<tum-dir>", description = "The directory of pars_<Track>_<Season>.ini files, "
                + "with driver-map.csv and track-map.csv.")
        Path tum;

        @Option(names = "--f1db", required = true, paramLabel = "<f1db-dir>", description = "F1DB checkout or its src/data/seasons.")
        Path f1db;

        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table or json.")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ReplayReport report = replay(tum, f1db);
            spec.commandLine().getOut().print(report.render(format));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "optimize", description = "The fastest legal strategy for a driver in free air (no opponents, no cautions), by "
            + "dynamic programming, against the driver's own strategy in the file. Legal: as the strategy file's rules say; in a TUM "
            + "file, at least two dry compounds.")
    static final class Optimize implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "<file>", description = "A strategy file (.yaml) or a TUM race parameter file (.ini).")
        Path file;

        @Option(names = "--driver", required = true, paramLabel = "<driver>", description = "The driver: the name in a strategy file, "
                + "TUM's initials (HAM) in a TUM file.")
        String driver;

        @Option(names = "--stops", defaultValue = "3", paramLabel = "<n>", description = "Most stops considered (default ${DEFAULT-VALUE}).")
        int stops;

        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>", description = "table or json.")
        Format format;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            dev.pitwall.strategy.StrategyFile.Race race = StrategyRaces.read(file);
            String name = race.name();
            dev.pitwall.strategy.RaceSetup setup = race.setup();
            java.util.function.Predicate<java.util.Set<String>> legal = race.legal();
            var d = setup.drivers().stream().filter(x -> x.initials().equalsIgnoreCase(driver)).findFirst().orElse(null);
            if (d == null) {
                spec.commandLine().getErr().println(file + ": no driver " + driver + "; drivers are "
                        + String.join(", ", setup.drivers().stream().map(dev.pitwall.strategy.Driver::initials).toList()));
                return Pitwall.INPUT_ERROR;
            }
            var alone = setup.withoutEvents();
            var plan = dev.pitwall.strategy.StrategyOptimizer.fastest(alone, d, stops, legal);
            var real = RaceSimulation.run(alone.withDrivers(List.of(d))).of(d.initials());
            // A strategy that does not see the flag has no race time to compare: it says why instead.
            OptimizeReport report = new OptimizeReport(name, d.initials(), stints(plan.stints(), setup.laps()),
                    plan.raceTime(), stints(d.strategy(), setup.laps()),
                    real.retired() ? null : real.raceTime(),
                    real.retired() ? real.reason() + " after " + real.laps() + " of " + setup.laps() + " laps" : null);
            spec.commandLine().getOut().print(report.render(format));
            spec.commandLine().getOut().flush();
            return 0;
        }

    }

    /** Each stint as {@code medium 1-3 (42 fuel, saving 5%)}: compound, laps, fuel put in and fuel saved. */
    static List<String> stints(List<Stint> stints, int laps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < stints.size(); i++) {
            Stint stint = stints.get(i);
            int from = stint.inLap() + 1;
            int to = i + 1 < stints.size() ? stints.get(i + 1).inLap() : laps;
            List<String> notes = new ArrayList<>();
            if (stint.fuelAdded() > 0) {
                notes.add(String.format(Locale.ROOT, "%.0f fuel", stint.fuelAdded()));
            }
            if (stint.fuelSaving() > 0) {
                notes.add(String.format(Locale.ROOT, "saving %.0f%%", stint.fuelSaving() * 100));
            }
            out.add(stint.compound() + " " + from + "-" + to + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"));
        }
        return out;
    }

    /**
     * The optimizer's plan against the real strategy, both run alone in free air.
     *
     * @param realStrategyTime null when the real strategy does not see the flag
     * @param realStrategyOut  why and when the real strategy stops short of the flag ("out of fuel after 6 of 7 laps"),
     *                         null when it finishes
     */
    @JsonPropertyOrder({"race", "driver", "plan", "planTime", "realStrategy", "realStrategyTime", "realStrategyOut", "gain"})
    record OptimizeReport(String race, String driver, List<String> plan, double planTime, List<String> realStrategy, Double realStrategyTime,
                          String realStrategyOut) implements Report {

        /** Seconds the plan gains on the real strategy; null when the real strategy does not finish. */
        public Double gain() {
            return realStrategyTime == null ? null : realStrategyTime - planTime;
        }

        @Override
        public TextTable table() {
            return new TextTable(driver + " at " + race + ", alone in free air", List.of(TextTable.Column.text("Strategy"),
                    TextTable.Column.text("Stints"), TextTable.Column.number("Race time")),
                    List.of(List.of("fastest legal", String.join(", ", plan), String.format(Locale.ROOT, "%.3f s", planTime)),
                            List.of("as in the file", String.join(", ", realStrategy),
                                    realStrategyTime == null ? realStrategyOut : String.format(Locale.ROOT, "%.3f s", realStrategyTime))),
                    List.of(realStrategyTime == null ? "The strategy in the file does not see the flag: " + realStrategyOut + "."
                            : String.format(Locale.ROOT, "The plan is %.3f s faster in free air.", gain())));
        }
    }

    /** The replay's figures: {@code {"races": 121, "kendallTau": ..., "winnerHits": ..., "perRace": [...]}}. */
    @JsonPropertyOrder({"attribution", "races", "kendallTau", "winnerHits", "perSeason", "perRace"})
    record ReplayReport(String attribution, int races, double kendallTau, int winnerHits, List<Season> perSeason, List<Race> perRace)
            implements Report {

        @JsonPropertyOrder({"season", "track", "f1dbRound", "kendallTau", "winner", "simulatedWinner", "classified"})
        record Race(int season, String track, int f1dbRound, double kendallTau, String winner, String simulatedWinner, int classified) {
        }

        @JsonPropertyOrder({"season", "races", "kendallTau", "winnerHits"})
        record Season(int season, int races, double kendallTau, int winnerHits) {
        }

        @Override
        public TextTable table() {
            List<List<String>> rows = new ArrayList<>();
            for (Season s : perSeason) {
                rows.add(List.of(Integer.toString(s.season()), Integer.toString(s.races()), String.format(Locale.ROOT, "%.3f", s.kendallTau()),
                        s.winnerHits() + " of " + s.races()));
            }
            rows.add(List.of("all", Integer.toString(races), String.format(Locale.ROOT, "%.3f", kendallTau), winnerHits + " of " + races));
            return new TextTable("Replay of TUM's races against F1DB", List.of(TextTable.Column.text("Season"), TextTable.Column.number("Races"),
                    TextTable.Column.number("Mean Kendall tau"), TextTable.Column.text("Winner right")), rows, List.of(attribution));
        }
    }

    static ReplayReport replay(Path tum, Path f1db) throws IOException {
        Map<String, String> tracks = csv(tum.resolve("track-map.csv"), 0, 1);
        Map<String, String> drivers = new HashMap<>(); // season + initials -> F1DB driver id
        List<String> driverMap = lines(tum.resolve("driver-map.csv"));
        for (String line : driverMap.subList(1, driverMap.size())) {
            String[] cells = line.split(",", -1);
            for (String season : cells[3].split(" ")) {
                drivers.put(season + " " + cells[0], cells[2]);
            }
        }
        Map<Integer, F1dbSeason> seasons = new HashMap<>();
        List<ReplayReport.Race> perRace = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(tum)) {
            files = list.filter(f -> f.getFileName().toString().matches("pars_[A-Za-z]+_\\d{4}\\.ini")).sorted().toList();
        }
        for (Path file : files) {
            TumParameters.TumRace race = TumParameters.read(file);
            F1dbSeason season = seasons.computeIfAbsent(race.season(), y -> F1db.readSeason(F1db.seasonsDir(f1db).resolve(Integer.toString(y))));
            String circuit = tracks.get(race.track());
            F1dbRace real = season.races().stream().filter(r -> r.circuitId().equals(circuit)).findFirst()
                    .orElseThrow(() -> dev.pitwall.io.InvalidInputException.at(file, 0, "no " + race.season() + " race at " + circuit
                            + " in F1DB (track-map.csv maps " + race.track() + " to it)"));
            List<String> realOrder = real.race().stream().filter(F1dbResult::classified).map(F1dbResult::driverId).toList();
            // The stewards' time penalties are real events too: added at the flag, as F1DB's classification has them.
            Map<String, Double> penalties = new HashMap<>();
            for (Driver d : race.setup().drivers()) {
                String id = drivers.get(race.season() + " " + d.initials());
                real.race().stream().filter(r -> r.driverId().equals(id) && !r.timePenalty().isZero()).findFirst()
                        .ifPresent(r -> penalties.put(d.initials(), r.timePenalty().toMillis() / 1000.0));
            }
            RaceOutcome outcome = RaceSimulation.run(race.setup().withTimePenalties(penalties));
            List<String> simulated = outcome.order().stream().map(i -> {
                String id = drivers.get(race.season() + " " + i);
                if (id == null) {
                    throw dev.pitwall.io.InvalidInputException.at(tum.resolve("driver-map.csv"), 0, "expected a row for " + i + " in "
                            + race.season() + " (raced in " + file.getFileName() + "), found none");
                }
                return id;
            }).toList();
            perRace.add(new ReplayReport.Race(race.season(), race.track(), real.round(), Kendall.tau(simulated, realOrder),
                    realOrder.getFirst(), simulated.getFirst(), realOrder.size()));
        }
        Map<Integer, List<ReplayReport.Race>> bySeason = new TreeMap<>();
        perRace.forEach(r -> bySeason.computeIfAbsent(r.season(), y -> new ArrayList<>()).add(r));
        List<ReplayReport.Season> perSeason = bySeason.entrySet().stream().map(e -> new ReplayReport.Season(e.getKey(), e.getValue().size(),
                e.getValue().stream().mapToDouble(ReplayReport.Race::kendallTau).average().orElse(0),
                (int) e.getValue().stream().filter(r -> r.winner().equals(r.simulatedWinner())).count())).toList();
        return new ReplayReport(F1db.ATTRIBUTION + "; race parameters from TUM's race-simulation (LGPL-3.0, TU Munich)", perRace.size(),
                perRace.stream().mapToDouble(ReplayReport.Race::kendallTau).average().orElse(0),
                (int) perRace.stream().filter(r -> r.winner().equals(r.simulatedWinner())).count(), perSeason, perRace);
    }

    /** A mapping file of the TUM directory, or an error naming it. */
    private static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw dev.pitwall.io.InvalidInputException.at(file, 0, "no such file: expected the TUM directory's mapping to F1DB");
        }
        return Files.readAllLines(file);
    }

    private static Map<String, String> csv(Path file, int key, int value) throws IOException {
        Map<String, String> map = new HashMap<>();
        List<String> lines = lines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            map.put(cells[key].strip(), cells[value].strip());
        }
        return map;
    }
}
