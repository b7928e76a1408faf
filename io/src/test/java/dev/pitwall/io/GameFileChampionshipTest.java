package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Game files in a championship: the game's penalties become stewards' decisions marked as coming from the file, a
 * class championship takes its class's cars from a multi-class file, and the league's registry of names and platform
 * IDs puts every row on the right driver.
 */
class GameFileChampionshipTest {

    private static String sample(String relative) throws IOException {
        // As the games write them: Latin-1 where the bytes are not UTF-8.
        byte[] bytes = Files.readAllBytes(SharedData.simResults().resolve(relative));
        return dev.pitwall.io.sim.SimResults.decode(Path.of(relative), bytes);
    }

    private static Championship championship(String yaml, String resultsFile, String text) {
        return ChampionshipFiles.load(ChampionshipSource.of(Map.of("championship.yaml", yaml, "results/" + resultsFile, text)));
    }

    @Test
    void aPenaltyTheGameAddedToTheTimeIsAStewardsDecisionFromTheFile() throws IOException {
        Championship c = championship("""
                championship: Penalty Cup
                points: [10, 8, 6, 5, 4]
                rounds: [{name: Sebring, races: [{name: Sebring}]}]
                entrants: [{name: sushi}, {name: Tig_green}, {name: mauserrifle}, {name: Leonardo Saponti}, {name: Malek1th}]
                """, "sebring.xml", sample("rfactor2/race_with_penalties.xml"));

        assertThat(c.decisions()).containsExactly(new Decision.TimePenalty("Sebring", "mauserrifle", Duration.ofSeconds(35),
                "from the game file sebring.xml: +35s post-race time (penalty not served)"));
        var race = Classifier.classify(c, c.requireRace("Sebring"));
        // The file's FinishTime already holds the 35 s: the row is the time without them, the decision adds them back.
        assertThat(race.entries()).extracting(ClassifiedEntry::driver)
                .containsExactly("sushi", "Tig_green", "mauserrifle", "Leonardo Saponti", "Malek1th");
        Finish.Finished mauser = (Finish.Finished) c.resultOf(c.requireRace("Sebring")).orElseThrow().rows().get(2).finish();
        assertThat(mauser.elapsed()).contains(Duration.ofMillis(1_304_145 - 35_000)); // to the millisecond
    }

    @Test
    void aClassChampionshipTakesItsClassFromAMultiClassFile() throws IOException {
        Championship c = championship("""
                championship: F301 Trophy
                class: F301
                points: [10, 8, 6, 5, 4, 3, 2, 1]
                rounds: [{name: Round 1, races: [{name: Round 1}]}]
                entrants:
                  - {name: Ruan Lanchiaro}
                  - {name: Raoul Dropes}
                  - {name: Jeremy Davis}
                  - {name: Felipe Amorio}
                  - {name: Pedro Montil}
                  - {name: Thiago Izequiel}
                  - {name: Marcio Jamirez}
                  - {name: Karl Andersson, aliases: [Karl Anderson]}
                """, "round-1.xml", sample("automobilista/race.xml"));

        assertThat(Standings.latest(c).rows()).extracting(r -> r.positionText() + " " + r.name() + " " + r.points()).containsExactly(
                "1 Ruan Lanchiaro 10", "2 Raoul Dropes 8", "3 Jeremy Davis 6", "4 Felipe Amorio 5", "5 Pedro Montil 4",
                "6 Thiago Izequiel 3", "7 Marcio Jamirez 2", "8 Karl Andersson 1");
    }

    @Test
    void aClassThatIsNotInTheFileIsNamed() throws IOException {
        String text = sample("automobilista/race.xml");
        assertThatThrownBy(() -> championship("""
                championship: GT Trophy
                class: GT3
                points: [10]
                rounds: [{name: Round 1, races: [{name: Round 1}]}]
                entrants: [{name: Maurice}]
                """, "round-1.xml", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("round-1.xml").hasMessageContaining("no car of class GT3 in this file; its classes are F309, F301");
    }

    @Test
    void theRegistryLinksPlatformIdsAndOldNamesToTheDriver() throws IOException {
        // The ACC file's winner is "Andrea Mel" with player id 123; the league knows him by his full name.
        Championship c = championship("""
                championship: ACC Sprint
                points: [10, 8, 6]
                rounds: [{name: Brands Hatch, races: [{name: Brands Hatch}]}]
                entrants:
                  - {name: Andrea Melani, online-id: "999", aliases: ["123"]}
                  - {name: Alberto Forte, aliases: [Alberto For]}
                  - {name: Federico Siviero, online-id: "789"}
                """, "brands-hatch.json", sample("assettocorsa-competizione/191003_235558_R.json"));

        // By a second platform id, by the name the driver raced under before, by the online id.
        assertThat(Standings.latest(c).rows()).extracting(r -> r.name() + " " + r.points())
                .containsExactly("Andrea Melani 10", "Alberto Forte 8", "Federico Siviero 6");
    }

    @Test
    void aNameOrIdMayLeadToOneDriverOnly() {
        assertThatThrownBy(() -> championship("""
                championship: Clash
                points: [10]
                rounds: [{name: R1, races: [{name: R1}]}]
                entrants:
                  - {name: Ana, aliases: ["S765"]}
                  - {name: Bea, online-id: "S765"}
                """, "r1.md", "| Pos | Driver |\n|---|---|\n| 1 | Ana |\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is listed for both Ana and Bea");
    }
}
