package dev.pitwall.strategy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's Grand Final as a strategy file (estimates), and what a wrong file is told. */
class StrategyFileTest {

    private static final Path GRAND_FINAL = Path.of("..", "examples", "gtws-2024-nations-cup", "grand-final-strategy.yaml");

    @Test
    void theGrandFinalRunsAndDeBruinRunsDry() {
        StrategyFile.Race race = StrategyFile.read(GRAND_FINAL);

        assertThat(race.setup().laps()).isEqualTo(7);
        assertThat(race.setup().drivers()).hasSize(12);
        assertThat(race.rule()).isEqualTo("must use soft, medium, hard; refuelling required");
        RaceOutcome outcome = RaceSimulation.run(race.setup());
        // He took on four litres fewer than two laps burn: the tank runs dry before the flag.
        assertThat(outcome.of("Kaj de Bruin").reason()).isEqualTo("out of fuel");
        assertThat(outcome.of("Kaj de Bruin").laps()).isLessThan(7);
        assertThat(outcome.classification().getFirst().laps()).isEqualTo(7);
    }

    @Test
    void theOptimizersPlanUsesEveryMandatoryCompound() {
        StrategyFile.Race race = StrategyFile.read(GRAND_FINAL);
        Driver miyazono = race.setup().drivers().stream().filter(d -> d.name().equals("Takuma Miyazono")).findFirst().orElseThrow();

        StrategyOptimizer.Plan plan = StrategyOptimizer.fastest(race.setup().withoutEvents(), miyazono, 3, race.legal());

        Set<String> used = plan.stints().stream().map(Stint::compound).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrder("soft", "medium", "hard");
        double asInTheFile = RaceSimulation.run(race.setup().withoutEvents().withDrivers(java.util.List.of(miyazono))).of("Takuma Miyazono").raceTime();
        assertThat(plan.raceTime()).isLessThanOrEqualTo(asInTheFile);
    }

    @Test
    void aLeanerFuelMapBringsDeBruinHomeAndSequentialStopsLastLonger(@TempDir Path dir) throws IOException {
        String good = Files.readString(GRAND_FINAL);
        Path saving = Files.writeString(dir.resolve("saving.yaml"),
                good.replace("{from-lap: 6, compound: hard, fuel: 24}", "{from-lap: 6, compound: hard, fuel: 24, fuel-saving: 20}"));
        Path sequential = Files.writeString(dir.resolve("sequential.yaml"), good.replace("pit-work: simultaneous", "pit-work: sequential"));

        StrategyFile.Race race = StrategyFile.read(saving);
        Driver deBruin = race.setup().drivers().stream().filter(d -> d.name().equals("Kaj de Bruin")).findFirst().orElseThrow();
        assertThat(deBruin.strategy().getLast().fuelSaving()).isEqualTo(0.2);
        // 24 litres for two laps at 14 a lap run dry; saving a fifth of the burn, 22.4 litres see the flag.
        RaceOutcome.Finisher home = RaceSimulation.run(race.setup()).of("Kaj de Bruin");
        assertThat(home.retired()).isFalse();
        assertThat(home.laps()).isEqualTo(7);

        Car crew = StrategyFile.read(sequential).setup().drivers().getFirst().car();
        assertThat(crew.pitWork()).isEqualTo(Car.PitWork.SEQUENTIAL);
        assertThat(StrategyFile.read(GRAND_FINAL).setup().drivers().getFirst().car().pitWork()).isEqualTo(Car.PitWork.SIMULTANEOUS);
        assertThat(crew.savingCostPerPercent()).isEqualTo(0.3);
    }

    /** The 1-based line of the first line holding {@code text}. */
    private static int lineOf(String file, String text) {
        String[] lines = file.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the file");
    }

    @Test
    void theGrandFinalsChancesAreRead() {
        Incidents chances = StrategyFile.read(GRAND_FINAL).incidents();
        assertThat(chances.random()).isTrue();
        assertThat(chances.defaultLapSigma()).isEqualTo(0.5);
        assertThat(chances.accident()).containsEntry("Kaj de Bruin", 0.01);
        assertThat(chances.safetyCars()).containsExactly(0.9, 0.1);
    }

    @Test
    void aWrongFileIsNamedWithWhatIsExpected(@TempDir Path dir) throws IOException {
        String good = Files.readString(GRAND_FINAL);
        Path unknownCompound = Files.writeString(dir.resolve("unknown.yaml"), good.replace("compound: hard, fuel: 28}]}\n  - {name: Kylian",
                "compound: wet, fuel: 28}]}\n  - {name: Kylian"));
        Path noLaps = Files.writeString(dir.resolve("nolaps.yaml"), good.replace("laps: 7", "laps: seven"));
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "laps: [7\ntrack: {");

        assertThatThrownBy(() -> StrategyFile.read(unknownCompound)).hasMessageStartingWith(unknownCompound + ":" + lineOf(good, "Jose Serrano") + ":")
                .hasMessageContaining("Jose Serrano's strategy uses wet, which is not one of the tyres (soft, medium, hard)");
        assertThatThrownBy(() -> StrategyFile.read(noLaps)).hasMessageStartingWith(noLaps + ":" + lineOf(good, "laps: 7") + ":")
                .hasMessageContaining("expected \"laps:\" and a number from 1 to 1000");
        Path badChance = Files.writeString(dir.resolve("chance.yaml"), good.replace("safety-cars: [0.9, 0.1]", "safety-cars: [0.9, 1.5]"));
        assertThatThrownBy(() -> StrategyFile.read(badChance)).hasMessageStartingWith(badChance + ":" + lineOf(good, "safety-cars:") + ":")
                .hasMessageContaining("probabilities from 0 to 1, found 1.5");
        assertThatThrownBy(() -> StrategyFile.read(broken)).hasMessageStartingWith(broken + ":").hasMessageContaining("not valid YAML");
        Path badPitWork = Files.writeString(dir.resolve("pitwork.yaml"), good.replace("pit-work: simultaneous", "pit-work: parallel"));
        assertThatThrownBy(() -> StrategyFile.read(badPitWork)).hasMessageStartingWith(badPitWork + ":" + lineOf(good, "  pit-work:") + ":")
                .hasMessageContaining("expected \"pit-work:\" and simultaneous (tyres changed while refuelling) or sequential");
        String lean = good.replace("{from-lap: 6, compound: hard, fuel: 24}", "{from-lap: 6, compound: hard, fuel: 24, fuel-saving: 30}");
        Path tooLean = Files.writeString(dir.resolve("toolean.yaml"), lean);
        assertThatThrownBy(() -> StrategyFile.read(tooLean)).hasMessageStartingWith(tooLean + ":" + lineOf(good, "Kaj de Bruin") + ":")
                .hasMessageContaining("expected \"fuel-saving:\" and a number from 0 to 20, found 30");
        String costless = lean.replace("fuel-saving: 30", "fuel-saving: 5").replaceAll("(?m)^  fuel-saving-cost:.*\n", "");
        Path noCost = Files.writeString(dir.resolve("nocost.yaml"), costless);
        assertThatThrownBy(() -> StrategyFile.read(noCost)).hasMessageStartingWith(noCost + ":" + lineOf(costless, "Kaj de Bruin") + ":")
                .hasMessageContaining("Kaj de Bruin's strategy saves fuel, but the car says nothing of its cost");
    }
}
