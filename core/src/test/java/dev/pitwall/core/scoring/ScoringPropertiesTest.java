package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.TieBreak;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties that hold for any results, checked on seeded random championships. */
class ScoringPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    private static RaceResult randomResult(Random random, String race, List<String> drivers) {
        List<String> order = new ArrayList<>(drivers);
        Collections.shuffle(order, random);
        List<ResultRow> rows = new ArrayList<>();
        Duration time = Duration.ofMinutes(17).plusMillis(random.nextInt(60_000));
        for (int i = 0; i < order.size(); i++) {
            time = time.plusMillis(random.nextInt(3_000));
            Finish finish = switch (random.nextInt(12)) {
                case 0 -> new Finish.Retired(Optional.of(random.nextInt(10)), "mechanical");
                case 1 -> new Finish.DidNotStart();
                default -> Finish.Finished.in(time);
            };
            rows.add(new ResultRow(i + 1, order.get(i), finish, Optional.empty()));
        }
        return new RaceResult(race, rows);
    }

    private static List<String> field(Random random) {
        int n = 3 + random.nextInt(10);
        List<String> drivers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drivers.add("Driver " + (char) ('A' + i));
        }
        return drivers;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aTimePenaltyNeverLiftsThePenalisedDriverNorDropsAnyoneElse(long seed) {
        Random random = new Random(seed);
        List<String> drivers = field(random);
        Race race = Fixtures.race("Race 1");
        RaceResult sheet = randomResult(random, "Race 1", drivers);
        String penalised = drivers.get(random.nextInt(drivers.size()));
        var penalty = new Decision.TimePenalty("Race 1", penalised, Duration.ofMillis(1 + random.nextInt(20_000)), "Track limits");

        Classification before = Classifier.classify(race, sheet, List.of());
        Classification after = Classifier.classify(race, sheet, List.of(penalty));

        assertThat(after.entries()).extracting(ClassifiedEntry::driver).containsExactlyInAnyOrderElementsOf(drivers);
        for (int i = 0; i < drivers.size(); i++) {
            String driver = before.entries().get(i).driver();
            int newIndex = indexOf(after, driver);
            if (driver.equals(penalised)) {
                assertThat(newIndex).isGreaterThanOrEqualTo(i);
                assertThat(after.entryOf(driver).orElseThrow().points()).isLessThanOrEqualTo(before.entryOf(driver).orElseThrow().points());
            } else {
                assertThat(newIndex).isBetween(i - 1, i);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theRacePaysExactlyTheTableDownToTheLastClassifiedPlace(long seed) {
        Random random = new Random(seed);
        List<String> drivers = field(random);
        long multiplier = 1 + random.nextInt(2);
        Race race = Fixtures.race("Race 1", multiplier, GridRule.qualifying(List.of()));
        Classification c = Classifier.classify(race, randomResult(random, "Race 1", drivers), List.of());

        long classified = c.entries().stream().filter(ClassifiedEntry::isClassified).count();
        Points expected = Points.ZERO;
        for (int p = 1; p <= classified; p++) {
            expected = expected.plus(Fixtures.GTWS.forPosition(p).times(Points.of(multiplier)));
        }
        Points paid = c.entries().stream().map(ClassifiedEntry::points).reduce(Points.ZERO, Points::plus);
        assertThat(paid).isEqualTo(expected);
        assertThat(c.entries().subList(0, (int) classified)).allMatch(ClassifiedEntry::isClassified);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void standingsAddUpAndAreInOrder(long seed) {
        Random random = new Random(seed);
        List<String> names = field(random);
        List<Entrant> entrants = names.stream().map(n -> Fixtures.withCarryOver(n, random.nextInt(12))).toList();
        List<Race> races = List.of(Fixtures.race("Race 1"), Fixtures.race("Race 2", 1, GridRule.fromResultOf("Race 1")),
                Fixtures.race("Grand Final", 2, GridRule.fromResultOf("Race 2")));
        List<RaceResult> results = races.stream().map(r -> randomResult(random, r.name(), names)).toList();
        List<Decision> decisions = List.of(new Decision.PointsDeduction("Race 2", names.getFirst(), Points.of(3), "Unsafe release"));
        Championship c = Fixtures.championship(races, entrants, List.of(TieBreak.countback(), TieBreak.latestRaceFinish()), results, decisions);

        Standings standings = Standings.latest(c);

        Points total = standings.rows().stream().map(StandingsRow::points).reduce(Points.ZERO, Points::plus);
        Points expected = entrants.stream().map(e -> e.carryOver().points()).reduce(Points.ZERO, Points::plus).minus(Points.of(3));
        for (Race r : races) {
            expected = expected.plus(Classifier.classify(r, c.resultOf(r).orElseThrow(), c.decisionsFor(r)).entries().stream()
                    .map(ClassifiedEntry::points).reduce(Points.ZERO, Points::plus));
        }
        assertThat(total).isEqualTo(expected);
        for (int i = 1; i < standings.rows().size(); i++) {
            StandingsRow above = standings.rows().get(i - 1);
            StandingsRow below = standings.rows().get(i);
            assertThat(above.points()).isGreaterThanOrEqualTo(below.points());
            assertThat(above.position().getAsInt()).isLessThanOrEqualTo(below.position().getAsInt());
            if (above.position().equals(below.position())) {
                assertThat(above.points()).isEqualTo(below.points());
            }
        }
    }

    private static int indexOf(Classification c, String driver) {
        for (int i = 0; i < c.entries().size(); i++) {
            if (c.entries().get(i).driver().equals(driver)) {
                return i;
            }
        }
        return -1;
    }
}
