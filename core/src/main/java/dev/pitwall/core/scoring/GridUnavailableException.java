package dev.pitwall.core.scoring;

/** A grid cannot be set yet: the race it comes from has not been run, or no qualifying order is known. */
public final class GridUnavailableException extends RuntimeException {

    public GridUnavailableException(String message) {
        super(message);
    }
}
