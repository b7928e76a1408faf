package dev.pitwall.core.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RaceTimeTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "17'47.179; 1067179",
            "46'26.252; 2786252",
            "46:26.252; 2786252",
            "1:02:03.456; 3723456",
            "65.938; 65938",
            "05.5; 5500"})
    void readsElapsedTimes(String text, long millis) {
        assertThat(RaceTime.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"+00.205; 205", "+1'05.938; 65938", "+02.671; 2671"})
    void readsGaps(String text, long millis) {
        assertThat(RaceTime.parseGap(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0O.205", "17'67.179", "abc", "", "1:75:00.0", "17''47"})
    void refusesWhatIsNotATime(String text) {
        assertThat(RaceTime.parse(text)).isEmpty();
        assertThat(RaceTime.parseGap(text)).isEmpty();
    }

    @Test
    void printsTimesAndGapsAsTimingScreensDo() {
        assertThat(RaceTime.format(Duration.ofMillis(1067179))).isEqualTo("17'47.179");
        assertThat(RaceTime.format(Duration.ofMillis(3723456))).isEqualTo("1:02:03.456");
        assertThat(RaceTime.formatGap(Duration.ofMillis(205))).isEqualTo("+00.205");
        assertThat(RaceTime.formatGap(Duration.ofMillis(65938))).isEqualTo("+1'05.938");
        assertThat(RaceTime.formatSeconds(Duration.ofMillis(2500))).isEqualTo("2.5");
        assertThat(RaceTime.formatSeconds(Duration.ofSeconds(5))).isEqualTo("5");
    }

    @Test
    void formatAndParseRoundTrip() {
        for (long millis = 0; millis < 4_000_000; millis += 7_919) {
            Duration d = Duration.ofMillis(millis);
            assertThat(RaceTime.parse(RaceTime.format(d))).contains(d);
            assertThat(RaceTime.parseGap(RaceTime.formatGap(d))).contains(d);
        }
    }
}
