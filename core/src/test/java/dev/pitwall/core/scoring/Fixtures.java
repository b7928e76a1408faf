package dev.pitwall.core.scoring;

import dev.pitwall.core.model.CarryOver;
import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.Decision;
import dev.pitwall.core.model.Entrant;
import dev.pitwall.core.model.Finish;
import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.RaceTime;
import dev.pitwall.core.model.ResultRow;
import dev.pitwall.core.model.Round;
import dev.pitwall.core.rules.GridRule;
import dev.pitwall.core.rules.PointsTable;
import dev.pitwall.core.rules.RaceRules;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.Scoring;
import dev.pitwall.core.rules.SessionType;
import dev.pitwall.core.rules.TieBreak;
import dev.pitwall.core.rules.TyreRule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Small championships written the way a results sheet reads. */
final class Fixtures {

    static final PointsTable GTWS = PointsTable.of(12, 10, 8, 7, 6, 5, 4, 3, 2, 1);

    private Fixtures() {
    }

    static RaceRules rules(int laps, long multiplier, GridRule grid) {
        return new RaceRules(SessionType.RACE, Optional.empty(), OptionalInt.of(laps), Optional.empty(), Optional.empty(),
                new TyreRule.FreeChoice(), Refuelling.ALLOWED, GTWS, Points.of(multiplier), grid, Optional.empty(), Points.of(9, 10));
    }

    static Race race(String name) {
        return new Race(name, rules(10, 1, GridRule.qualifying(List.of())));
    }

    static Race race(String name, long multiplier, GridRule grid) {
        return new Race(name, rules(10, multiplier, grid));
    }

    static List<Entrant> drivers(String... names) {
        return java.util.Arrays.stream(names).map(n -> Entrant.of(n, "Japan")).toList();
    }

    static Entrant withCarryOver(String name, long points) {
        return Entrant.of(name, "Japan").withCarryOver(CarryOver.of(Points.of(points)));
    }

    /**
     * A race result from cells as a sheet prints them: {@code "Gallo", "17'47.179", "Serrano", "+00.205",
     * "Roach", "+1 lap", "Heck", "DNF 6"} (retired after 6 laps), {@code "DNS"}, {@code "DSQ"}.
     */
    static RaceResult result(String race, String... cells) {
        List<ResultRow> rows = new ArrayList<>();
        Duration winner = null;
        for (int i = 0; i < cells.length; i += 2) {
            String driver = cells[i];
            String time = cells[i + 1];
            Finish finish;
            if (time.startsWith("+") && time.endsWith("lap") || time.endsWith("laps")) {
                finish = new Finish.LapsDown(Integer.parseInt(time.replaceAll("\\D", "")));
            } else if (time.startsWith("DNF")) {
                String laps = time.substring(3).strip();
                finish = new Finish.Retired(laps.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(laps)), "accident");
            } else if (time.equals("DNS")) {
                finish = new Finish.DidNotStart();
            } else if (time.equals("DSQ")) {
                finish = new Finish.Disqualified("technical infringement");
            } else if (time.startsWith("+")) {
                finish = Finish.Finished.in(winner.plus(RaceTime.parseGap(time).orElseThrow()));
            } else {
                winner = RaceTime.parse(time).orElseThrow();
                finish = Finish.Finished.in(winner);
            }
            rows.add(new ResultRow(i / 2 + 1, driver, finish, Optional.empty()));
        }
        return new RaceResult(race, rows);
    }

    static Championship championship(List<Race> races, List<Entrant> entrants, List<TieBreak> tieBreaks,
                                     List<RaceResult> results, List<Decision> decisions) {
        Map<String, RaceResult> byRace = new java.util.LinkedHashMap<>();
        results.forEach(r -> byRace.put(r.race(), r));
        return new Championship("Test Cup", List.of(new Round("Finals", races)), entrants, Scoring.withTieBreaks(tieBreaks), byRace,
                decisions);
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
