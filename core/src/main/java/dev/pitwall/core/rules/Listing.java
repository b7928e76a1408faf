package dev.pitwall.core.rules;

/** Whom a championship table lists, before they score. */
public enum Listing {
    /** Every entrant on the entry list, from the first table on (a league whose drivers are entered for the season). */
    ENTRY_LIST,
    /**
     * A competitor from the first race they take part in (Formula 1, whose entry list is whoever raced in the season: a
     * driver who joins in the seventh round is not in the table after the first).
     */
    FROM_FIRST_RACE
}
