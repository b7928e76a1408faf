package dev.pitwall.cli;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Race;
import dev.pitwall.io.ChampionshipFiles;
import dev.pitwall.strategy.RaceRegulations;
import dev.pitwall.strategy.StrategyFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a race for the strategy lab. A strategy file that lies in a championship's directory, and names one of its
 * races, is held to that race's regulations as the championship states them (the same ones the scoring reads); a
 * strategy file on its own keeps its {@code rules:}; a TUM file has Formula 1's of 2014-2019.
 */
final class StrategyRaces {

    private StrategyRaces() {
    }

    static StrategyFile.Race read(Path file) {
        StrategyFile.Race race = StrategyFile.readAny(file);
        Path dir = file.toAbsolutePath().getParent();
        if (file.getFileName().toString().endsWith(".ini") || dir == null || !Files.isRegularFile(dir.resolve("championship.yaml"))) {
            return race;
        }
        Championship championship = ChampionshipFiles.load(dir);
        Optional<Race> same = championship.races().stream().filter(r -> r.name().equals(race.name())).findFirst();
        return same.map(r -> race.withRegulations(new RaceRegulations(r.rules().tyres(), r.rules().refuelling(),
                dir.getFileName() + "/championship.yaml, " + r.name()))).orElse(race);
    }
}
