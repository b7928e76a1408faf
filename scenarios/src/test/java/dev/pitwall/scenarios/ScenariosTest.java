package dev.pitwall.scenarios;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Exact answers with one race left, checked against brute force over every finishing order. */
class ScenariosTest {

    static LongStream seeds() {
        return LongStream.range(1, 401);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneRaceLeftAgreesWithBruteForce(long seed) {
        Random random = new Random(seed);
        int n = 3 + random.nextInt(4); // 3 to 6 drivers
        List<String> names = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("D" + i);
            entrants.add(Entrant.of("D" + i, "Italy").withCarryOver(CarryOver.of(Points.of(random.nextInt(8)))));
        }
        int races = 2 + random.nextInt(3);
        PointsTable table = random.nextBoolean() ? PointsTable.of(10, 6, 4, 3, 2, 1) : PointsTable.of(5, 3, 1);
        List<Race> calendar = new ArrayList<>();
        for (int r = 0; r < races; r++) {
            long multiplier = r == races - 1 && random.nextBoolean() ? 2 : 1;
            calendar.add(new Race("Race " + (r + 1), new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), new TyreRule.FreeChoice(), Refuelling.ALLOWED, table, Points.of(multiplier),
                    GridRule.qualifying(List.of()), Optional.empty(), Points.of(9, 10))));
        }
        List<TieBreak> tieBreaks = switch (random.nextInt(3)) {
            case 0 -> List.of(TieBreak.countback());
            case 1 -> List.of(TieBreak.latestRaceFinish());
            default -> List.of(TieBreak.countbackOfScoringFinishes(), TieBreak.latestRaceFinish());
        };
        Optional<DropRule> drop = random.nextInt(4) == 0 ? Optional.of(DropRule.bestOf(races - 1)) : Optional.empty();
        Map<String, RaceResult> results = new LinkedHashMap<>();
        for (int r = 0; r < races - 1; r++) {
            List<String> order = new ArrayList<>(names);
            Collections.shuffle(order, random);
            results.put("Race " + (r + 1), result("Race " + (r + 1), order));
        }
        Championship c = new Championship("Random Cup", List.of(new Round("Season", calendar)), entrants,
                new Scoring(tieBreaks, SharedDrive.SPLIT, MultiCar.SUM, drop, Optional.empty()), results, List.of());

        // Half the time, assume one or two results of the last race ("what if D2 finishes 1st").
        Map<String, Integer> fixed = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            List<String> who = new ArrayList<>(names);
            Collections.shuffle(who, random);
            List<Integer> places = new ArrayList<>();
            for (int p = 1; p <= n; p++) {
                places.add(p);
            }
            Collections.shuffle(places, random);
            for (int k = 0; k < 1 + random.nextInt(2); k++) {
                fixed.put(who.get(k), places.get(k));
            }
        }
        Scenarios.Report report = Scenarios.before(c, calendar.getLast(), new SplittableRandom(seed), 1000,
                Map.of(calendar.getLast().name(), fixed));

        Map<String, int[]> brute = bruteForce(c, calendar.getLast(), names, fixed);
        for (Outlook o : report.drivers()) {
            int[] b = brute.get(o.driver());
            assertThat(o.canWin()).as(o.driver() + " can win").isEqualTo(b[0] == 1 ? Outlook.Answer.YES : Outlook.Answer.NO);
            assertThat(o.bestPosition()).as(o.driver() + " best").isEqualTo(b[0]);
            assertThat(o.worstPosition()).as(o.driver() + " worst").isEqualTo(b[1]);
            if (o.canWin() == Outlook.Answer.YES) {
                Championship finished = c.withResult(result(calendar.getLast().name(), o.witness().getFirst().order()));
                assertThat(Standings.latest(finished).rowOf(o.driver()).orElseThrow().position()).as("witness").hasValue(1);
            }
            for (Outlook.Need need : o.needs()) {
                int q = need.position();
                assertThat(need.verdict() != Outlook.Verdict.CANNOT).as(o.driver() + " " + q + " possible")
                        .isEqualTo(b[1 + q] <= 1);
                assertThat(need.verdict() == Outlook.Verdict.CLINCHES).as(o.driver() + " " + q + " clinches")
                        .isEqualTo(b[1 + n + q] == 1);
            }
        }
        // Odds counted exactly over every order add up to one.
        assertThat(report.drivers().stream().mapToDouble(Outlook::probability).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** For each driver: best, worst, then per place q the best position with q, then the worst position with q. */
    private static Map<String, int[]> bruteForce(Championship c, Race last, List<String> names, Map<String, Integer> fixed) {
        int n = names.size();
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String d : names) {
            int[] v = new int[2 + 2 * n + 1];
            v[0] = Integer.MAX_VALUE;
            v[1] = 0;
            for (int q = 1; q <= n; q++) {
                v[1 + q] = Integer.MAX_VALUE;
                v[1 + n + q] = 0;
            }
            out.put(d, v);
        }
        permute(new ArrayList<>(names), 0, order -> {
            for (var e : fixed.entrySet()) {
                if (!order.get(e.getValue() - 1).equals(e.getKey())) {
                    return;
                }
            }
            var table = Standings.latest(c.withResult(result(last.name(), order)));
            for (int i = 0; i < n; i++) {
                String d = order.get(i);
                int pos = table.rowOf(d).orElseThrow().position().orElse(Integer.MAX_VALUE);
                int[] v = out.get(d);
                v[0] = Math.min(v[0], pos);
                v[1] = Math.max(v[1], pos);
                v[1 + i + 1] = Math.min(v[1 + i + 1], pos);
                v[1 + n + i + 1] = Math.max(v[1 + n + i + 1], pos);
            }
        });
        return out;
    }

    private static void permute(List<String> order, int k, java.util.function.Consumer<List<String>> visit) {
        if (k == order.size()) {
            visit.accept(order);
            return;
        }
        for (int i = k; i < order.size(); i++) {
            Collections.swap(order, k, i);
            permute(order, k + 1, visit);
            Collections.swap(order, k, i);
        }
    }

    static RaceResult result(String race, List<String> order) {
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            rows.add(new ResultRow(i + 1, order.get(i), new Finish.Finished(Optional.empty()), Optional.empty()));
        }
        return new RaceResult(race, rows);
    }
}
