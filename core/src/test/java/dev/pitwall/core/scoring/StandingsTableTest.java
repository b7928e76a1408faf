package dev.pitwall.core.scoring;

import dev.pitwall.core.model.Points;
import dev.pitwall.core.model.Race;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The standings pass's own machinery, on seeded random tables. */
class StandingsTableTest {

    static LongStream seeds() {
        return LongStream.range(1, 201);
    }

    /**
     * Names that start alike, are prefixes of one another, carry accents, characters above U+8000 and U+0000: the
     * alphabetical order a table falls back on is exactly {@link String#compareTo}'s.
     */
    private static List<String> awkwardNames(Random random) {
        char[] alphabet = {'a', 'b', 'B', 'z', '-', ' ', '\u0000', 'é', 'ö', '\u00ff', '\u0100', '\u7fff', '\u8000', '\uffff'};
        Set<String> names = new LinkedHashSet<>();
        int n = 1 + random.nextInt(60);
        while (names.size() < n) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(6);
            for (int k = 0; k < length; k++) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            names.add(name.toString());
        }
        return new ArrayList<>(names);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void competitorsLevelOnEverythingStandInTheOrderOfStringCompareTo(long seed) {
        List<String> names = awkwardNames(new Random(seed));
        StandingsTable table = new StandingsTable(new int[0], Optional.empty(), 1);
        for (String name : names) {
            table.join(name, true, Points.ZERO, true);
        }

        List<Standings> before = table.pass(0, List.<Race>of(), new int[0], List.of());

        List<String> expected = names.stream().sorted().toList();
        assertThat(before.getFirst().rows()).extracting(StandingsRow::name).containsExactlyElementsOf(expected);
        assertThat(before.getFirst().rows()).allSatisfy(row -> assertThat(row.positionText()).isEqualTo("1"));
    }
}
