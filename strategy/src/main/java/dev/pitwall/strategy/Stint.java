package dev.pitwall.strategy;

/**
 * One stint: the car pits at the end of lap {@code inLap} (0 for the start) and runs {@code compound} from the next
 * lap, a tyre set already {@code tyreAge} laps old, with {@code fuelAdded} kilograms put in at the stop, saving
 * {@code fuelSaving} of its burn (0 for none, 0.05 for five percent) at the lap time its car pays for it.
 */
public record Stint(int inLap, String compound, int tyreAge, double fuelAdded, double fuelSaving) {

    /** The most of its burn a stint can save: beyond a fifth, a racing car is no longer racing. */
    public static final double MOST_SAVING = 0.2;

    public Stint {
        if (inLap < 0 || tyreAge < 0 || fuelAdded < 0) {
            throw new IllegalArgumentException("a stint starts at lap 0 or later, on a tyre of age 0 or more, with fuel 0 or more");
        }
        if (!(fuelSaving >= 0 && fuelSaving <= MOST_SAVING)) {
            throw new IllegalArgumentException("a stint saves between 0 and " + MOST_SAVING + " of its burn, was " + fuelSaving);
        }
    }

    /** A stint run flat out, saving no fuel. */
    public Stint(int inLap, String compound, int tyreAge, double fuelAdded) {
        this(inLap, compound, tyreAge, fuelAdded, 0);
    }
}
