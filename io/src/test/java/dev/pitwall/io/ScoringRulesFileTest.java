package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.Listing;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.scoring.Standings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The championship-wide scoring keys of championship.yaml, read and applied. */
class ScoringRulesFileTest {

    @TempDir
    Path dir;

    private static final String CLUB_SERIES = """
            championship: Club Sprint Series
            points: [10, 6, 4]
            sprint-points: [3, 2, 1]
            fastest-lap: {points: 1, share-ties: true, classified-top: 3}
            shared-drive: none
            multi-car: best
            count-best: [{rounds: 1-2, best: 1}, {rounds: 3-, best: 1}]
            tie-break: [countback-scoring-finishes, first-to-reach-total]
            listed: from-first-race
            constructors:
              points: [5, 3, 1]
              best-car-only: true
              fastest-lap: false
              sprints: true
              exclude: [Round 3 Race]
            rounds:
              - name: Round 1
                races:
                  - {name: Round 1 Sprint, session: sprint}
                  - {name: Round 1 Race}
              - name: Round 2
                races: [{name: Round 2 Race, multiplier: 2, fastest-lap: none}]
              - name: Round 3
                races: [{name: Round 3 Race}]
            entrants:
              - {name: Ann, country: UK, team: Red}
              - {name: Bo, country: UK, team: Blue}
              - {name: Cy, country: UK, team: Red}
            """;

    @Test
    void everyScoringKeyIsRead() throws IOException {
        Championship c = load(CLUB_SERIES);

        var scoring = c.scoring();
        assertThat(scoring.sharedDrive()).isEqualTo(SharedDrive.NONE);
        assertThat(scoring.multiCar()).isEqualTo(MultiCar.BEST);
        assertThat(scoring.listing()).isEqualTo(Listing.FROM_FIRST_RACE);
        assertThat(load(CLUB_SERIES.replace("listed: from-first-race\n", "")).scoring().listing()).isEqualTo(Listing.ENTRY_LIST);
        assertThat(scoring.dropRule()).contains(new DropRule(List.of(new DropRule.Segment(1, 2, 1),
                new DropRule.Segment(3, Integer.MAX_VALUE, 1))));
        assertThat(scoring.tieBreaks()).containsExactly(TieBreak.countbackOfScoringFinishes(), new TieBreak.FirstToReachTotal());
        var constructors = scoring.constructors().orElseThrow();
        assertThat(constructors.bestCarOnly()).isTrue();
        assertThat(constructors.sprints()).isTrue();
        assertThat(constructors.excludedRaces()).containsExactly("Round 3 Race");

        var sprint = c.requireRace("Round 1 Sprint").rules();
        assertThat(sprint.session()).isEqualTo(SessionType.SPRINT);
        assertThat(sprint.points().forPosition(1)).isEqualTo(Points.of(3));
        assertThat(sprint.fastestLap()).isEmpty();
        assertThat(c.requireRace("Round 1 Race").rules().fastestLap().orElseThrow().requireClassifiedTop().getAsInt()).isEqualTo(3);
        assertThat(c.requireRace("Round 2 Race").rules().fastestLap()).isEmpty();
        assertThat(c.requireRace("Round 2 Race").rules().multiplier()).isEqualTo(Points.of(2));
    }

    @Test
    void theRulesShapeTheStandings() throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("round-1-sprint.csv"), "position,driver,time\n1,Ann,10'00.0\n2,Bo,+1.0\n3,Cy,+2.0\n");
        Files.writeString(results.resolve("round-1-race.csv"), "position,driver,time\n1,Bo,20'00.0\n2,Ann,+1.0\n3,Cy,+2.0\n");
        Files.writeString(results.resolve("round-2-race.csv"), "position,driver,time\n1,Ann,20'00.0\n2,Cy,+1.0\n3,Bo,+2.0\n");
        Championship c = load(CLUB_SERIES);

        // Round 1: Ann 3 + 6 = 9, Bo 2 + 10 = 12, Cy 1 + 4 = 5. Round 2 (double): Ann 20, Cy 12, Bo 8.
        // Best 1 of rounds 1-2: Ann 20, Bo 12, Cy 12. Bo and Cy level: countback of scoring finishes in races
        // (not sprints): Bo has a win, Cy a second and a third.
        var table = Standings.latest(c).rows();
        assertThat(table).extracting(r -> r.positionText() + " " + r.name() + " " + r.points())
                .containsExactly("1 Ann 20", "2 Bo 12", "3 Cy 12");
    }

    @Test
    void aMisspelledScoringValueIsNamedWithItsLine() throws IOException {
        assertThatThrownBy(() -> load(CLUB_SERIES.replace("shared-drive: none", "shared-drive: halves")))
                .hasMessageContaining("championship.yaml:5: expected shared-drive: split or none, found \"halves\"");
        assertThatThrownBy(() -> load(CLUB_SERIES.replace("{rounds: 3-, best: 1}", "{rounds: three, best: 1}")))
                .hasMessageContaining("championship.yaml:7: expected rounds like 1-6 (or 7- for the rest of the season), found \"three\"");
        assertThatThrownBy(() -> load(CLUB_SERIES.replace("listed: from-first-race", "listed: everyone")))
                .hasMessageContaining("championship.yaml:9: expected listed: entry-list or from-first-race, found \"everyone\"");
    }

    private Championship load(String yaml) throws IOException {
        Files.writeString(dir.resolve("championship.yaml"), yaml);
        return ChampionshipFiles.load(dir);
    }
}
