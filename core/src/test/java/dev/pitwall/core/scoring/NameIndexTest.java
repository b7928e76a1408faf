package dev.pitwall.core.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The name index agrees with a map on seeded random names, found by identity or by equal characters. */
class NameIndexTest {

    static LongStream seeds() {
        return LongStream.range(1, 101);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void answersAsAMapDoes(long seed) {
        Random random = new Random(seed);
        NameIndex index = new NameIndex(random.nextInt(4));
        Map<String, Integer> expected = new HashMap<>();
        int names = 1 + random.nextInt(300); // grows several times from its first size
        for (int k = 0; k < names * 2; k++) {
            String name = "driver-" + random.nextInt(names);
            // A copy with the same characters: found by equality, not identity.
            String asked = random.nextBoolean() ? name : new String(name.toCharArray());
            int next = expected.size();
            Integer earlier = expected.putIfAbsent(name, next);
            assertThat(index.putIfAbsent(asked, next)).isEqualTo(earlier == null ? next : earlier);
        }
        expected.forEach((name, i) -> assertThat(index.get(new String(name.toCharArray()))).isEqualTo(i));
        assertThat(index.get("nobody")).isEqualTo(-1);
    }
}
