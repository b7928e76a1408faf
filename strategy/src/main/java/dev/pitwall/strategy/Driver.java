package dev.pitwall.strategy;

import java.util.List;
import java.util.Map;

/**
 * A driver in the race: pace deficit per lap, grid slot, top speed (for passing), the car, the loss on cold tyres in
 * the first lap of each stint, the wear factors under cautions, each compound's degradation, and the strategy.
 */
public record Driver(String initials, String name, Car car, double pace, int grid, double topSpeed, double coldTyreLoss,
                     double wearFactorSc, double wearFactorVsc, Map<String, Degradation> tyres, List<Stint> strategy) {

    public Driver {
        tyres = Map.copyOf(tyres);
        strategy = List.copyOf(strategy);
        if (strategy.isEmpty() || strategy.getFirst().inLap() != 0) {
            throw new IllegalArgumentException(initials + ": a strategy starts with the stint from lap 0");
        }
        for (Stint s : strategy) {
            if (!tyres.containsKey(s.compound())) {
                throw new IllegalArgumentException(initials + ": no degradation for compound " + s.compound() + " (has " + tyres.keySet() + ")");
            }
        }
    }

    public Driver withStrategy(List<Stint> stints) {
        return new Driver(initials, name, car, pace, grid, topSpeed, coldTyreLoss, wearFactorSc, wearFactorVsc, tyres, stints);
    }
}
