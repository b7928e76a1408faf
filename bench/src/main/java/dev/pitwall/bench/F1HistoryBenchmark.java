package dev.pitwall.bench;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;
import dev.pitwall.io.F1Seasons;
import dev.pitwall.io.f1db.F1db;
import dev.pitwall.io.f1db.F1dbSeason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every drivers' and constructors' standings table after every race of Formula 1, 1950 to 2025 (the 1,149 Grands Prix
 * issue 3 names, with their sprints), recomputed from results held in memory (F1DB data, CC BY 4.0).
 * <ul>
 *   <li>{@code everyTableInOnePass}: each season classified once, tables after each race from running totals;</li>
 *   <li>{@code everyTableEveryRowRead}: the same, and every row of every table read;</li>
 *   <li>{@code baselineFromScratchPerRace}: the naive way, each table computed on its own from all results so far.</li>
 * </ul>
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar F1HistoryBenchmark}
 * (system properties {@code f1db} and {@code f1rules} point elsewhere; {@code lastSeason} takes in later seasons F1DB
 * holds, such as 2026's races so far).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class F1HistoryBenchmark {

    private List<Championship> seasons;

    @Setup
    public void readHistory() {
        Path f1db = Path.of(System.getProperty("f1db", "../shared/data/f1db"));
        Path rules = Path.of(System.getProperty("f1rules", "examples/f1"));
        int lastSeason = Integer.getInteger("lastSeason", 2025);
        List<F1dbSeason> history = F1db.readAll(f1db).stream().filter(s -> s.year() <= lastSeason).toList();
        seasons = history.stream().map(s -> F1Seasons.championship(s, F1Seasons.seasonFile(rules, s.year()))).toList();
    }

    @Benchmark
    public void everyTableInOnePass(Blackhole blackhole) {
        for (Championship season : seasons) {
            blackhole.consume(Standings.everyRace(season));
        }
    }

    /**
     * The same tables, then every row of every table read, as a report or the API reads them: a table holds each line's
     * place and standing, and makes its {@link StandingsRow} when the line is read.
     */
    @Benchmark
    public void everyTableEveryRowRead(Blackhole blackhole) {
        for (Championship season : seasons) {
            for (Standings.Pair tables : Standings.everyRace(season)) {
                for (StandingsRow row : tables.drivers().rows()) {
                    blackhole.consume(row);
                }
                for (StandingsRow row : tables.constructors().rows()) {
                    blackhole.consume(row);
                }
            }
        }
    }

    @Benchmark
    public void classifyEveryRace(Blackhole blackhole) {
        for (Championship season : seasons) {
            for (Race race : season.racesRun()) {
                blackhole.consume(dev.pitwall.core.scoring.Classifier.classify(season, race));
            }
        }
    }

    @Benchmark
    public void baselineFromScratchPerRace(Blackhole blackhole) {
        for (Championship season : seasons) {
            for (Race race : season.racesRun()) {
                blackhole.consume(Standings.after(season, race));
                blackhole.consume(Standings.constructorsAfter(season, race));
            }
        }
    }
}
