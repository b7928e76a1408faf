package dev.pitwall.strategy;

import java.util.OptionalDouble;

/**
 * A team's car: its pace deficit per lap to the fastest car, its fuel at the start and burn per lap, the fuel-burn
 * and tyre-wear factors under a safety car and a virtual one, the team's standstill on top of the quickest tyre
 * change, and the refuelling rate where refuelling is allowed.
 */
public record Car(String team, double pace, double fuelAtStart, double burnPerLap, double burnFactorSc, double burnFactorVsc,
                  double tyreChangeExtra, OptionalDouble refuelSecondsPerKg) {
}
