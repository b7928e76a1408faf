package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Report;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The championship directory and output format every reading command takes. */
final class ChampionshipOptions {

    @Parameters(index = "0", paramLabel = "<dir>", description = "Championship directory (holding championship.yaml).")
    Path dir;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>",
            description = "Output: table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    Championship load() {
        return ChampionshipFiles.load(dir);
    }

    void print(PrintWriter out, Report report) {
        out.print(report.render(format));
        out.flush();
    }
}
