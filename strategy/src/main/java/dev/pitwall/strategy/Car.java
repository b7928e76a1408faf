package dev.pitwall.strategy;

import java.util.OptionalDouble;

/**
 * A team's car: its pace deficit per lap to the fastest car, its fuel at the start and burn per lap, the fuel-burn
 * and tyre-wear factors under a safety car and a virtual one, the team's standstill on top of the quickest tyre
 * change, the refuelling rate where refuelling is allowed, how the crew works at a stop, and what saving fuel costs.
 *
 * @param pitWork             whether tyres are changed while the car is refuelled, or one after the other, as the
 *                            series' rules say
 * @param savingCostPerPercent lap time lost for each percent of the burn saved (a leaner fuel map, lifting and
 *                            coasting), in seconds a lap; a stint's {@link Stint#fuelSaving()} says how much it saves
 */
public record Car(String team, double pace, double fuelAtStart, double burnPerLap, double burnFactorSc, double burnFactorVsc,
                  double tyreChangeExtra, OptionalDouble refuelSecondsPerKg, PitWork pitWork, double savingCostPerPercent) {

    /** How the crew works at a stop with refuelling. */
    public enum PitWork {
        /** Tyres are changed while the car is refuelled: the stop lasts as long as the longer of the two (F1 until 2009, GT7). */
        SIMULTANEOUS,
        /** Refuelling and the tyre change one after the other: the stop lasts as long as both (endurance racing's rule). */
        SEQUENTIAL
    }

    public Car {
        if (!(savingCostPerPercent >= 0)) {
            throw new IllegalArgumentException(team + ": saving fuel costs 0 seconds a lap or more, was " + savingCostPerPercent);
        }
    }

    /** A car whose crew changes tyres while refuelling and that does not save fuel (TUM's Formula 1 cars). */
    public Car(String team, double pace, double fuelAtStart, double burnPerLap, double burnFactorSc, double burnFactorVsc,
               double tyreChangeExtra, OptionalDouble refuelSecondsPerKg) {
        this(team, pace, fuelAtStart, burnPerLap, burnFactorSc, burnFactorVsc, tyreChangeExtra, refuelSecondsPerKg, PitWork.SIMULTANEOUS, 0);
    }
}
