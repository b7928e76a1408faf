package dev.pitwall.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A race simulated lap by lap, deterministically, after TUM's race simulation: each lap's time from the base lap, the
 * car's and the driver's pace, the tyre's degradation, the fuel on board, cold tyres, the standing start, pit stops and
 * DRS; then the cars meet on track (a car passes only with enough of an advantage, duelling cars both lose time, a car
 * that cannot pass is held behind); cautions slow the lap and, under a safety car, bunch the field. Retirements come
 * from the race's events, or from running out of fuel.
 */
public final class RaceSimulation {

    /**
     * Kilograms a tank may read below empty before the car stops: TUM's files plan the burn to the last hundredths, so
     * a few grams short at the flag is rounding, not running dry.
     */
    static final double DRY = 0.1;

    /** The share of DRS's gain on the main straight (judged by the gap at the line); the rest comes elsewhere. */
    static final double DRS_MAIN_STRAIGHT = 0.5;

    private RaceSimulation() {
    }

    /** The race as set up: deterministic, no lap-time noise. */
    public static RaceOutcome run(RaceSetup race) {
        return new Run(race, null).run();
    }

    /** A race drawn by {@link Incidents#draw}: its cautions and retirements, and each lap's noise on each driver's time. */
    public static RaceOutcome run(Incidents.Draw draw) {
        return new Run(draw.race(), draw.lapNoise()).run();
    }

    /**
     * A lap in green running, alone: the base lap, the car's and the driver's pace, the tyre's degradation at its age,
     * the fuel on board; cold tyres in the first lap of a stint; the standing start and the grid slot on lap 1.
     */
    static double greenLap(Track track, Driver d, String compound, double tyreAge, double fuel, boolean firstOfStint, int lap) {
        double t = track.baseLap() + d.car().pace() + d.pace() + d.tyres().get(compound).loss(tyreAge) + Math.max(0, fuel) * track.fuelSensitivity();
        if (firstOfStint) {
            t += d.coldTyreLoss();
        }
        if (lap == 1) {
            t += track.lossFirstLap() + (d.grid() - 1) * track.lossPerGridSlot();
        }
        return t;
    }

    /** The standstill of a stop: the tyre change, or the refuelling (done at the same time) where it takes longer. */
    static double standstill(Track track, Driver d, double fuelAdded) {
        double tyres = track.tyreChangeMin() + d.car().tyreChangeExtra();
        return Math.max(tyres, fuelAdded > 0 && d.car().refuelSecondsPerKg().isPresent() ? fuelAdded * d.car().refuelSecondsPerKg().getAsDouble() : 0);
    }

    private static final class Run {
        private final RaceSetup race;
        private final List<Driver> drivers;
        private final int n;
        private final double[] time;
        private final double[] fuel;
        private final double[] tyreAge;
        private final int[] stint;
        private final int[] lapInStint;
        private final int[] lapsDone;
        private final boolean[] out;
        private final String[] reason;
        private final double[][] byLap;
        /** Each car's lap at its own pace, no caution: how fast it can close up on the safety-car queue. */
        private final double[] ownLap;
        /** Each car's race time at the start of the lap, a stop's out-lap loss included. */
        private final double[] lapStart;
        private int[] order;
        /** noise[i][lap-1]: seconds added to driver i's lap (null: none). */
        private final double[][] noise;

        Run(RaceSetup race, double[][] noise) {
            this.race = race;
            this.noise = noise;
            this.drivers = race.drivers();
            this.n = drivers.size();
            this.time = new double[n];
            this.fuel = new double[n];
            this.tyreAge = new double[n];
            this.stint = new int[n];
            this.lapInStint = new int[n];
            this.lapsDone = new int[n];
            this.out = new boolean[n];
            this.reason = new String[n];
            this.byLap = new double[n][race.laps()];
            this.ownLap = new double[n];
            this.lapStart = new double[n];
            for (int i = 0; i < n; i++) {
                Driver d = drivers.get(i);
                // A plan with refuelling says how much the car starts with; otherwise the car's tank at the start.
                double planned = d.strategy().getFirst().fuelAdded();
                fuel[i] = planned > 0 ? planned : d.car().fuelAtStart();
                tyreAge[i] = d.strategy().getFirst().tyreAge();
            }
            Integer[] grid = new Integer[n];
            for (int i = 0; i < n; i++) {
                grid[i] = i;
            }
            Arrays.sort(grid, Comparator.comparingInt((Integer i) -> drivers.get(i).grid()));
            order = Arrays.stream(grid).mapToInt(Integer::intValue).toArray();
        }

