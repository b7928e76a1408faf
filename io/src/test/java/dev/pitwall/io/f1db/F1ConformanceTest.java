package dev.pitwall.io.f1db;

import dev.pitwall.io.SharedData;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.scoring.ClassifiedEntry;
import dev.pitwall.core.scoring.Classifier;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;
import dev.pitwall.io.F1Seasons;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula 1 1950 to the latest F1DB race, recomputed from the results alone under the season files in
 * examples/f1, against F1DB's own record (CC BY 4.0).
 */
class F1ConformanceTest {

    private static List<F1dbSeason> seasons;
    private static Map<Integer, Championship> championships;

    @BeforeAll
    static void readHistory() {
        seasons = F1db.readAll(SharedData.f1db());
        championships = seasons.stream().collect(Collectors.toMap(F1dbSeason::year,
                s -> F1Seasons.championship(s, F1Seasons.seasonFile(SharedData.f1Rules(), s.year()))));
    }

    @Test
    void theWholeHistoryHoldsTheBar() {
        List<Conformance.SeasonReport> reports = new ArrayList<>();
        for (F1dbSeason s : seasons) {
            reports.add(Conformance.check(s, championships.get(s.year())));
        }
        Conformance.Tally points = sum(reports, Conformance.SeasonReport::racePoints);
        Conformance.Tally drivers = sum(reports, Conformance.SeasonReport::drivers);
        Conformance.Tally constructors = sum(reports, Conformance.SeasonReport::constructors);
        long identical = reports.stream().filter(Conformance.SeasonReport::finalDriversIdentical).count();

        assertThat(seasons.getFirst().year()).isEqualTo(1950);
        assertThat(seasons.stream().mapToInt(s -> s.races().size()).sum()).isGreaterThanOrEqualTo(1149);
        assertThat(points.matched()).as("race result rows whose points agree").isEqualTo(points.total());
        assertThat(drivers.rate()).as("drivers' standings rows after every race").isGreaterThanOrEqualTo(0.997);
        assertThat(constructors.rate()).as("constructors' standings rows after every race").isGreaterThanOrEqualTo(0.997);
        assertThat(identical).as("seasons whose final drivers' table is identical").isGreaterThanOrEqualTo(reports.size() - 1);
        assertThat(reports.stream().flatMap(r -> r.mismatches().stream())).allSatisfy(m -> assertThat(m.reason()).isNotBlank());
    }

    @Test
    void fastestLapSharedBySevenDriversAtSilverstone1954() {
        Championship c = championships.get(1954);
        var race = c.requireRace("great-britain");
        var entries = Classifier.classify(c, race).entries();

        assertThat(points(entries, "jose-froilan-gonzalez")).isEqualTo(Points.of(8).plus(Points.of(1, 7)));
        assertThat(points(entries, "stirling-moss")).isEqualTo(Points.of(1, 7));
    }

    @Test
    void sharedCarPointsAreSplitIn1957AndBestCarOnly() {
        Championship c = championships.get(1957);
        var entries = Classifier.classify(c, c.requireRace("great-britain")).entries();

        // Brooks and Moss shared the winning Vanwall: 8 split, and Moss set the fastest lap in it.
        assertThat(points(entries, "tony-brooks")).isEqualTo(Points.of(4));
        assertThat(points(entries, "stirling-moss")).isEqualTo(Points.of(5));
    }

    @Test
    void halfPointsAtSpa2021AndDoublePointsInAbuDhabi2014() {
        Championship spa = championships.get(2021);
        assertThat(points(Classifier.classify(spa, spa.requireRace("belgium")).entries(), "max-verstappen")).isEqualTo(Points.of(25, 2));
        Championship abuDhabi = championships.get(2014);
        assertThat(points(Classifier.classify(abuDhabi, abuDhabi.requireRace("abu-dhabi")).entries(), "lewis-hamilton"))
                .isEqualTo(Points.of(50));
    }

    @Test
    void finalTablesOfTitleDecidersAreRight() {
        assertThat(top(2021, 2)).containsExactly("1 max-verstappen 395.5", "2 lewis-hamilton 387.5");
        // 1988: Senna champion on his best 11 results although Prost scored more in all.
        assertThat(top(1988, 2)).containsExactly("1 ayrton-senna 90", "2 alain-prost 87");
        // 1997: Schumacher excluded from the drivers' championship.
        StandingsRow schumacher = Standings.latest(championships.get(1997)).rowOf("michael-schumacher").orElseThrow();
        assertThat(schumacher.excluded()).isTrue();
        assertThat(schumacher.points()).isEqualTo(Points.of(78));
    }

    @Test
    void constructorsTableOfBestPlacedCarsIn1961() {
        var c = championships.get(1961);
        Standings table = Standings.constructorsAfter(c, c.racesRun().getLast());
        assertThat(table.rows().getFirst().name()).isEqualTo("ferrari|ferrari");
        assertThat(table.rows().getFirst().points()).isEqualTo(Points.of(40));
    }

    private List<String> top(int year, int n) {
        return Standings.latest(championships.get(year)).rows().stream().limit(n)
                .map(r -> r.positionText() + " " + r.name() + " " + r.points()).toList();
    }

    private static Points points(List<ClassifiedEntry> entries, String driver) {
        return entries.stream().filter(e -> e.driver().equals(driver)).map(ClassifiedEntry::points).reduce(Points.ZERO, Points::plus);
    }

    private static Conformance.Tally sum(List<Conformance.SeasonReport> reports, Function<Conformance.SeasonReport, Conformance.Tally> f) {
        return reports.stream().map(f).reduce(new Conformance.Tally(0, 0), Conformance.Tally::plus);
    }
}
