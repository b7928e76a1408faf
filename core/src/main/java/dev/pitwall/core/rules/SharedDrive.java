package dev.pitwall.core.rules;

/** What drivers who shared one car in a race score. */
public enum SharedDrive {
    /** The car's points are divided equally between its drivers (Formula 1 1950-1957). */
    SPLIT,
    /** A shared car scores nothing for any of its drivers (Formula 1 from 1958). */
    NONE
}
