package dev.pitwall.core.model;

/** A race or driver was asked for by a name the championship does not know. */
public final class UnknownNameException extends RuntimeException {

    public UnknownNameException(String message) {
        super(message);
    }
}
