package dev.pitwall.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pitwall.io.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pitwall command line on the bundled GT World Series example, run in-process. */
class CliTest {

    static final String EXAMPLE = Path.of("..", "examples", "gtws-2024-nations-cup").toString();

    record Run(int status, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Run pitwall(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Pitwall.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void standingsAfterRace2AsJson() {
        Run run = pitwall("standings", EXAMPLE, "--after", "Race 2", "--format", "json");

        assertThat(run.status()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("after").asText()).isEqualTo("Race 2");
        JsonNode first = json.get("standings").get(0);
        assertThat(first.get("position").asInt()).isEqualTo(1);
        assertThat(first.get("driver").asText()).isEqualTo("Jose Serrano");
        assertThat(first.get("country").asText()).isEqualTo("Spain");
        assertThat(first.get("points").isIntegralNumber()).isTrue();
        assertThat(first.get("points").asInt()).isEqualTo(32);
        assertThat(names(json.get("standings"), 4)).containsExactly("Jose Serrano", "Kylian Drumont", "Valerio Gallo", "Takuma Miyazono");
    }

    @Test
    void finalStandingsAsATable() {
        Run run = pitwall("standings", EXAMPLE);

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("standings after Grand Final");
        assertThat(run.out().lines().filter(l -> l.matches("\\s+1\\s+Takuma Miyazono\\s.*\\s50\\s.*"))).hasSize(1);
        assertThat(run.out()).contains("* points carried over from earlier rounds are not known");
    }

    @Test
    void raceNamesMayBeGivenAsSlugs() {
        assertThat(pitwall("standings", EXAMPLE, "--after", "race-1", "-f", "json").json().get("after").asText()).isEqualTo("Race 1");
    }

    @Test
    void resultsOfRace1AsJson() {
        Run run = pitwall("results", EXAMPLE, "Race 1", "--format", "json");

        JsonNode json = run.json();
        assertThat(json.get("race").asText()).isEqualTo("Race 1");
        JsonNode winner = json.get("results").get(0);
        assertThat(winner.get("position").asInt()).isEqualTo(1);
        assertThat(winner.get("driver").asText()).isEqualTo("Valerio Gallo");
        assertThat(winner.get("country").asText()).isEqualTo("Italy");
        assertThat(winner.get("time").asText()).isEqualTo("17'47.179");
        assertThat(winner.get("gap").isNull()).isTrue();
        assertThat(winner.get("points").asInt()).isEqualTo(12);
        assertThat(winner.get("penalties").isEmpty()).isTrue();
        assertThat(json.get("results").get(1).get("gap").asText()).isEqualTo("+00.205");
    }

    @Test
    void grandFinalResultsPayDouble() {
        Run run = pitwall("results", EXAMPLE, "grand-final", "--format", "csv");

        assertThat(run.out().lines().toList()).startsWith("Pos,Driver,Country,Time,Points,Penalties",
                "1,Takuma Miyazono,Japan,46'26.252,24,", "2,Kylian Drumont,France,+03.423,20,");
        assertThat(run.out()).contains("4,Valerio Gallo,Italy,+11.325,14,");
    }

    @Test
    void gridsComeFromTheRaceBefore() {
        JsonNode race2 = pitwall("grid", EXAMPLE, "Race 2", "-f", "json").json();
        JsonNode finalGrid = pitwall("grid", EXAMPLE, "Grand Final", "-f", "json").json();

        assertThat(race2.get("race").asText()).isEqualTo("Race 2");
        assertThat(race2.get("grid").get(0).get("slot").asInt()).isEqualTo(1);
        assertThat(names(race2.get("grid"), 12)).isEqualTo(names(pitwall("results", EXAMPLE, "Race 1", "-f", "json").json().get("results"), 12));
        assertThat(names(finalGrid.get("grid"), 12)).isEqualTo(names(pitwall("results", EXAMPLE, "Race 2", "-f", "json").json().get("results"), 12));
    }

    @Test
    void theFirstGridNeedsAQualifyingOrder() {
        Run run = pitwall("grid", EXAMPLE, "Race 1");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the grid of Race 1 is set by qualifying, and no qualifying order is given for it");
    }

    @Test
    void auditReportsTheFiveWrongRowsAndExitsWithOne() {
        Run run = pitwall("audit", EXAMPLE, "--format", "json");

        assertThat(run.status()).isEqualTo(1);
        JsonNode d = run.json().get("disagreements");
        assertThat(d).hasSize(5);
        List<Integer> positions = new ArrayList<>();
        d.forEach(n -> positions.add(n.get("position").asInt()));
        assertThat(positions).containsExactly(4, 5, 6, 8, 9);
        JsonNode gallo = d.get(0);
        assertThat(gallo.get("race").asText()).isEqualTo("Grand Final");
        assertThat(gallo.get("driver").asText()).isEqualTo("Valerio Gallo");
        assertThat(gallo.get("published").asInt()).isEqualTo(12);
        assertThat(gallo.get("computed").asInt()).isEqualTo(14);
    }

    @Test
    void auditOfAFixedSheetExitsWithZero(@TempDir Path dir) throws IOException {
        copyExample(dir);
        Path gf = dir.resolve("results/grand-final.md");
        Files.writeString(gf, Files.readString(gf)
                .replace("+11.325 | 12", "+11.325 | 14").replace("+12.612 | 10", "+12.612 | 12")
                .replace("+13.996 | 14", "+13.996 | 10").replace("+17.268 | 4", "+17.268 | 6")
                .replace("+17.747 | 6", "+17.747 | 4"));

        Run run = pitwall("audit", dir.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("every published number agrees with the regulations");
    }

    @Test
    void aTimePenaltyInDecisionsFlowsThroughResultsGridAndStandings(@TempDir Path dir) throws IOException {
        copyExample(dir);
        Files.writeString(dir.resolve("decisions.yaml"), """
                decisions:
                  - race: Race 2
                    driver: Jose Serrano
                    time-penalty: 5s
                    reason: Leaving the track and gaining an advantage
                """);

        JsonNode results = pitwall("results", dir.toString(), "Race 2", "-f", "json").json().get("results");
        JsonNode serrano = results.get(4);
        assertThat(serrano.get("driver").asText()).isEqualTo("Jose Serrano");
        assertThat(serrano.get("position").asInt()).isEqualTo(5);
        assertThat(serrano.get("points").asInt()).isEqualTo(6);
        assertThat(serrano.get("penalties").get(0).get("decision").asText()).isEqualTo("+5s time penalty");
        assertThat(serrano.get("penalties").get(0).get("reason").asText()).isEqualTo("Leaving the track and gaining an advantage");
        assertThat(results.get(0).get("driver").asText()).isEqualTo("Kylian Drumont");
        assertThat(results.get(0).get("time").asText()).isEqualTo("17'14.234");

        assertThat(pitwall("grid", dir.toString(), "Grand Final", "-f", "json").json().get("grid").get(0).get("driver").asText())
                .isEqualTo("Kylian Drumont");
        JsonNode standings = pitwall("standings", dir.toString(), "--after", "Race 2", "-f", "json").json().get("standings");
        assertThat(standings.get(0).get("driver").asText()).isEqualTo("Kylian Drumont");
        assertThat(standings.get(0).get("points").asInt()).isEqualTo(29);
    }

    @Test
    void validateSaysAllIsWell() {
        Run run = pitwall("validate", EXAMPLE);

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("all is well. 3 races in 1 round (3 run), 12 entrants, 0 stewards' decisions.");
    }

    @Test
    void validateListsEveryProblemAndExitsWithOne(@TempDir Path dir) throws IOException {
        copyExample(dir);
        Path r1 = dir.resolve("results/race-1.md");
        Files.writeString(r1, Files.readString(r1).replace("+00.205", "+0O.205"));
        Files.writeString(dir.resolve("results/race-9.md"), "nothing");

        Run run = pitwall("validate", dir.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(r1 + ":6: expected a time like 17'47.179").contains("race-9.md: no race called \"race-9\"")
                .contains("2 problems found.");
    }

    @Test
    void aMissingRaceIsNamedWithTheRacesThereAre() {
        Run run = pitwall("results", EXAMPLE, "Race 3");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "no race named \"Race 3\" in Gran Turismo World Series 2024 Nations Cup; races are: Race 1, Race 2, Grand Final");
    }

    @Test
    void everyTableCommandSpeaksEveryFormat() {
        for (String format : List.of("table", "json", "csv", "markdown")) {
            for (String[] command : List.of(new String[] {"standings", EXAMPLE}, new String[] {"results", EXAMPLE, "Race 2"},
                    new String[] {"grid", EXAMPLE, "Race 2"}, new String[] {"audit", EXAMPLE})) {
                List<String> args = new ArrayList<>(List.of(command));
                args.addAll(List.of("--format", format));
                Run run = pitwall(args.toArray(String[]::new));
                assertThat(run.status()).as(String.join(" ", args)).isIn(0, 1);
                assertThat(run.out()).as(String.join(" ", args)).isNotBlank();
            }
        }
        assertThat(pitwall("standings", EXAMPLE, "-f", "markdown").out()).contains("| Pos | Driver |").contains("|---:|---|");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Run run = pitwall("standings", EXAMPLE, "--format", "xml");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("xml").contains("table, json, csv or markdown".substring(0, 5));
    }

    @Test
    void beforeTheGrandFinalFiveDriversCouldStillWinAndMiyazonoNeededToWinWithSerranoThirdOrLower() {
        Run run = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--runs", "2000", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("after").asText()).isEqualTo("Race 2");
        assertThat(json.get("remaining").get(0).asText()).isEqualTo("Grand Final");
        JsonNode serrano = json.get("drivers").get(0);
        assertThat(serrano.get("driver").asText()).isEqualTo("Jose Serrano");
        assertThat(serrano.get("points").asInt()).isEqualTo(32);
        assertThat(serrano.get("canWin").asText()).isEqualTo("yes");
        assertThat(serrano.get("needs").get(0).get("sentence").asText())
                .isEqualTo("Jose Serrano: 1st clinches the title whatever the others do.");
        List<String> contenders = new ArrayList<>();
        json.get("drivers").forEach(d -> {
            if (d.get("canWin").asText().equals("yes")) {
                contenders.add(d.get("driver").asText());
            }
        });
        // Sasaki's carry-over is unknown (counted as 0): with it, a win for him needs a collapse of all five.
        assertThat(contenders).containsExactly("Jose Serrano", "Kylian Drumont", "Valerio Gallo", "Takuma Miyazono", "Kaj de Bruin",
                "Takuma Sasaki");
        JsonNode miyazono = json.get("drivers").get(3);
        assertThat(miyazono.get("needs").get(0).get("sentence").asText())
                .isEqualTo("Takuma Miyazono: 1st wins the title if Jose Serrano finishes 3rd or lower.");
        double total = 0;
        for (JsonNode d : json.get("drivers")) {
            total += d.get("probability").asDouble();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void beforeAbuDhabi2021MercedesAndRedBullCouldStillWinTheConstructorsTitle() {
        Run run = pitwall("scenarios", "../../shared/data/f1db", "--f1db-season", "2021", "--f1-rules", "../examples/f1",
                "--after", "saudi-arabia", "--runs", "1000", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode constructors = run.json().get("constructors");
        assertThat(constructors.get(0).get("constructor").asText()).isEqualTo("mercedes|mercedes");
        assertThat(constructors.get(0).get("points").asDouble()).isEqualTo(587.5);
        List<String> contenders = new ArrayList<>();
        constructors.forEach(c -> {
            if (c.get("canWin").asText().equals("yes")) {
                contenders.add(c.get("constructor").asText());
            }
        });
        // Red Bull on 559.5 could still score 25 + 18 + 1 for the fastest lap: 603.5.
        assertThat(contenders).containsExactly("mercedes|mercedes", "red-bull|honda");
        JsonNode redBull = constructors.get(1);
        assertThat(redBull.get("witness").get(0).get("order").get(0).asText()).isIn("max-verstappen", "sergio-perez");
        assertThat(redBull.get("bestPosition").asInt()).isEqualTo(1);
        assertThat(constructors.get(2).get("bestPosition").asInt()).isEqualTo(3);

        Run table = pitwall("scenarios", "../../shared/data/f1db", "--f1db-season", "2021", "--f1-rules", "../examples/f1",
                "--after", "saudi-arabia", "--runs", "200");
        assertThat(table.out()).contains("Constructors' title outlook").contains("red-bull|honda");
        Run noSeason = pitwall("scenarios", "../../shared/data/f1db", "--f1db-season", "1900", "--f1-rules", "../examples/f1");
        assertThat(noSeason.status()).isEqualTo(2);
        assertThat(noSeason.err()).contains("F1DB holds no season 1900");
    }

    @Test
    void theStrategyLabsSimulatedGrandFinalsCanBeTheRaceModelOfTheOdds() {
        JsonNode fitted = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--runs", "2000", "--format", "json").json();
        Run run = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--runs", "2000", "--format", "json",
                "--race-model", "../examples/gtws-2024-nations-cup/grand-final-strategy.yaml");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode simulated = run.json();
        assertThat(simulated.get("odds").asText()).contains("2000 simulated races of Grand Final (grand-final-strategy.yaml)");
        // The same exact answers; only the strength odds change. In the simulated Grand Final Drumont wins most races
        // and de Bruin runs dry: the model moves the title towards Drumont and away from de Bruin.
        for (int i = 0; i < simulated.get("drivers").size(); i++) {
            assertThat(simulated.get("drivers").get(i).get("canWin")).isEqualTo(fitted.get("drivers").get(i).get("canWin"));
        }
        assertThat(strength(simulated, "Kylian Drumont")).isGreaterThan(strength(fitted, "Kylian Drumont") + 0.2);
        assertThat(strength(simulated, "Kaj de Bruin")).isLessThanOrEqualTo(strength(fitted, "Kaj de Bruin"));
        double total = 0;
        for (JsonNode d : simulated.get("drivers")) {
            total += d.get("strengthProbability").asDouble();
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        Run wrong = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--race-model", "../../shared/data/tum-race-simulation/pars_Austin_2014.ini");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("none of its drivers is in the entry list");
    }

    private static double strength(JsonNode report, String driver) {
        for (JsonNode d : report.get("drivers")) {
            if (d.get("driver").asText().equals(driver)) {
                return d.get("strengthProbability").asDouble();
            }
        }
        throw new AssertionError(driver);
    }

    @Test
    void whatIfMiyazonoWinsTheGrandFinal() {
        JsonNode json = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--assume", "Grand Final: Miyazono 1", "--runs", "500",
                "--format", "json").json();

        List<String> contenders = new ArrayList<>();
        json.get("drivers").forEach(d -> {
            if (d.get("canWin").asText().equals("yes")) {
                contenders.add(d.get("driver").asText());
            }
        });
        // With Miyazono on 26 + 24 = 50, only Serrano (32 + up to 20) can still beat him.
        assertThat(contenders).containsExactly("Jose Serrano", "Takuma Miyazono");
        JsonNode serrano = json.get("drivers").get(0);
        assertThat(serrano.get("needs").get(0).get("position").asInt()).isEqualTo(2);
        assertThat(serrano.get("needs").get(0).get("verdict").asText()).isEqualTo("clinches");

        Run bad = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--assume", "Grand Final Miyazono");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("expected --assume \"<race>: <driver> <position>\"");
        Run taken = pitwall("scenarios", EXAMPLE, "--after", "Race 2", "--assume", "Grand Final: Miyazono 1",
                "--assume", "Grand Final: Gallo 1");
        assertThat(taken.status()).isEqualTo(2);
        assertThat(taken.err()).contains("two drivers are assumed to finish 1");
    }

    @Test
    void aGamesResultFileIsImportedAllOrNothing(@TempDir Path dir) throws IOException {
        Path league = dir.resolve("league");
        copy(Path.of("..", "examples", "rf2-sebring-league"), league);
        Files.delete(league.resolve("results/round-4.xml"));
        Path samples = Path.of("..", "..", "shared", "data", "sim-results");

        Run ok = pitwall("results", "import", league.toString(), "Round 4", samples.resolve("rfactor2/race.xml").toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Round 4 now has 5 result rows");
        byte[] imported = Files.readAllBytes(league.resolve("results/round-4.xml"));

        Run refused = pitwall("results", "import", league.toString(), "Round 4", samples.resolve("automobilista/race.xml").toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("unknown driver");
        assertThat(Files.readAllBytes(league.resolve("results/round-4.xml"))).isEqualTo(imported);
        assertThat(pitwall("standings", league.toString(), "-f", "json").json().get("standings").get(0).get("driver").asText())
                .isEqualTo("Malek1th");
    }

    @Test
    void inspectPicksASessionOfAFileThatHoldsSeveral() {
        String file = "../../shared/data/sim-results/raceroom-server/log.with.race2.json";
        Run last = pitwall("inspect", file, "--format", "json");
        assertThat(last.status()).as(last.err()).isZero();
        assertThat(last.json().get("warnings").get(0).asText())
                .isEqualTo("the file holds 3 sessions (1 qualifying, 2 race, 3 race); this is session 3");
        assertThat(last.json().get("results").get(0).get("driver").asText()).isEqualTo("Daniele Ri");

        Run first = pitwall("inspect", file, "--session", "2", "--format", "json");
        assertThat(first.json().get("results").get(0).get("driver").asText()).isEqualTo("Andrea Sogni");
        assertThat(first.json().get("format").asText()).isEqualTo("raceroom-server");

        Run none = pitwall("inspect", file, "--session", "4");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("holds 3 sessions (1 qualifying, 2 race, 3 race): --session 4 is not one");
    }

    @Test
    void aRaceRoomTextFileIsImportedIntoAChampionship(@TempDir Path dir) throws IOException {
        Path league = Files.createDirectories(dir.resolve("wtcc"));
        Path samples = Path.of("..", "..", "shared", "data", "sim-results");
        List<String> names = Files.readAllLines(samples.resolve("raceroom/race3.txt")).stream()
                .filter(l -> l.startsWith("Driver=")).map(l -> l.substring(7).strip()).distinct().toList();
        StringBuilder yaml = new StringBuilder("championship: WTCC League\npoints: [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]\n"
                + "rounds: [{name: Round 1, races: [{name: Round 1}]}]\nentrants:\n");
        names.forEach(n -> yaml.append("  - name: \"").append(n).append("\"\n"));
        Files.writeString(league.resolve("championship.yaml"), yaml);

        Run ok = pitwall("results", "import", league.toString(), "Round 1", samples.resolve("raceroom/race3.txt").toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(league.resolve("results/round-1.txt")).exists();
        JsonNode standings = pitwall("standings", league.toString(), "-f", "json").json().get("standings");
        assertThat(standings.get(0).get("driver").asText()).isEqualTo("Ma Qing Hua");
        assertThat(standings.get(0).get("points").asText()).isEqualTo("25");
    }

    @Test
    void strategyReplayOfTheTumRacesAgainstF1db() {
        Run run = pitwall("strategy", "replay", "../../shared/data/tum-race-simulation", "--f1db", "../../shared/data/f1db", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("races").asInt()).isEqualTo(121);
        assertThat(json.get("perRace")).hasSize(121);
        assertThat(json.get("attribution").asText()).contains("CC BY 4.0").contains("LGPL-3.0");
        // The bar: a mean tau of at least 0.70 and the real winner first in 60% of the races (73 of 121).
        assertThat(json.get("kendallTau").asDouble()).isGreaterThanOrEqualTo(0.70);
        assertThat(json.get("winnerHits").asInt()).isGreaterThanOrEqualTo(73);
        JsonNode austin2014 = java.util.stream.StreamSupport.stream(json.get("perRace").spliterator(), false)
                .filter(r -> r.get("track").asText().equals("Austin") && r.get("season").asInt() == 2014).findFirst().orElseThrow();
        assertThat(austin2014.get("winner").asText()).isEqualTo("lewis-hamilton");
        assertThat(austin2014.get("f1dbRound").asInt()).isEqualTo(17);
    }

    @Test
    void strategyOptimizeNeverLosesToTheStrategyReallyRun() {
        Run run = pitwall("strategy", "optimize", "../../shared/data/tum-race-simulation/pars_Austin_2014.ini", "--driver", "HAM",
                "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("planTime").asDouble()).isLessThanOrEqualTo(json.get("realStrategyTime").asDouble());
        assertThat(json.get("realStrategy")).hasSize(3);
        Run bad = pitwall("strategy", "optimize", "../examples/gtws-2024-nations-cup/championship.yaml", "--driver", "X");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).matches("(?s)\\.\\./examples/gtws-2024-nations-cup/championship\\.yaml:\\d+: expected \"laps:\".*")
                .doesNotContain("Exception");
        Run unknown = pitwall("strategy", "optimize", "../../shared/data/tum-race-simulation/pars_Austin_2014.ini", "--driver", "XYZ");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("no driver XYZ; drivers are");
    }

    @Test
    void aStrategyThatRunsDryIsNotComparedByItsShorterRaceTime() {
        Run run = pitwall("strategy", "optimize", "../examples/gtws-2024-nations-cup/grand-final-strategy.yaml", "--driver", "Kaj de Bruin",
                "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("realStrategyTime").isNull()).isTrue(); // no race time to compare
        assertThat(json.get("realStrategyOut").asText()).matches("out of fuel after [0-6] of 7 laps");
        assertThat(json.get("realStrategy").get(2).asText()).isEqualTo("hard 6-7 (24 fuel)");
        Run table = pitwall("strategy", "optimize", "../examples/gtws-2024-nations-cup/grand-final-strategy.yaml", "--driver", "Kaj de Bruin");
        assertThat(table.out()).contains("The strategy in the file does not see the flag: out of fuel after").doesNotContain("faster");
    }

    @Test
    void simulatingTheGrandFinalGivesOddsRanksDeBruinsStrategiesAndDrawsTheRace(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("grand-final.svg");
        Run run = pitwall("strategy", "simulate", "../examples/gtws-2024-nations-cup/grand-final-strategy.yaml", "--runs", "300",
                "--seed", "7", "--driver", "Kaj de Bruin", "--svg", svg.toString(), "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("runs").asInt()).isEqualTo(300);
        assertThat(json.get("chance").asBoolean()).isTrue();
        assertThat(json.get("odds")).hasSize(12);
        double wins = 0;
        for (JsonNode o : json.get("odds")) {
            wins += o.get("win").asDouble();
            assertThat(o.get("podium").asDouble()).isGreaterThanOrEqualTo(o.get("win").asDouble());
            assertThat(o.get("points").asDouble()).isGreaterThanOrEqualTo(o.get("podium").asDouble());
        }
        assertThat(wins).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        JsonNode strategies = json.get("strategies");
        assertThat(strategies.size()).isGreaterThanOrEqualTo(2);
        assertThat(strategies.get(0).get("behindBest").asDouble()).isZero();
        // His own short last fill runs him dry in most races: a legal plan from the optimizer does better.
        JsonNode own = null;
        for (JsonNode s : strategies) {
            own = s.get("label").asText().equals("as in the file") ? s : own;
        }
        assertThat(own).isNotNull();
        assertThat(own.get("behindBest").asDouble()).isGreaterThan(own.get("behindBestHalfWidth").asDouble());
        String drawing = Files.readString(svg);
        assertThat(drawing).startsWith("<svg").contains("Coque López").contains("<polyline").endsWith("</svg>\n");
        // The same seed, the same races.
        assertThat(pitwall("strategy", "simulate", "../examples/gtws-2024-nations-cup/grand-final-strategy.yaml", "--runs", "300",
                "--seed", "7", "--format", "json").json().get("odds")).isEqualTo(json.get("odds"));
        assertThat(RaceHistorySvg.escape("<b>A&B</b>")).isEqualTo("&lt;b&gt;A&amp;B&lt;/b&gt;");
        // Beside its championship the file is held to the Grand Final's regulations as championship.yaml states them;
        // a copy on its own keeps its own rules section.
        assertThat(json.get("regulationsSource").asText()).isEqualTo("gtws-2024-nations-cup/championship.yaml, Grand Final");
        assertThat(json.get("regulations").asText()).isEqualTo("must use soft, medium, hard; refuelling required");
        Path alone = Files.copy(Path.of("../examples/gtws-2024-nations-cup/grand-final-strategy.yaml"), dir.resolve("alone.yaml"));
        JsonNode standalone = pitwall("strategy", "simulate", alone.toString(), "--runs", "50", "--format", "json").json();
        assertThat(standalone.get("regulationsSource").asText()).isEqualTo("alone.yaml (rules)");
    }

    @Test
    void withTwoRacesLeftEveryDriverCanStillWinAndEachHasAWitness() {
        JsonNode json = pitwall("scenarios", EXAMPLE, "--after", "Race 1", "--runs", "500", "--time-limit", "1", "--format", "json").json();

        assertThat(json.get("remaining")).extracting(JsonNode::asText).containsExactly("Race 2", "Grand Final");
        for (JsonNode d : json.get("drivers")) {
            // The Grand Final pays double: even the drivers without a point can still be champion.
            assertThat(d.get("canWin").asText()).as(d.get("driver").asText()).isEqualTo("yes");
            assertThat(d.get("witness")).hasSize(2);
            assertThat(d.get("witness").get(0).get("order").get(0).asText()).isEqualTo(d.get("driver").asText());
            assertThat(d.get("strengthProbability").isNumber()).isTrue();
        }
    }

    @Test
    void afterTheLastRaceTheTitleIsDecided() {
        JsonNode json = pitwall("scenarios", EXAMPLE, "--format", "json").json();

        assertThat(json.get("remaining")).isEmpty();
        assertThat(json.get("drivers").get(0).get("driver").asText()).isEqualTo("Takuma Miyazono");
        assertThat(json.get("drivers").get(0).get("canWin").asText()).isEqualTo("yes");
        assertThat(json.get("drivers").get(1).get("canWin").asText()).isEqualTo("no");
    }

    @Test
    void conformanceOfOneFormula1SeasonAgainstF1db() {
        Run run = pitwall("conformance", "f1db", "../../shared/data/f1db", "--season", "2014", "--rules", "../examples/f1",
                "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("attribution").asText()).contains("F1DB").contains("CC BY 4.0");
        assertThat(json.get("racePoints").get("matched").asInt()).isEqualTo(json.get("racePoints").get("total").asInt()).isPositive();
        assertThat(json.get("seasons").get(0).get("season").asInt()).isEqualTo(2014);
        assertThat(json.get("drivers").get("total").asInt()).isPositive();
        assertThat(json.has("constructors")).isTrue();
        assertThat(json.get("mismatches").isArray()).isTrue();
    }

    @Test
    void conformanceWithoutItsRulesDirectorySaysSo() {
        Run run = pitwall("conformance", "f1db", "../../shared/data/f1db", "--season", "2021", "--rules", "no/such/dir");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/dir: no such directory of season regulation files (--rules)");
    }

    private static List<String> names(JsonNode rows, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n && i < rows.size(); i++) {
            names.add(rows.get(i).get("driver").asText());
        }
        return names;
    }

    static void copyExample(Path dir) throws IOException {
        copy(Path.of(EXAMPLE), dir);
    }

    static void copy(Path from, Path dir) throws IOException {
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
}
