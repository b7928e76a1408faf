package dev.pitwall.core.rules;

/**
 * One step of the chain that separates drivers level on points. Steps are tried in order; drivers still
 * level after the last step share the position.
 */
public sealed interface TieBreak {

    /** The better finish in the latest race where the two finished differently (GT World Series). */
    record LatestRaceFinish() implements TieBreak {
    }

    /**
     * Countback: most wins, then most second places, and so on (Formula 1).
     *
     * @param scoringFinishesOnly count only finishes that scored points (Formula 1 before 2000), not every
     *                            classified finish
     */
    record Countback(boolean scoringFinishesOnly) implements TieBreak {
    }

    /** Who reached their points total first, counting races in order (Formula 1 1998-1999, when still level). */
    record FirstToReachTotal() implements TieBreak {
    }

    static TieBreak latestRaceFinish() {
        return new LatestRaceFinish();
    }

    static TieBreak countback() {
        return new Countback(false);
    }

    static TieBreak countbackOfScoringFinishes() {
        return new Countback(true);
    }

    default String describe() {
        return switch (this) {
            case LatestRaceFinish l -> "better finish in the latest race";
            case Countback c -> "countback (most wins, then most seconds, ...)" + (c.scoringFinishesOnly() ? " of scoring finishes" : "");
            case FirstToReachTotal f -> "first to reach the total";
        };
    }
}
