package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every reader names the file, the line and what it expected, and an import is all or nothing: a
 * championship with any bad file is not loaded at all.
 */
class BadInputTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheExample() throws IOException {
        Path from = GtWorldSeriesExampleTest.EXAMPLE;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    @Test
    void theUntouchedCopyLoads() {
        assertThat(ChampionshipFiles.load(dir).racesRun()).hasSize(3);
    }

    @Test
    void aWrongTime() throws IOException {
        replace("results/grand-final.md", "+03.423", "+0O.423");

        assertError("results/grand-final.md", 6,
                "expected a time like 17'47.179, a gap like +00.205 or +1'05.938, \"+1 lap\", DNF, DNS, DSQ or NC, found \"+0O.423\"");
    }

    @Test
    void aGapBeforeAnyWinnersTime() throws IOException {
        replace("results/race-1.md", "17'47.179", "+17'47.179");

        assertError("results/race-1.md", 5, "found the gap \"+17'47.179\" before any winner's time: expected the winner's time like 17'47.179 first");
    }

    @Test
    void anUnknownDriver() throws IOException {
        replace("results/race-2.md", "Italy Valerio Gallo", "Italy Valerio Galo");

        InvalidInputException e = load();
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().getFirst().toString()).startsWith(dir.resolve("results/race-2.md") + ":10: unknown driver \"Valerio Galo\": expected one of the entry list (Kylian Drumont, Valerio Gallo,");
    }

    @Test
    void aDriverUnderTheWrongCountry() throws IOException {
        replace("results/race-1.md", "Italy Valerio Gallo", "Spain Valerio Gallo");

        assertError("results/race-1.md", 5, "Valerio Gallo represents Italy in the entry list, but this row says Spain");
    }

    @Test
    void aDuplicatePosition() throws IOException {
        replace("results/race-1.md", "3 | Japan Takuma Miyazono", "2 | Japan Takuma Miyazono");

        assertError("results/race-1.md", 7, "duplicate position 2: positions run 1, 2, 3, ... in order");
    }

    @Test
    void aDriverListedTwice() throws IOException {
        replace("results/race-1.md", "Japan Takuma Sasaki", "Japan Takuma Miyazono");

        assertError("results/race-1.md", 8, "Takuma Miyazono already appears on line 7");
    }

    @Test
    void pointsThatAreNotANumber() throws IOException {
        replace("results/race-1.md", "+00.205 | 10 |", "+00.205 | ten |");

        assertError("results/race-1.md", 6, "expected points like 12, 12.5 or an empty cell, found \"ten\"");
    }

    @Test
    void aResultsFileForARaceThatDoesNotExist() throws IOException {
        Files.copy(dir.resolve("results/race-1.md"), dir.resolve("results/race-3.md"));

        assertError("results/race-3.md", 0, "no race called \"race-3\" in championship.yaml; races are: race-1 (Race 1), "
                + "race-2 (Race 2), grand-final (Grand Final)");
    }

    @Test
    void aDecisionAboutARaceThatDoesNotExist() throws IOException {
        Files.writeString(dir.resolve("decisions.yaml"), """
                decisions:
                  - race: Race 3
                    driver: Jose Serrano
                    time-penalty: 5s
                    reason: Causing a collision
                """);

        assertError("decisions.yaml", 2, "no race called \"Race 3\" in the championship");
    }

    @Test
    void aDecisionWithoutAReason() throws IOException {
        Files.writeString(dir.resolve("decisions.yaml"), """
                decisions:
                  - race: Race 2
                    driver: Jose Serrano
                    time-penalty: 5s
                """);

        assertError("decisions.yaml", 2, "expected \"reason:\" (the reason given)");
    }

    @Test
    void aDecisionWithTwoPenalties() throws IOException {
        Files.writeString(dir.resolve("decisions.yaml"), """
                decisions:
                  - race: Race 2
                    driver: Jose Serrano
                    time-penalty: 5s
                    position-drop: 2
                    reason: Causing a collision
                """);

        assertError("decisions.yaml", 2, "expected exactly one of disqualified, excluded-from-championship, grid-drop, ineligible, "
                + "points-awarded, points-deduction, position-drop, time-penalty, found time-penalty and position-drop");
    }

    @Test
    void aMisspelledRegulationsKey() throws IOException {
        replace("championship.yaml", "        multiplier: 2", "        multiplyer: 2");

        InvalidInputException e = load();
        assertThat(e.errors().getFirst().line()).isEqualTo(40);
        assertThat(e.errors().getFirst().message()).startsWith("unknown key \"multiplyer\"; expected one of: car, fastest-lap, grid, laps, minimum-distance,");
    }

    @Test
    void aGridFromARaceNotYetDefined() throws IOException {
        replace("championship.yaml", "grid: {from: Race 1}", "grid: {from: Grand Final}");

        assertError("championship.yaml", 32, "expected the name of a race defined before this one, found \"Grand Final\"");
    }

    @Test
    void yamlThatIsNotWellFormed() throws IOException {
        replace("championship.yaml", "points: [12, 10, 8, 7, 6, 5, 4, 3, 2, 1]", "points: [12, 10, 8");

        InvalidInputException e = load();
        assertThat(e.errors().getFirst().file()).isEqualTo(dir.resolve("championship.yaml"));
        assertThat(e.errors().getFirst().message()).startsWith("not well-formed:");
        assertThat(e.errors().getFirst().line()).isPositive();
    }

    @Test
    void aMissingRegulationsFile() throws IOException {
        Files.delete(dir.resolve("championship.yaml"));

        assertError("championship.yaml", 0, "no such file");
    }

    @Test
    void anImportIsAllOrNothingAndReportsEveryBadFile() throws IOException {
        replace("results/race-1.md", "+00.205", "+00.2o5");
        replace("results/grand-final.md", "Japan Takuma Miyazono", "Japan Takuma Miyasono");

        InvalidInputException e = load();

        assertThat(e.errors()).extracting(err -> dir.relativize(err.file()).toString() + ":" + err.line())
                .containsExactly("results/race-1.md:6", "results/grand-final.md:5");
    }

    @Test
    void notUtf8IsSaidPlainly() throws IOException {
        Files.write(dir.resolve("results/race-1.md"), "Rank | Driver\n---|---\n1 | L\u00f3pez".getBytes(StandardCharsets.ISO_8859_1));

        assertError("results/race-1.md", 0, "expected UTF-8 text");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private InvalidInputException load() {
        return catchThrowableOfType(InvalidInputException.class, () -> {
            Championship c = ChampionshipFiles.load(dir);
            throw new AssertionError("expected the championship to be refused, but it loaded: " + c.name());
        });
    }

    private void assertError(String file, int line, String message) {
        InvalidInputException e = load();
        assertThat(e.errors()).containsExactly(new InputError(dir.resolve(file), line, message));
        assertThatThrownBy(() -> ChampionshipFiles.load(dir)).hasMessage(line > 0
                ? dir.resolve(file) + ":" + line + ": " + message : dir.resolve(file) + ": " + message);
    }
}
