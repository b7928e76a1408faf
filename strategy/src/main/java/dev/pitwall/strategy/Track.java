package dev.pitwall.strategy;

/**
 * A circuit's lap and its pit lane, as the race simulation needs them.
 *
 * @param baseLap          the race-pace lap of the fastest car, driver and tyre, empty of fuel (s)
 * @param fuelSensitivity  lap time per kilogram of fuel on board (s/kg)
 * @param pitInLap         time lost in the lap a car enters the pits, standstill excluded (s); {@code Vsc}/{@code Sc}
 *                         variants when the stop is made under a virtual or real safety car
 * @param pitOutLap        time lost in the lap a car leaves the pits (s)
 * @param standstillOutLap whether the standstill is charged to the out-lap (the pits lie after the finish line)
 * @param tyreChangeMin    the quickest standstill for a tyre change (s)
 * @param lossFirstLap     lap-1 loss of the standing start (s), and {@code lossPerGridSlot} per slot behind pole
 * @param overtakeGap      the time a car must gain on the car ahead to pass it (s), less {@code overtakeGapPerKmh}
 *                         (negative) per km/h of top-speed advantage
 * @param drsEffect        lap-time gain with DRS (negative, s)
 * @param scLapFactor      a safety-car lap is the base lap times this; {@code vscLapFactor} for a virtual one
 */
public record Track(String name, double baseLap, double fuelSensitivity, double pitInLap, double pitOutLap, double pitInLapVsc,
                    double pitOutLapVsc, double pitInLapSc, double pitOutLapSc, boolean standstillOutLap, double tyreChangeMin,
                    double lossPerGridSlot, double lossFirstLap, double overtakeGap, double overtakeGapPerKmh, double drsEffect,
                    double scLapFactor, double vscLapFactor) {
}
