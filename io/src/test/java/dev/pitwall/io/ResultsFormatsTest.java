package dev.pitwall.io;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.RaceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same race written as a published table, as CSV and as JSON reads the same. */
class ResultsFormatsTest {

    private final Championship finals = ChampionshipFiles.load(GtWorldSeriesExampleTest.EXAMPLE);
    private final RaceResult published = finals.resultOf(finals.requireRace("Race 2")).orElseThrow();

    @TempDir
    Path dir;

    @Test
    void csvWithSeparateCountryColumn() throws IOException {
        Path csv = write("race-2.csv", """
                position,country,driver,time,points
                1,Spain,Jose Serrano,17'14.091,12
                2,France,Kylian Drumont,+00.143,10
                3,Japan,Takuma Miyazono,+01.179,8
                4,Netherlands,Kaj de Bruin,+02.460,7
                5,Chile,Angel Inostroza,+04.891,6
                6,Italy,Valerio Gallo,+09.917,5
                7,Australia,Guy Barbara,+10.669,4
                8,Brazil,Adriano Carrazza,+15.410,3
                9,Japan,Takuma Sasaki,+18.090,2
                10,USA,Robert Heck,+18.579,1
                11,USA,Calen Roach,+23.427,
                12,Spain,Coque López,+28.680,
                """);

        assertThat(read(csv)).isEqualTo(published);
    }

    @Test
    void jsonInTheShapePitwallPrints() throws IOException {
        StringBuilder json = new StringBuilder("{\"race\": \"Race 2\", \"results\": [\n");
        var rows = published.rows();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var elapsed = ((Finish.Finished) row.finish()).elapsed().orElseThrow();
            json.append("  {\"position\": ").append(row.publishedPosition())
                    .append(", \"driver\": \"").append(row.driver())
                    .append("\", \"time\": \"").append(dev.pitwall.core.model.RaceTime.format(elapsed))
                    .append("\", \"points\": ").append(row.publishedPoints().orElseThrow())
                    .append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        json.append("]}\n");

        assertThat(read(write("race-2.json", json.toString()))).isEqualTo(published);
    }

    @Test
    void csvAndJsonErrorsNameTheLine() throws IOException {
        Path csv = write("bad.csv", """
                position,driver,time
                1,Jose Serrano,17'14.091
                2,Kylian Drumont,soon
                """);
        assertThatThrownBy(() -> read(csv)).hasMessageContaining("bad.csv:3: expected a time like 17'47.179");

        Path json = write("bad.json", """
                {"race": "Race 2", "results": [
                  {"position": 1, "driver": "Jose Serrano", "time": "17'14.091"},
                  {"position": 2, "driver": "Kylian Drumont", "time": "+00.143",}
                ]}
                """);
        assertThatThrownBy(() -> read(json)).hasMessageContaining("bad.json:3: not well-formed");

        Path wrongRace = write("wrong.json", "{\"race\": \"Race 1\", \"results\": []}");
        assertThatThrownBy(() -> read(wrongRace)).hasMessageContaining("wrong.json:1: these are the results of \"Race 1\", expected \"Race 2\"");
    }

    @Test
    void statusWordsAndLapsDown() throws IOException {
        Path md = write("race-2.md", """
                Rank | Country / Driver | Time | Points |
                ---|---|---|---|
                1 | Spain Jose Serrano | 17'14.091 | 12 |
                2 | France Kylian Drumont | +1 Lap | 10 |
                3 | Japan Takuma Miyazono | DNF | |
                4 | Netherlands Kaj de Bruin | DSQ | |
                5 | Chile Angel Inostroza | DNS |
                """);

        RaceResult result = read(md);
        assertThat(result.rows()).extracting(r -> r.finish().status())
                .containsExactly("finished", "laps down", "retired", "disqualified", "did not start");
        assertThat(result.rows().get(1).finish()).isEqualTo(new Finish.LapsDown(1));
    }

    @Test
    void aTableWithoutAHeaderIsRefused() throws IOException {
        Path md = write("race-2.md", "1 | Spain Jose Serrano | 17'14.091 | 12 |\n");

        assertThatThrownBy(() -> read(md)).hasMessageContaining(
                "race-2.md: expected a results table with a header like \"Rank | Country / Driver | Time | Points |\"");
    }

    @Test
    void textAfterTheTableIsNotSilentlyDropped() throws IOException {
        Path md = write("race-2.md", """
                Rank | Country / Driver | Time | Points |
                ---|---|---|---|
                1 | Spain Jose Serrano | 17'14.091 | 12 |

                2 France Kylian Drumont +00.143 10
                """);

        assertThatThrownBy(() -> read(md)).hasMessageContaining("race-2.md:5: expected a table row like");
    }

    private RaceResult read(Path file) {
        return ChampionshipFiles.readResults(file, "Race 2", new dev.pitwall.core.model.EntryList(finals.entrants()));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
