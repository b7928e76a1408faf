package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.io.F1Seasons;
import dev.pitwall.io.InvalidInputException;
import dev.pitwall.io.f1db.F1db;
import dev.pitwall.io.report.Format;
import dev.pitwall.io.report.Report;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The championship directory and output format every reading command takes. */
final class ChampionshipOptions {

    @Parameters(index = "0", paramLabel = "<dir>", description = "Championship directory (holding championship.yaml).")
    Path dir;

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "<format>",
            description = "Output: table, json, csv or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--f1db-season", paramLabel = "<year>",
            description = "Read <dir> as F1DB's data (CC BY 4.0) and take this Formula 1 season, scored under --f1-rules.")
    Integer f1dbSeason;

    @Option(names = "--f1-rules", paramLabel = "<dir>", defaultValue = "examples/f1",
            description = "With --f1db-season: the directory of season regulation files (default: ${DEFAULT-VALUE}).")
    Path f1Rules;

    Championship load() {
        if (f1dbSeason == null) {
            return ChampionshipFiles.load(dir);
        }
        Path season = F1db.seasonsDir(dir).resolve(Integer.toString(f1dbSeason));
        if (!Files.isDirectory(season)) {
            throw InvalidInputException.at(dir, 0, "F1DB holds no season " + f1dbSeason);
        }
        Path rules = F1Seasons.seasonFile(f1Rules, f1dbSeason);
        if (!Files.isRegularFile(rules)) {
            throw InvalidInputException.at(rules, 0, "expected the regulations of the " + f1dbSeason + " season (--f1-rules)");
        }
        return F1Seasons.championship(F1db.readSeason(season), rules);
    }

    void print(PrintWriter out, Report report) {
        out.print(report.render(format));
        out.flush();
    }
}