        RaceOutcome run() {
            int lastSc = Integer.MIN_VALUE / 2;
            for (int lap = 1; lap <= race.laps(); lap++) {
                double sc = share(lap, Caution.Kind.SAFETY_CAR);
                double vsc = share(lap, Caution.Kind.VIRTUAL_SAFETY_CAR);
                retire(lap);
                double[] next = new double[n];
                boolean drs = race.drsFromLap().isPresent() && lap >= race.drsFromLap().getAsInt() && sc == 0 && vsc == 0
                        && lap > lastSc + race.drsDelayAfterSc();
                // Cars leaving the pits rejoin where their time puts them: the order changes without a fight.
                int[] before = order;
                for (int i = 0; i < n; i++) {
                    lapStart[i] = out[i] ? Double.MAX_VALUE : time[i] + pitOutLoss(i, lap);
                }
                order = Arrays.stream(order).boxed().sorted(Comparator.comparing((Integer i) -> out[i])
                        .thenComparing(i -> -lapsDone[i]).thenComparingDouble(i -> lapStart[i])).mapToInt(Integer::intValue).toArray();
                for (int k = 0; k < order.length; k++) {
                    int i = order[k];
                    if (out[i]) {
                        continue;
                    }
                    double t = lapTime(i, lap, sc, vsc) + (noise == null ? 0 : noise[i][lap - 1]);
                    ownLap[i] = lapTime(i, lap, 0, 0);
                    if (drs) {
                        // Half the DRS gain on the main straight (the gap at the line), half elsewhere (after the stops).
                        int b = indexOf(before, i);
                        if (b > 0 && !out[before[b - 1]] && lapStart[before[b - 1]] == time[before[b - 1]]
                                && lapsDone[before[b - 1]] == lapsDone[i] && time[i] - time[before[b - 1]] <= race.drsWindow()) {
                            t += race.track().drsEffect() * DRS_MAIN_STRAIGHT;
                        }
                        if (k > 0 && !out[order[k - 1]] && lapsDone[order[k - 1]] == lapsDone[i]
                                && lapStart[i] - lapStart[order[k - 1]] <= race.drsWindow()) {
                            t += race.track().drsEffect() * (1 - DRS_MAIN_STRAIGHT);
                        }
                    }
                    next[i] = lapStart[i] + t;
                }
                meet(next, sc, vsc);
                for (int i = 0; i < n; i++) {
                    if (!out[i]) {
                        next[i] += pitInLoss(i, lap); // the order changes at the end of the lap, without a fight
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!out[i] && fuelAfterLap(i, lap, sc, vsc) < -DRY) {
                        out[i] = true; // the tank ran dry before the line
                        reason[i] = "out of fuel";
                    }
                    if (!out[i]) {
                        afterLap(i, lap, sc, vsc);
                        time[i] = next[i];
                        byLap[i][lap - 1] = time[i];
                        lapsDone[i] = lap;
                    }
                }
                if (sc > 0) {
                    lastSc = lap;
                }
                order = Arrays.stream(order).boxed().sorted(Comparator.comparing((Integer i) -> out[i])
                        .thenComparing(i -> -lapsDone[i]).thenComparingDouble(i -> time[i])).mapToInt(Integer::intValue).toArray();
            }
            return classify();
        }

        private double share(int lap, Caution.Kind kind) {
            double s = 0;
            for (Caution c : race.cautions()) {
                if (c.kind() == kind) {
                    s = Math.max(s, c.shareOf(lap));
                }
            }
            return s;
        }

        /** Retirements from the events (progress X.5: out during lap X+1) and cars that ran dry. */
        private void retire(int lap) {
            for (int i = 0; i < n; i++) {
                if (out[i]) {
                    continue;
                }
                Double at = race.retirements().get(drivers.get(i).initials());
                if (at != null && lap > Math.floor(at)) {
                    out[i] = true;
                    reason[i] = "retired";
                }
            }
        }

