package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Best-N results over segments of the season, after every race of a season still running: each driver's total is
     * the sum of the best rounds of each segment (a segment whose rounds are all still to come counts nothing) plus
     * every round no segment covers, worked out here from the classifications alone.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bestResultsCountOnlyTheBestRoundsOfEachSegmentAfterEveryRace(long seed) {
        Random random = new Random(seed);
        List<String> names = field(random);
        int rounds = 3 + random.nextInt(8);
        List<Round> calendar = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            calendar.add(new Round("Round " + r, List.of(Fixtures.race("Race " + r))));
        }
        List<DropRule.Segment> segments = new ArrayList<>();
        for (int from = 1; from <= rounds; ) {
            int to = Math.min(rounds, from + random.nextInt(4));
            if (random.nextInt(4) > 0) { // some rounds belong to no segment
                segments.add(new DropRule.Segment(from, to, 1 + random.nextInt(to - from + 1)));
            }
            from = to + 1;
        }
        if (segments.isEmpty()) {
            segments.add(new DropRule.Segment(1, rounds, 1));
        }
        int run = 1 + random.nextInt(rounds);
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (int r = 1; r <= run; r++) {
            results.put("Race " + r, randomResult(random, "Race " + r, names));
        }
        Scoring scoring = new Scoring(List.of(TieBreak.countback()), SharedDrive.SPLIT, MultiCar.SUM,
                Optional.of(new DropRule(segments)), Optional.empty());
        Championship c = new Championship("Best Of Cup", calendar, Fixtures.drivers(names.toArray(String[]::new)), scoring,
                results, List.of());

        List<Standings> progression = Standings.progression(c);

        assertThat(progression).hasSize(run);
        Map<String, Points[]> byRound = new LinkedHashMap<>();
        names.forEach(n -> byRound.put(n, new Points[rounds]));
        for (int r = 1; r <= run; r++) {
            Race race = c.requireRace("Race " + r);
            for (ClassifiedEntry e : Classifier.classify(c, race).entries()) {
                byRound.get(e.driver())[r - 1] = e.points();
            }
            for (StandingsRow row : progression.get(r - 1).rows()) {
                Points[] scored = byRound.get(row.name());
                Points expected = Points.ZERO;
                boolean[] covered = new boolean[rounds];
                for (DropRule.Segment segment : segments) {
                    List<Points> inSegment = new ArrayList<>();
                    for (int k = segment.fromRound(); k <= Math.min(segment.toRound(), r); k++) {
                        covered[k - 1] = true;
                        inSegment.add(scored[k - 1] == null ? Points.ZERO : scored[k - 1]);
                    }
                    inSegment.sort(Comparator.reverseOrder());
                    for (Points p : inSegment.subList(0, Math.min(segment.best(), inSegment.size()))) {
                        expected = expected.plus(p);
                    }
                }
                for (int k = 1; k <= r; k++) {
                    if (!covered[k - 1] && scored[k - 1] != null) {
                        expected = expected.plus(scored[k - 1]);
                    }
                }
                assertThat(row.points()).as("%s after race %d of %s", row.name(), r, segments).isEqualTo(expected);
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
