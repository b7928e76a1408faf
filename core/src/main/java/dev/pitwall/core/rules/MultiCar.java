package dev.pitwall.core.rules;

/** What a driver who scored in several cars in the same race keeps. */
public enum MultiCar {
    /** The points of every car add up. */
    SUM,
    /** Only the best-scoring car counts. */
    BEST
}
