package dev.pitwall.core.rules;

/** How the race is started. */
public enum StartProcedure {
    STANDING, ROLLING
}
