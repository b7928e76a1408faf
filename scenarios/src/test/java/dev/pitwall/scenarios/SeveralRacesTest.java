package dev.pitwall.scenarios;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.DropRule;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.pitwall.scenarios.ScenariosTest.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact answers with two races left, checked against brute force over every pair of finishing orders on seeded random
 * small championships: up to 6 drivers, countback or the latest race's order, best-N results, a doubled final, points
 * carried over, some results assumed.
 */
class SeveralRacesTest {

    private static final java.util.concurrent.atomic.AtomicInteger CONDITIONS_CHECKED = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void conditionsWereExercised() {
        assertThat(CONDITIONS_CHECKED.get()).as("needs with conditions on rivals checked by brute force").isGreaterThan(50);
    }

    static LongStream seeds() {
        return LongStream.range(1, 2001);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void twoRacesLeftAgreeWithBruteForce(long seed) {
        Random random = new Random(seed * 7919);
        int n = seed % 50 == 0 ? 6 : 3 + random.nextInt(3); // 3 to 5 drivers, and 6 now and then // 3 to 5 drivers, and 6 now and then
        List<String> names = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("D" + i);
            entrants.add(Entrant.of("D" + i, "Italy").withCarryOver(CarryOver.of(Points.of(random.nextInt(6)))));
        }
        int run = 1 + random.nextInt(2);
        int races = run + 2;
        PointsTable table = switch (random.nextInt(3)) {
            case 0 -> PointsTable.of(10, 6, 4, 3, 2, 1);
            case 1 -> PointsTable.of(5, 3, 1);
            default -> PointsTable.of(25, 18, 15, 12, 10);
        };
        List<Round> rounds = new ArrayList<>();
        List<Race> calendar = new ArrayList<>();
        for (int r = 0; r < races; r++) {
            long multiplier = r == races - 1 && random.nextBoolean() ? 2 : 1;
            Race race = new Race("Race " + (r + 1), new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, table, Points.of(multiplier),
                    GridRule.qualifying(List.of()), Optional.empty(), Points.of(9, 10)));
            calendar.add(race);
            rounds.add(new Round("Round " + (r + 1), List.of(race)));
        }
        List<TieBreak> tieBreaks = switch (random.nextInt(4)) {
            case 0 -> List.of(TieBreak.countback());
            case 1 -> List.of(TieBreak.latestRaceFinish());
            case 2 -> List.of(TieBreak.countbackOfScoringFinishes(), TieBreak.latestRaceFinish());
            default -> List.of();
        };
        Optional<DropRule> drop = random.nextInt(3) == 0 ? Optional.of(DropRule.bestOf(races - 1)) : Optional.empty();
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (int r = 0; r < run; r++) {
            List<String> order = new ArrayList<>(names);
            Collections.shuffle(order, random);
            results.put("Race " + (r + 1), result("Race " + (r + 1), order));
        }
        Championship c = new Championship("Random Cup", rounds, entrants,
                new Scoring(tieBreaks, SharedDrive.SPLIT, MultiCar.SUM, drop, Optional.empty()), results, List.of());
        Race next = calendar.get(run);
        Race last = calendar.getLast();

