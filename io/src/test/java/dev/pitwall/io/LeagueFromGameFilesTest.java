package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A league season run from the result files the game's server wrote: files in, standings out. */
class LeagueFromGameFilesTest {

    private final Championship league = ChampionshipFiles.load(Path.of("..", "examples", "rf2-sebring-league"));

    @Test
    void theGameFilesGiveTheSeason() {
        assertThat(league.racesRun()).hasSize(4);
        assertThat(Standings.latest(league).rows()).extracting(r -> r.positionText() + " " + r.name() + " " + r.points())
                .containsExactly("1 Malek1th 40", "2 Gérard larrousse 26", "3 Jo Bonnier 24", "4 Tig_green 15", "5 mauserrifle 12");
    }

    @Test
    void theGamesStatusesBecomeTheClassification() {
        var round2 = Classifier.classify(league, league.requireRace("Round 2"));

        assertThat(round2.entries()).extracting(ClassifiedEntry::driver)
                .containsExactly("Malek1th", "Gérard larrousse", "Tig_green", "mauserrifle", "Jo Bonnier");
        assertThat(round2.entryOf("Jo Bonnier").orElseThrow().finish()).isInstanceOf(Finish.Disqualified.class);
        assertThat(round2.entryOf("Tig_green").orElseThrow().finish()).isInstanceOf(Finish.Retired.class);
        assertThat(round2.entryOf("Gérard larrousse").orElseThrow().points().toString()).isEqualTo("8");
    }
}
