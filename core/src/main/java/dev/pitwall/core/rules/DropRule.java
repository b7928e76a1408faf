package dev.pitwall.core.rules;

import java.util.List;

/**
 * Only the best results count: in each segment of the season (rounds {@code fromRound} to {@code toRound},
 * 1-based, inclusive), the {@code best} highest-scoring rounds. Formula 1 1967: best 5 of rounds 1-6 and best 4 of
 * rounds 7-11.
 */
public record DropRule(List<Segment> segments) {

    public DropRule {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a drop rule needs at least one segment");
        }
    }

    public record Segment(int fromRound, int toRound, int best) {
        public Segment {
            if (fromRound < 1 || toRound < fromRound || best < 1) {
                throw new IllegalArgumentException("a segment runs from round >= 1 to a later round and counts at least 1 result");
            }
        }

        public boolean contains(int round) {
            return round >= fromRound && round <= toRound;
        }
    }

    public static DropRule bestOf(int best) {
        return new DropRule(List.of(new Segment(1, Integer.MAX_VALUE, best)));
    }
}
