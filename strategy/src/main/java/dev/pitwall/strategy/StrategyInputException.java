package dev.pitwall.strategy;

/** A race or strategy file that cannot be used: the message names the file and what was expected. */
public final class StrategyInputException extends IllegalArgumentException {

    public StrategyInputException(String message) {
        super(message);
    }
}
