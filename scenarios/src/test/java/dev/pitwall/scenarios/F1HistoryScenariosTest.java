package dev.pitwall.scenarios;

import dev.pitwall.core.model.Championship;
import dev.pitwall.core.model.FastestLap;
import dev.pitwall.core.model.Race;
import dev.pitwall.core.model.RaceResult;
import dev.pitwall.core.model.Slug;
import dev.pitwall.core.scoring.Standings;
import dev.pitwall.core.scoring.StandingsRow;
import dev.pitwall.io.F1Seasons;
import dev.pitwall.io.SharedData;
import dev.pitwall.io.f1db.F1db;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who could still win, after every race of every Formula 1 season 1950-2025 (F1DB, CC BY 4.0; regulations from
 * examples/f1): the eventual champion is never declared eliminated, every "yes" comes with a witness the engine scores
 * as a title for that driver, and after the last race exactly one driver can win.
 */
class F1HistoryScenariosTest {

    @Test
    void theChampionIsNeverEliminatedAndEveryWitnessHolds() {
        AtomicInteger questions = new AtomicInteger();
        Queue<String> undecided = new ConcurrentLinkedQueue<>();
        // Seasons are independent: checked side by side.
        F1db.readAll(SharedData.f1db()).parallelStream().filter(s -> s.year() <= 2025).forEach(season -> {
            Championship full = F1Seasons.championship(season, F1Seasons.seasonFile(SharedData.f1Rules(), season.year()));
            List<Race> races = full.racesRun();
            String champion = Standings.latest(full).rows().getFirst().name();
            for (int i = 1; i < races.size(); i++) {
                Race next = races.get(i);
                List<Race> remaining = full.races().subList(full.races().indexOf(next), full.races().size());
                for (Scenarios.Chance chance : Scenarios.chances(full, next, Duration.ofSeconds(5))) {
                    questions.incrementAndGet();
                    String where = season.year() + " before " + next.name() + ", " + chance.driver();
                    switch (chance.canWin()) {
                        case NO -> assertThat(chance.driver()).as(where + ": the champion eliminated").isNotEqualTo(champion);
                        case YES -> assertThat(witnessed(full, remaining, chance).rowOf(chance.driver()).map(StandingsRow::position).orElseThrow())
                                .as(where + ": the witness").hasValue(1);
                        case UNDECIDED -> undecided.add(where + ": " + chance.reason());
                    }
                }
            }
            List<Outlook> last = Scenarios.decided(full).drivers();
            assertThat(last.stream().filter(o -> o.canWin() == Outlook.Answer.YES)).as(season.year() + " after the last race")
                    .singleElement().extracting(Outlook::driver).isEqualTo(champion);
        });
        assertThat(questions.get()).isGreaterThan(35_000);
        assertThat(undecided).as("undecided answers").hasSizeLessThanOrEqualTo(questions.get() / 100);
    }

    @Test
    void theConstructorsChampionIsNeverEliminatedAndEveryWitnessHolds() {
        AtomicInteger questions = new AtomicInteger();
        AtomicInteger eliminated = new AtomicInteger();
        Queue<String> undecided = new ConcurrentLinkedQueue<>();
        F1db.readAll(SharedData.f1db()).parallelStream().filter(s -> s.year() >= 1958 && s.year() <= 2025).forEach(season -> {
            Championship full = F1Seasons.championship(season, F1Seasons.seasonFile(SharedData.f1Rules(), season.year()));
            List<Race> races = full.racesRun();
            String champion = Standings.constructorsAfter(full, races.getLast()).rows().getFirst().name();
            for (int i = 1; i < races.size(); i++) {
                Race next = races.get(i);
                List<Race> remaining = full.races().subList(full.races().indexOf(next), full.races().size());
                for (Scenarios.Chance chance : Scenarios.constructorChances(full, next, Duration.ofSeconds(5))) {
                    questions.incrementAndGet();
                    String where = season.year() + " before " + next.name() + ", " + chance.driver();
                    switch (chance.canWin()) {
                        case NO -> {
                            eliminated.incrementAndGet();
                            assertThat(chance.driver()).as(where + ": the constructors' champion eliminated").isNotEqualTo(champion);
                        }
                        case YES -> assertThat(constructorsWitnessed(full, remaining, chance).rowOf(chance.driver())
                                .map(StandingsRow::position).orElseThrow()).as(where + ": the witness").hasValue(1);
                        case UNDECIDED -> undecided.add(where + ": " + chance.reason());
                    }
                }
            }
            List<TeamOutlook> last = Scenarios.decided(full).constructors();
            assertThat(last.stream().filter(o -> o.canWin() == Outlook.Answer.YES)).as(season.year() + " after the last race")
                    .singleElement().extracting(TeamOutlook::constructor).isEqualTo(champion);
        });
        assertThat(questions.get()).isGreaterThan(10_000);
        assertThat(eliminated.get()).as("constructors proved out of it").isGreaterThan(questions.get() / 4);
        assertThat(undecided).as("undecided answers").hasSizeLessThanOrEqualTo(questions.get() / 100);
    }

    /** The final constructors' table when the remaining races finish as the witness says, each driver in his latest team. */
    private static Standings constructorsWitnessed(Championship full, List<Race> remaining, Scenarios.Chance chance) {
        Championship season = before(full, remaining);
        java.util.Map<String, String> team = new java.util.HashMap<>();
        for (Race race : season.racesRun().reversed()) {
            if (full.scoring().constructors().orElseThrow().excludedRaces().stream().noneMatch(x -> Slug.of(x).equals(race.slug()))) {
                season.resultOf(race).orElseThrow().rows().forEach(row -> row.team().ifPresent(t -> team.putIfAbsent(row.driver(), t)));
            }
        }
        for (Outlook.RaceOrder race : chance.witness()) {
            season = season.withResult(ConstructorsScenariosTest.result(race.race(), race.order(), team, race.fastestLap()));
        }
        return Standings.constructorsAfter(season, remaining.getLast());
    }

    private static Championship before(Championship full, List<Race> remaining) {
        var results = new LinkedHashMap<>(full.results());
        remaining.forEach(r -> results.remove(r.name()));
        return new Championship(full.name(), full.rounds(), full.entrants(), full.scoring(), results,
                full.decisions().stream().filter(d -> remaining.stream().noneMatch(r -> r.name().equals(d.race()))).toList());
    }

    /** The final standings when the remaining races finish as the witness says, from the season as it stood before them. */
    private static Standings witnessed(Championship full, List<Race> remaining, Scenarios.Chance chance) {
        Championship season = before(full, remaining);
        for (Outlook.RaceOrder race : chance.witness()) {
            RaceResult plain = ScenariosTest.result(race.race(), race.order());
            season = season.withResult(new RaceResult(race.race(), plain.rows(), race.fastestLap().map(FastestLap::by).stream().toList()));
        }
        return Standings.after(season, remaining.getLast());
    }
}