        private double lapTime(int i, int lap, double sc, double vsc) {
            Driver d = drivers.get(i);
            Track track = race.track();
            double t = greenLap(track, d, d.strategy().get(stint[i]).compound(), tyreAge[i], fuel[i], lapInStint[i] == 0, lap);
            // Under a caution the affected part of the lap is no quicker than the caution's pace (the safety car's own,
            // slower pace holds the queue: see meet).
            double slow = track.baseLap() * track.vscLapFactor();
            double share = Math.max(sc, vsc);
            return share > 0 ? (1 - share) * t + share * Math.max(t, slow) : t;
        }

        /** The time a stop costs in the lap the car comes in: the pit-lane loss, and the standstill if the pits lie before the line. */
        private double pitInLoss(int i, int lap) {
            Driver d = drivers.get(i);
            if (stint[i] + 1 >= d.strategy().size() || d.strategy().get(stint[i] + 1).inLap() != lap) {
                return 0;
            }
            Track track = race.track();
            return pitLaneLoss(lap, true, track.pitInLap(), track.pitInLapVsc(), track.pitInLapSc())
                    + (track.standstillOutLap() ? 0 : standstill(d, d.strategy().get(stint[i] + 1)));
        }

        /** The time a stop costs in the lap the car goes out: the pit-lane loss, and the standstill if the pits lie after the line. */
        private double pitOutLoss(int i, int lap) {
            Driver d = drivers.get(i);
            Stint current = d.strategy().get(stint[i]);
            if (stint[i] == 0 || current.inLap() != lap - 1) {
                return 0;
            }
            Track track = race.track();
            return pitLaneLoss(lap, false, track.pitOutLap(), track.pitOutLapVsc(), track.pitOutLapSc())
                    + (track.standstillOutLap() ? standstill(d, current) : 0);
        }

        private static int indexOf(int[] array, int value) {
            for (int k = 0; k < array.length; k++) {
                if (array[k] == value) {
                    return k;
                }
            }
            return -1;
        }

        /**
         * The pit-lane loss of an in-lap ({@code inLap}, the car comes in at the end of {@code lap}) or an out-lap (it
         * went in at the end of the lap before), as a caution around the stop makes it: a virtual safety car that
         * covers the stop gives its loss; a safety car already out before the lap gives the safety-car loss, and one
         * that comes out during the lap only the virtual one (the field has not yet closed up behind it).
         */
        private double pitLaneLoss(int lap, boolean inLap, double green, double underVsc, double underSc) {
            double at = inLap ? lap : lap - 1; // the stop's place in the race, in laps
            for (Caution c : race.cautions()) {
                if (c.kind() == Caution.Kind.VIRTUAL_SAFETY_CAR && c.from() <= at && c.to() > at) {
                    return underVsc;
                }
                if (c.kind() == Caution.Kind.SAFETY_CAR && c.from() <= at && c.to() > at - (inLap ? 1 : 0)) {
                    return c.from() < at - 1 ? underSc : underVsc;
                }
            }
            return green;
        }

        private double standstill(Driver d, Stint fitted) {
            return RaceSimulation.standstill(race.track(), d, fitted.fuelAdded());
        }