        // Now and then, assume a result of the last race ("what if D2 wins the final").
        Map<String, Map<String, Integer>> assumed = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            assumed.put(last.name(), Map.of(names.get(random.nextInt(n)), 1 + random.nextInt(n)));
        }
        Scenarios.Report report = Scenarios.before(c, next, new SplittableRandom(seed), 200, assumed, Duration.ofSeconds(20));

        Brute brute = Brute.of(c, next, last, names, assumed.getOrDefault(last.name(), Map.of()), random);
        for (Outlook o : report.drivers()) {
            int d = names.indexOf(o.driver());
            assertThat(o.canWin()).as(o.driver() + " can win").isEqualTo(brute.best[d] == 1 ? Outlook.Answer.YES : Outlook.Answer.NO);
            assertThat(o.bestPosition()).as(o.driver() + " best").isEqualTo(brute.best[d]);
            assertThat(o.worstPosition()).as(o.driver() + " worst").isEqualTo(brute.worst[d]);
            if (o.canWin() == Outlook.Answer.YES) {
                Championship finished = c.withResult(result(next.name(), o.witness().get(0).order()))
                        .withResult(result(last.name(), o.witness().get(1).order()));
                assertThat(Standings.latest(finished).rowOf(o.driver()).orElseThrow().position()).as("witness").hasValue(1);
            }
            for (Outlook.Need need : o.needs()) {
                int q = need.position();
                if (!need.conditions().isEmpty()) {
                    CONDITIONS_CHECKED.incrementAndGet();
                    // "q clinches it if these rivals finish low enough next": every season that meets the conditions.
                    assertThat(Brute.clinchedUnder(c, next, last, names, assumed.getOrDefault(last.name(), Map.of()), d, q, need.conditions()))
                            .as(need.sentence()).isTrue();
                }
                assertThat(need.verdict()).as(o.driver() + " finishing " + q + " next").isEqualTo(
                        brute.worstWith[d][q] == 1 ? Outlook.Verdict.CLINCHES
                                : brute.bestWith[d][q] == 1 ? Outlook.Verdict.POSSIBLE : Outlook.Verdict.CANNOT);
            }
        }
    }

    /**
     * Every pair of orders of the two remaining races, scored by a plain re-statement of these championships' rules
     * (points times the multiplier, the best N races, carry-over, the tie-break chain, a shared place when level to the
     * end), itself checked against the engine on a sample of the pairs.
     */
    record Brute(int[] best, int[] worst, int[][] bestWith, int[][] worstWith) {

        static Brute of(Championship c, Race next, Race last, List<String> names, Map<String, Integer> fixedInLast, Random random) {
            int n = names.size();
            int[] best = new int[n];
            int[] worst = new int[n];
            int[][] bestWith = new int[n][n + 1];
            int[][] worstWith = new int[n][n + 1];
            java.util.Arrays.fill(best, Integer.MAX_VALUE);
            for (int[] row : bestWith) {
                java.util.Arrays.fill(row, Integer.MAX_VALUE);
            }
            List<int[]> orders = new ArrayList<>();
            permute(java.util.stream.IntStream.range(0, n).toArray(), 0, o -> orders.add(o.clone()));
            List<int[]> lastOrders = orders.stream().filter(o -> fixedInLast.entrySet().stream()
                    .allMatch(e -> o[e.getValue() - 1] == names.indexOf(e.getKey()))).toList();
            List<Race> races = c.races();
            int[][] played = played(c, names);
            int iNext = races.indexOf(next);
            int iLast = races.indexOf(last);
            int checked = 0;
            for (int[] first : orders) {
                played[iNext] = first;
                for (int[] second : lastOrders) {
                    played[iLast] = second;
                    int[] positions = positions(c, played, n);
                    if (random.nextInt(400) == 0 && checked++ < 25) {
                        // The re-statement must be the engine's reading of the rules.
                        Championship done = c.withResult(result(next.name(), names(first, names))).withResult(result(last.name(), names(second, names)));
                        Standings table = Standings.latest(done);
                        for (int d = 0; d < n; d++) {
                            assertThat(table.rowOf(names.get(d)).orElseThrow().position()).as("brute force agrees with the engine").hasValue(positions[d]);
                        }
                    }
                    for (int d = 0; d < n; d++) {
                        int q = 0;
                        while (first[q] != d) {
                            q++;
                        }
                        q++;
                        best[d] = Math.min(best[d], positions[d]);
                        worst[d] = Math.max(worst[d], positions[d]);
                        bestWith[d][q] = Math.min(bestWith[d][q], positions[d]);
                        worstWith[d][q] = Math.max(worstWith[d][q], positions[d]);
                    }
                }
            }
            return new Brute(best, worst, bestWith, worstWith);
        }

        /** Whether {@code d} finishing {@code q} next, with each named rival no higher than his place, is always champion. */
        static boolean clinchedUnder(Championship c, Race next, Race last, List<String> names, Map<String, Integer> fixedInLast, int d, int q,
                                     List<Outlook.Condition> conditions) {
            int n = names.size();
            List<int[]> orders = new ArrayList<>();
            permute(java.util.stream.IntStream.range(0, n).toArray(), 0, o -> orders.add(o.clone()));
            List<Race> races = c.races();
            int[][] played = played(c, names);
            for (int[] first : orders) {
                if (first[q - 1] != d || !conditions.stream().allMatch(cond -> {
                    int r = names.indexOf(cond.rival());
                    for (int i = 0; i < n; i++) {
                        if (first[i] == r) {
                            return i + 1 >= cond.atBest();
                        }
                    }
                    return false;
                })) {
                    continue;
                }
                played[races.indexOf(next)] = first;
                for (int[] second : orders) {
                    if (!fixedInLast.entrySet().stream().allMatch(e -> second[e.getValue() - 1] == names.indexOf(e.getKey()))) {
                        continue;
                    }
                    played[races.indexOf(last)] = second;
                    if (positions(c, played, n)[d] != 1) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The orders of the races run so far (drivers by index), a slot for each race to come. */
        private static int[][] played(Championship c, List<String> names) {
            List<Race> races = c.races();
            int[][] played = new int[races.size()][];
            for (int r = 0; r < races.size(); r++) {
                var result = c.resultOf(races.get(r));
                if (result.isPresent()) {
                    played[r] = result.get().rows().stream().mapToInt(row -> names.indexOf(row.driver())).toArray();
                }
            }
            return played;
        }

        private static List<String> names(int[] order, List<String> names) {
            return java.util.Arrays.stream(order).mapToObj(names::get).toList();
        }

        /** Final positions when every race has run in these orders (drivers by index, winner first). */
        private static int[] positions(Championship c, int[][] played, int n) {
            List<Race> races = c.races();
            long[][] racePoints = new long[n][races.size()];
            int[][] all = new int[n][n];
            int[][] scoring = new int[n][n];
            for (int r = 0; r < races.size(); r++) {
                var rules = races.get(r).rules();
                for (int i = 0; i < n; i++) {
                    int d = played[r][i];
                    long pts = rules.points().forPosition(i + 1).times(rules.multiplier()).numerator();
                    racePoints[d][r] = pts;
                    all[d][i]++;
                    if (pts > 0) {
                        scoring[d][i]++;
                    }
                }
            }
            long[] total = new long[n];
            for (int d = 0; d < n; d++) {
                long[] byRace = racePoints[d].clone();
                java.util.Arrays.sort(byRace);
                int counted = c.scoring().dropRule().map(rule -> rule.segments().getFirst().best()).orElse(races.size());
                for (int k = 0; k < Math.min(counted, byRace.length); k++) {
                    total[d] += byRace[byRace.length - 1 - k];
                }
                total[d] += c.entrants().get(d).carryOver().points().numerator();
            }
            int[] lastOrder = played[races.size() - 1];
            int[] position = new int[n];
            for (int a = 0; a < n; a++) {
                int better = 0;
                for (int b = 0; b < n; b++) {
                    if (b != a && compare(c, b, a, total, all, scoring, lastOrder) < 0) {
                        better++;
                    }
                }
                position[a] = 1 + better;
            }
            return position;
        }

        /** Negative when {@code a} ranks ahead of {@code b}. */
        private static int compare(Championship c, int a, int b, long[] total, int[][] all, int[][] scoring, int[] lastOrder) {
            int cmp = Long.compare(total[b], total[a]);
            for (TieBreak step : c.tieBreaks()) {
                if (cmp != 0) {
                    return cmp;
                }
                cmp = switch (step) {
                    case TieBreak.Countback cb -> {
                        int[][] counts = cb.scoringFinishesOnly() ? scoring : all;
                        int r = 0;
                        for (int p = 0; p < counts[a].length && r == 0; p++) {
                            r = Integer.compare(counts[b][p], counts[a][p]);
                        }
                        yield r;
                    }
                    case TieBreak.LatestRaceFinish l -> {
                        int pa = 0;
                        int pb = 0;
                        for (int i = 0; i < lastOrder.length; i++) {
                            pa = lastOrder[i] == a ? i : pa;
                            pb = lastOrder[i] == b ? i : pb;
                        }
                        yield Integer.compare(pa, pb);
                    }
                    case TieBreak.FirstToReachTotal f -> throw new AssertionError("not drawn here");
                };
            }
            return cmp;
        }

        /** Visits every order of {@code order} from position k on (the array is reused: copy what you keep). */
        static void permute(int[] order, int k, java.util.function.Consumer<int[]> visit) {
            if (k == order.length) {
                visit.accept(order);
                return;
            }
            for (int i = k; i < order.length; i++) {
                int t = order[k];
                order[k] = order[i];
                order[i] = t;
                permute(order, k + 1, visit);
                order[i] = order[k];
                order[k] = t;
            }
        }
    }
}
