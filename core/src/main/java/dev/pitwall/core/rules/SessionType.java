package dev.pitwall.core.rules;

/** What kind of points-paying session a race is; championships may count them differently. */
public enum SessionType {
    /** The main race (a Grand Prix, a feature race). */
    RACE,
    /** A shorter race with its own, smaller points table. */
    SPRINT
}