        /** Cars meet on track: passes, duels and cars held behind, until nothing changes. */
        private void meet(double[] next, double sc, double vsc) {
            Track track = race.track();
            boolean noPassing = sc > 0 || vsc >= 0.5;
            boolean[] duelled = new boolean[n];
            int[] running = Arrays.stream(order).filter(i -> !out[i]).toArray();
            if (sc > 0 && running.length > 0) {
                // The leader is held by the safety car itself, which laps at its own slower pace.
                int leader = running[0];
                next[leader] = Math.max(next[leader], lapStart[leader] + (1 - sc) * ownLap[leader] + sc * track.baseLap() * track.scLapFactor());
            }
            for (int pass = 0; pass < n; pass++) {
                boolean changed = false;
                for (int k = 1; k < running.length; k++) {
                    int front = running[k - 1];
                    int rear = running[k];
                    if (lapsDone[front] != lapsDone[rear]) {
                        continue; // a lapped car is not raced
                    }
                    double gap = noPassing ? (sc > 0 ? race.minGapSc() : race.minGap()) : race.minGap();
                    if (sc > 0) {
                        // The field closes up behind the safety car: each car runs the caution's pace until it reaches
                        // the back of the queue, then the queue's pace, the gap per place apart.
                        next[rear] = Math.max(next[rear], next[front] + gap);
                        continue;
                    }
                    if (noPassing) {
                        next[rear] = Math.max(next[rear], next[front] + gap);
                        continue;
                    }
                    double needed = track.overtakeGap() + track.overtakeGapPerKmh()
                            * (drivers.get(rear).topSpeed() - drivers.get(front).topSpeed());
                    if (next[rear] + needed < next[front]) {
                        next[front] += race.passedLoss();
                        running[k - 1] = rear;
                        running[k] = front;
                        changed = true;
                    } else if (next[rear] < next[front] + gap) {
                        if (!duelled[rear]) {
                            next[rear] += race.duelLoss();
                            duelled[rear] = true;
                        }
                        if (!duelled[front]) {
                            next[front] += race.duelLoss();
                            duelled[front] = true;
                        }
                        next[rear] = Math.max(next[rear], next[front] + gap);
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }

        /** The fuel left at the end of the lap: the burn rises so the tank is empty at the flag, never falls. */
        private double fuelAfterLap(int i, int lap, double sc, double vsc) {
            Driver d = drivers.get(i);
            double lapsLeft = race.laps() - lap + 1;
            double burn = Math.max(d.car().burnPerLap(), Math.max(0, fuel[i]) / lapsLeft);
            return fuel[i] - burn * (1 - sc - vsc + sc * d.car().burnFactorSc() + vsc * d.car().burnFactorVsc());
        }

        /** Fuel burnt, tyre worn, and a stop made at the end of the lap. */
        private void afterLap(int i, int lap, double sc, double vsc) {
            Driver d = drivers.get(i);
            double green = 1 - sc - vsc;
            fuel[i] = fuelAfterLap(i, lap, sc, vsc);
            tyreAge[i] += green + sc * d.wearFactorSc() + vsc * d.wearFactorVsc();
            lapInStint[i]++;
            if (stint[i] + 1 < d.strategy().size() && d.strategy().get(stint[i] + 1).inLap() == lap) {
                stint[i]++;
                Stint fitted = d.strategy().get(stint[i]);
                tyreAge[i] = fitted.tyreAge();
                lapInStint[i] = 0;
                fuel[i] = Math.max(0, fuel[i]) + fitted.fuelAdded();
            }
        }

        /**
         * When the leader has finished, every other car finishes at its next crossing of the line: its laps are those
         * it completed by then. Running cars by laps then time, then the retired by distance.
         */
        private RaceOutcome classify() {
            double leader = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (!out[i] && lapsDone[i] == race.laps()) {
                    leader = Math.min(leader, time[i]);
                }
            }
            List<RaceOutcome.Finisher> lines = new ArrayList<>();
            Map<String, double[]> history = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int laps = lapsDone[i];
                if (!out[i]) {
                    for (int k = 1; k <= lapsDone[i]; k++) {
                        if (byLap[i][k - 1] >= leader) {
                            laps = k;
                            break;
                        }
                    }
                }
                double at = laps == 0 ? 0 : byLap[i][laps - 1];
                lines.add(new RaceOutcome.Finisher(0, drivers.get(i).initials(), laps, at, out[i], out[i] ? reason[i] : "finished"));
                history.put(drivers.get(i).initials(), Arrays.copyOf(byLap[i], laps));
            }
            lines.sort(Comparator.comparing(RaceOutcome.Finisher::retired).thenComparing(f -> -f.laps())
                    .thenComparingDouble(RaceOutcome.Finisher::raceTime));
            List<RaceOutcome.Finisher> numbered = new ArrayList<>();
            for (RaceOutcome.Finisher f : lines) {
                numbered.add(new RaceOutcome.Finisher(numbered.size() + 1, f.driver(), f.laps(), f.raceTime(), f.retired(), f.reason()));
            }
            return new RaceOutcome(numbered, history);
        }
    }
}
