package dev.pitwall.strategy;

/**
 * How a tyre compound loses lap time with age (laps run on it): {@code k0} is the fresh tyre's offset, the rest the
 * wear. Linear, quadratic and logarithmic as TUM's race simulation models them, and a wear cliff after which the
 * tyre falls away.
 */
public sealed interface Degradation {

    /** Seconds lost on a tyre of this age, fresh-tyre offset included. */
    double loss(double age);

    record Linear(double k0, double k1) implements Degradation {
        public double loss(double age) {
            return k0 + k1 * age;
        }
    }

    record Quadratic(double k0, double k1, double k2) implements Degradation {
        public double loss(double age) {
            return k0 + k1 * age + k2 * age * age;
        }
    }

    record Logarithmic(double k0, double k1, double k2) implements Degradation {
        public double loss(double age) {
            return k0 + k1 * Math.log(k2 * age + 1);
        }
    }

    /** Another model until {@code cliffAge}, then {@code perLapAfter} more seconds for every lap past it. */
    record Cliff(Degradation before, double cliffAge, double perLapAfter) implements Degradation {
        public double loss(double age) {
            return before.loss(age) + Math.max(0, age - cliffAge) * perLapAfter;
        }
    }
}
