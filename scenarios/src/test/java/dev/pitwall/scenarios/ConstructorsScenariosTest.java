package dev.pitwall.scenarios;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.ConstructorsRules;
import dev.pitwall.core.rules.DropRule;
import dev.pitwall.core.rules.FastestLapBonus;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.MultiCar;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.SharedDrive;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.rules.TyreRule;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The constructors' championship before the last two races, checked against brute force on seeded random small
 * championships: constructors with one or two cars (and a car entered by none), every car scoring or only the best
 * placed, the fastest lap paying the constructor (sometimes only in the top 3), best-N results, a doubled final,
 * countback or the latest race's order. The oracle is the scoring engine itself, run on every pair of finishing orders
 * (and fastest laps).
 */
class ConstructorsScenariosTest {

    static LongStream seeds() {
        return LongStream.range(1, 161);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void twoRacesLeftAgreeWithBruteForce(long seed) {
        Random random = new Random(seed * 104_729);
        boolean lap = seed % 4 == 0;
        int n = lap || random.nextInt(3) > 0 ? 4 : 5;
        // Cars 0..n-1; constructors A, B, C; the last car is sometimes entered by nobody.
        List<String> names = new ArrayList<>();
        Map<String, String> team = new HashMap<>();
        String[] teams = {"A", "B", "C"};
        boolean privateer = random.nextInt(3) == 0;
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "D" + i;
            names.add(name);
            if (!(privateer && i == n - 1)) {
                team.put(name, i < 3 ? teams[i] : teams[random.nextInt(3)]);
            }
            entrants.add(new Entrant(name, "Italy", Optional.empty(), Optional.ofNullable(team.get(name)), CarryOver.none()));
        }
        PointsTable table = switch (random.nextInt(3)) {
            case 0 -> PointsTable.of(10, 6, 4, 3, 2, 1);
            case 1 -> PointsTable.of(5, 3, 1);
            default -> PointsTable.of(9, 6, 4, 3);
        };
        Optional<FastestLapBonus> bonus = lap
                ? Optional.of(new FastestLapBonus(Points.ONE, false, random.nextBoolean() ? OptionalInt.of(3) : OptionalInt.empty()))
                : Optional.empty();
        int run = 1 + random.nextInt(5); // one to five races run, so that some constructors are already out of it
        int races = run + 2;
        List<Round> rounds = new ArrayList<>();
        List<Race> calendar = new ArrayList<>();
        for (int r = 0; r < races; r++) {
            long multiplier = r == races - 1 && random.nextBoolean() ? 2 : 1;
            Race race = new Race("Race " + (r + 1), new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, table, Points.of(multiplier),
                    GridRule.qualifying(List.of()), bonus, Points.of(9, 10)));
            calendar.add(race);
            rounds.add(new Round("Round " + (r + 1), List.of(race)));
        }
        List<TieBreak> tieBreaks = switch (random.nextInt(4)) {
            case 0 -> List.of(TieBreak.countback());
            case 1 -> List.of(TieBreak.latestRaceFinish());
            case 2 -> List.of(TieBreak.countbackOfScoringFinishes(), TieBreak.latestRaceFinish());
            default -> List.of();
        };
        boolean bestCar = !lap && random.nextInt(3) == 0;
        Optional<DropRule> drop = random.nextInt(3) == 0 ? Optional.of(DropRule.bestOf(races - 1)) : Optional.empty();
        ConstructorsRules constructors = new ConstructorsRules(table, bestCar, lap, false, Set.of(), true, drop);
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (int r = 0; r < run; r++) {
            List<String> order = new ArrayList<>(names);
            Collections.shuffle(order, random);
            results.put("Race " + (r + 1), result("Race " + (r + 1), order, team, Optional.of(order.get(random.nextInt(n)))));
        }
        Championship c = new Championship("Random Cup", rounds, entrants,
                new Scoring(tieBreaks, SharedDrive.SPLIT, MultiCar.SUM, Optional.empty(), Optional.of(constructors)), results, List.of());
        Race next = calendar.get(run);
        Race last = calendar.getLast();

