package dev.pitwall.core.rules;

import java.util.List;
import java.util.Objects;

/** How the starting grid of a race is set. */
public sealed interface GridRule {

    /** The qualifying order the regulations file gives for the race, fastest first. */
    record Qualifying(List<String> order) implements GridRule {
        public Qualifying {
            order = List.copyOf(order);
        }
    }

    /** The final classification of an earlier race, winner on pole. */
    record FinishingOrderOf(String race) implements GridRule {
        public FinishingOrderOf {
            Objects.requireNonNull(race, "race");
        }
    }

    /** The final classification of an earlier race with its top {@code n} reversed (reverse-grid races). */
    record ReversedTopOf(String race, int n) implements GridRule {
        public ReversedTopOf {
            Objects.requireNonNull(race, "race");
            if (n < 2) {
                throw new IllegalArgumentException("a reversed grid reverses at least the top 2, was " + n);
            }
        }
    }

    static GridRule qualifying(List<String> order) {
        return new Qualifying(order);
    }

    static GridRule fromResultOf(String race) {
        return new FinishingOrderOf(race);
    }

    static GridRule reversedTop(int n, String race) {
        return new ReversedTopOf(race, n);
    }

    default String describe() {
        return switch (this) {
            case Qualifying q -> "qualifying";
            case FinishingOrderOf f -> "finishing order of " + f.race();
            case ReversedTopOf r -> "finishing order of " + r.race() + ", top " + r.n() + " reversed";
        };
    }
}
