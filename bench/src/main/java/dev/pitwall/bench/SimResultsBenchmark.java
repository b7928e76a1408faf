package dev.pitwall.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.io.sim.SimResults;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading the 536 KB Assetto Corsa Competizione race file (40 cars, UTF-16LE) from the simresults test logs (ISC):
 * Pitwall's whole read (decode, recognise, classify) against a bare Jackson parse of the same text as the baseline.
 * Run from the repository root: {@code java -jar bench/target/benchmarks.jar SimResultsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SimResultsBenchmark {

    private Path file;
    private String text;
    private final ObjectMapper json = new ObjectMapper();

    @Setup
    public void locate() throws IOException {
        file = Path.of(System.getProperty("simresults", "../shared/data/sim-results"))
                .resolve("assettocorsa-competizione/race.to.fix.positions.json");
        text = new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE);
    }

    @Benchmark
    public Object readAccRaceFile() {
        return SimResults.read(file);
    }

    @Benchmark
    public Object baselineJacksonTreeOfTheSameText() throws IOException {
        return json.readTree(text);
    }
}