        Scenarios.Report report = Scenarios.before(c, next, new SplittableRandom(seed), 100, Map.of(), Duration.ofSeconds(20));
        Map<String, int[]> brute = brute(c, next, last, names, team, lap);
        assertThat(report.constructors()).extracting(TeamOutlook::constructor).containsExactlyInAnyOrderElementsOf(brute.keySet());
        for (TeamOutlook o : report.constructors()) {
            int[] range = brute.get(o.constructor());
            String what = o.constructor() + " (" + o.reason() + ")";
            assertThat(o.canWin()).as(what + " can win").isEqualTo(range[0] == 1 ? Outlook.Answer.YES : Outlook.Answer.NO);
            assertThat(o.bestPosition()).as(what + " best").isEqualTo(range[0]);
            assertThat(o.worstPosition()).as(what + " worst").isEqualTo(range[1]);
            if (o.canWin() == Outlook.Answer.YES) {
                Championship finished = c;
                for (Outlook.RaceOrder race : o.witness()) {
                    finished = finished.withResult(result(race.race(), race.order(), team, race.fastestLap()));
                }
                assertThat(Standings.constructorsAfter(finished, last).rowOf(o.constructor()).orElseThrow().position())
                        .as("witness").hasValue(1);
            }
            assertThat(o.probability()).as(what + " odds").isBetween(0.0, 1.0);
            if (range[0] > 1) {
                assertThat(o.probability()).as(what + " cannot win, so no odds").isZero();
            }
        }
        assertThat(report.constructors().stream().mapToDouble(TeamOutlook::probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** The best and worst final position of every constructor over every pair of orders (and fastest laps), by the engine. */
    private static Map<String, int[]> brute(Championship c, Race next, Race last, List<String> names, Map<String, String> team, boolean lap) {
        int n = names.size();
        List<int[]> orders = new ArrayList<>();
        SeveralRacesTest.Brute.permute(IntStream.range(0, n).toArray(), 0, o -> orders.add(o.clone()));
        List<Optional<String>> laps = lap ? names.stream().map(Optional::of).toList() : List.of(Optional.<String>empty());
        Map<String, int[]> range = new HashMap<>();
        for (int[] first : orders) {
            for (Optional<String> firstLap : laps) {
                Championship one = c.withResult(result(next.name(), order(first, names), team, firstLap));
                for (int[] second : orders) {
                    for (Optional<String> secondLap : laps) {
                        Championship done = one.withResult(result(last.name(), order(second, names), team, secondLap));
                        for (StandingsRow row : Standings.constructorsAfter(done, last).rows()) {
                            int p = row.position().orElseThrow();
                            int[] r = range.computeIfAbsent(row.name(), k -> new int[] {Integer.MAX_VALUE, 0});
                            r[0] = Math.min(r[0], p);
                            r[1] = Math.max(r[1], p);
                        }
                    }
                }
            }
        }
        return range;
    }

    private static List<String> order(int[] order, List<String> names) {
        return Arrays.stream(order).mapToObj(names::get).toList();
    }

    static RaceResult result(String race, List<String> order, Map<String, String> team, Optional<String> lap) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            rows.add(new ResultRow(i + 1, order.get(i), new Finish.Finished(Optional.empty()), Optional.empty(),
                    Optional.ofNullable(team.get(order.get(i))), Optional.empty()));
        }
        return new RaceResult(race, rows, lap.map(FastestLap::by).stream().toList());
    }

    @Test
    void aChampionshipWithoutConstructorsHasNoConstructorsOutlook() {
        List<Race> calendar = new ArrayList<>();
        for (int r = 1; r <= 2; r++) {
            calendar.add(new Race("Race " + r, new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, PointsTable.of(3, 2, 1), Points.ONE,
                    GridRule.qualifying(List.of()), Optional.empty(), Points.of(9, 10))));
        }
        List<String> names = List.of("D0", "D1", "D2");
        Championship c = new Championship("Drivers only", List.of(new Round("Season", calendar)),
                names.stream().map(d -> Entrant.of(d, "Italy")).toList(),
                new Scoring(List.of(TieBreak.countback()), SharedDrive.SPLIT, MultiCar.SUM, Optional.empty(), Optional.empty()),
                Map.of("Race 1", result("Race 1", names, Map.of(), Optional.empty())), List.of());
        Scenarios.Report report = Scenarios.before(c, calendar.getLast(), new SplittableRandom(1), 100);
        assertThat(report.drivers()).hasSize(3);
        assertThat(report.constructors()).isEmpty();
    }
}
