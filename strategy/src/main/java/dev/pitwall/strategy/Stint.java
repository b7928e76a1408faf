package dev.pitwall.strategy;

/**
 * One stint: the car pits at the end of lap {@code inLap} (0 for the start) and runs {@code compound} from the next
 * lap, a tyre set already {@code tyreAge} laps old, with {@code fuelAdded} kilograms put in at the stop.
 */
public record Stint(int inLap, String compound, int tyreAge, double fuelAdded) {

    public Stint {
        if (inLap < 0 || tyreAge < 0 || fuelAdded < 0) {
            throw new IllegalArgumentException("a stint starts at lap 0 or later, on a tyre of age 0 or more, with fuel 0 or more");
        }
    }
}
