package dev.pitwall.core.rules;

/**
 * One step of the chain that separates drivers level on points. Steps are tried in order; drivers still
 * level after the last step share the position.
 */
public sealed interface TieBreak {

    /** The better finish in the latest race where the two finished differently (GT World Series). */
    record LatestRaceFinish() implements TieBreak {
    }

    /** Countback: most wins, then most second places, and so on (Formula 1). */
    record Countback() implements TieBreak {
    }

    static TieBreak latestRaceFinish() {
        return new LatestRaceFinish();
    }

    static TieBreak countback() {
        return new Countback();
    }

    default String describe() {
        return switch (this) {
            case LatestRaceFinish l -> "better finish in the latest race";
            case Countback c -> "countback (most wins, then most seconds, ...)";
        };
    }
}
