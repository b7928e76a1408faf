package dev.pitwall.strategy;

import java.util.Arrays;
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
        return new Run(race, null, null).run();
    }

    /** A race drawn by {@link Incidents#draw}: its cautions and retirements, and each lap's noise on each driver's time. */
    public static RaceOutcome run(Incidents.Draw draw) {
        return new Run(draw.race(), draw.lapNoise(), null).run();
    }

    /**
     * A lap in green running, alone: the base lap, the car's and the driver's pace, the tyre's degradation at its age,
     * the fuel on board; cold tyres in the first lap of a stint; the standing start and the grid slot on lap 1.
     */
    static double greenLap(Track track, Driver d, String compound, double tyreAge, double fuel, boolean firstOfStint, int lap) {
        return greenLap(track, d, d.tyres().get(compound), tyreAge, fuel, firstOfStint, lap);
    }

    static double greenLap(Track track, Driver d, Degradation tyre, double tyreAge, double fuel, boolean firstOfStint, int lap) {
        double t = track.baseLap() + d.car().pace() + d.pace() + tyre.loss(tyreAge) + Math.max(0, fuel) * track.fuelSensitivity();
        if (firstOfStint) {
            t += d.coldTyreLoss();
        }
        if (lap == 1) {
            t += track.lossFirstLap() + (d.grid() - 1) * track.lossPerGridSlot();
        }
        return t;
    }

    /**
     * The standstill of a stop: the tyre change and the refuelling, done at the same time (the longer of the two) or
     * one after the other (both), as the car's crew works.
     */
    static double standstill(Track track, Driver d, double fuelAdded) {
        double tyres = track.tyreChangeMin() + d.car().tyreChangeExtra();
        double fuel = fuelAdded > 0 && d.car().refuelSecondsPerKg().isPresent() ? fuelAdded * d.car().refuelSecondsPerKg().getAsDouble() : 0;
        return d.car().pitWork() == Car.PitWork.SEQUENTIAL ? tyres + fuel : Math.max(tyres, fuel);
    }

    /** The lap time a stint pays for saving fuel: the car's cost for each percent of the burn saved. */
    static double savingLoss(Driver d, Stint stint) {
        return stint.fuelSaving() * 100 * d.car().savingCostPerPercent();
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
        /** The running order, and where each car stood in it before this lap's stops. */
        private final int[] order;
        private final int[] placeBefore;
        private final int[] orderBefore;
        /** noise[i][lap-1]: seconds added to driver i's lap (null: none). */
        private final double[][] noise;
        // Worked out once per race: each stint's tyre, the standstill of the stop that starts it, the lap each car
        // retires after, the share of each lap under a caution, and the pit-lane losses of each lap.
        private final double[] topSpeed;
        private final Degradation[][] tyreOfStint;
        /** The lap at the end of which each stint's stop is made (the first stint's is 0). */
        private final int[][] stopBefore;
        private final double[][] standstillOfStint;
        /** Each stint's share of the burn saved, and the lap time it costs. */
        private final double[][] savingOfStint;
        private final double[][] savingLossOfStint;
        private final int[] retiresAfter;
        private final double[] scShare;
        /** Whether a safety car already on track at the start of the lap covers part of it. */
        private final boolean[] scOutBefore;
        private final double[] vscShare;
        private final double[] pitInLane;
        private final double[] pitOutLane;
        /**
         * Each caution's start and end in race time ({@code [c][0]}, {@code [c][1]}), from the reference car's run alone;
         * null where the shares of each lap are taken in laps, for every car alike.
         */
        private final double[][] cautionTimes;
        /** Each car's green lap, lap by lap, where it is kept (the reference car's run alone); else null. */
        private double[][] greenByLap;
        // Work arrays, reused lap after lap.
        private final double[] next;
        private final boolean[] duelled;
        private final int[] running;

        /**
         * @param race where {@code reference} is set, the reference car alone in that race: its run takes the cautions
         *             in laps, with the laps' caution shares and pit-lane losses worked out for the race
         */
        Run(RaceSetup race, double[][] noise, Run reference) {
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
            this.placeBefore = new int[n];
            this.orderBefore = new int[n];
            this.next = new double[n];
            this.duelled = new boolean[n];
            this.running = new int[n];
            this.tyreOfStint = new Degradation[n][];
            this.stopBefore = new int[n][];
            this.standstillOfStint = new double[n][];
            this.savingOfStint = new double[n][];
            this.savingLossOfStint = new double[n][];
            this.retiresAfter = new int[n];
            this.topSpeed = new double[n];
            for (int i = 0; i < n; i++) {
                Driver d = drivers.get(i);
                topSpeed[i] = d.topSpeed();
                // A plan with refuelling says how much the car starts with; otherwise the car's tank at the start.
                double planned = d.strategy().getFirst().fuelAdded();
                fuel[i] = planned > 0 ? planned : d.car().fuelAtStart();
                tyreAge[i] = d.strategy().getFirst().tyreAge();
                int stints = d.strategy().size();
                tyreOfStint[i] = new Degradation[stints];
                stopBefore[i] = new int[stints];
                standstillOfStint[i] = new double[stints];
                savingOfStint[i] = new double[stints];
                savingLossOfStint[i] = new double[stints];
                for (int s = 0; s < stints; s++) {
                    Stint own = d.strategy().get(s);
                    tyreOfStint[i][s] = d.tyres().get(own.compound());
                    stopBefore[i][s] = own.inLap();
                    standstillOfStint[i][s] = RaceSimulation.standstill(race.track(), d, own.fuelAdded());
                    savingOfStint[i][s] = own.fuelSaving();
                    savingLossOfStint[i][s] = savingLoss(d, own);
                }
                // Retirements from the events: progress X.5 means out during lap X+1.
                Double at = race.retirements().isEmpty() ? null : race.retirements().get(d.initials());
                retiresAfter[i] = at == null ? Integer.MAX_VALUE : (int) Math.floor(at);
            }
            int laps = race.laps();
            if (reference != null) {
                this.scShare = reference.scShare;
                this.scOutBefore = reference.scOutBefore;
                this.vscShare = reference.vscShare;
                this.pitInLane = reference.pitInLane;
                this.pitOutLane = reference.pitOutLane;
            } else {
                this.scShare = new double[laps + 1];
                this.scOutBefore = new boolean[laps + 1];
                this.vscShare = new double[laps + 1];
                this.pitInLane = new double[laps + 1];
                this.pitOutLane = new double[laps + 1];
            }
            Track track = race.track();
            for (int lap = 1; reference == null && lap <= laps; lap++) {
                scShare[lap] = share(lap, Caution.Kind.SAFETY_CAR);
                for (Caution c : race.cautions()) {
                    scOutBefore[lap] |= c.kind() == Caution.Kind.SAFETY_CAR && c.from() <= lap - 1 && c.to() > lap - 1;
                }
                vscShare[lap] = share(lap, Caution.Kind.VIRTUAL_SAFETY_CAR);
                pitInLane[lap] = pitLaneLoss(lap, true, track.pitInLap(), track.pitInLapVsc(), track.pitInLapSc());
                pitOutLane[lap] = pitLaneLoss(lap, false, track.pitOutLap(), track.pitOutLapVsc(), track.pitOutLapSc());
            }
            this.cautionTimes = reference == null && !race.cautions().isEmpty() ? cautionTimes() : null;
            // The grid: by grid slot, the setup's order between equal slots.
            order = new int[n];
            for (int a = 0; a < n; a++) {
                int b = a - 1;
                while (b >= 0 && drivers.get(order[b]).grid() > drivers.get(a).grid()) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = a;
            }
        }

        RaceOutcome run() {
            runLaps();
            return classify();
        }

        /** Every lap of the race, to the flag; each car's race time at the end of each lap it completed is in byLap. */
        private void runLaps() {
            int lastSc = Integer.MIN_VALUE / 2;
            Track track = race.track();
            for (int lap = 1; lap <= race.laps(); lap++) {
                double sc = scShare[lap];
                double vsc = vscShare[lap];
                for (int i = 0; i < n; i++) {
                    if (!out[i] && lap > retiresAfter[i]) {
                        out[i] = true;
                        reason[i] = "retired";
                    }
                }
                boolean drs = race.drsFromLap().isPresent() && lap >= race.drsFromLap().getAsInt() && sc == 0 && vsc == 0
                        && lap > lastSc + race.drsDelayAfterSc();
                // Cars leaving the pits rejoin where their time puts them: the order changes without a fight.
                System.arraycopy(order, 0, orderBefore, 0, n);
                for (int k = 0; k < n; k++) {
                    placeBefore[orderBefore[k]] = k;
                }
                for (int i = 0; i < n; i++) {
                    lapStart[i] = out[i] ? Double.MAX_VALUE : time[i] + pitOutLoss(i, lap);
                }
                sortBy(lapStart);
                double slow = track.baseLap() * track.vscLapFactor();
                double share = Math.max(sc, vsc);
                for (int k = 0; k < n; k++) {
                    int i = order[k];
                    if (out[i]) {
                        continue;
                    }
                    Driver d = drivers.get(i);
                    double green = greenLap(track, d, tyreOfStint[i][stint[i]], tyreAge[i], fuel[i], lapInStint[i] == 0, lap)
                            + savingLossOfStint[i][stint[i]];
                    // Under a caution the affected part of the lap is no quicker than the caution's pace (the safety
                    // car's own, slower pace holds the queue: see meet).
                    double under = cautionTimes == null ? share : shareInRaceTime(lapStart[i], green);
                    double t = under > 0 ? (1 - under) * green + under * Math.max(green, slow) : green;
                    t += noise == null ? 0 : noise[i][lap - 1];
                    ownLap[i] = green;
                    if (greenByLap != null) {
                        greenByLap[i][lap - 1] = green;
                    }
                    if (drs) {
                        // Half the DRS gain on the main straight (the gap at the line), half elsewhere (after the stops).
                        int b = placeBefore[i];
                        if (b > 0) {
                            int ahead = orderBefore[b - 1];
                            if (!out[ahead] && lapStart[ahead] == time[ahead] && lapsDone[ahead] == lapsDone[i]
                                    && time[i] - time[ahead] <= race.drsWindow()) {
                                t += track.drsEffect() * DRS_MAIN_STRAIGHT;
                            }
                        }
                        if (k > 0 && !out[order[k - 1]] && lapsDone[order[k - 1]] == lapsDone[i]
                                && lapStart[i] - lapStart[order[k - 1]] <= race.drsWindow()) {
                            t += track.drsEffect() * (1 - DRS_MAIN_STRAIGHT);
                        }
                    }
                    next[i] = lapStart[i] + t;
                }
                meet(lap, sc, vsc);
                for (int i = 0; i < n; i++) {
                    if (!out[i]) {
                        next[i] += pitInLoss(i, lap); // the order changes at the end of the lap, without a fight
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (out[i]) {
                        continue;
                    }
                    double left = fuelAfterLap(i, lap, sc, vsc);
                    if (left < -DRY) {
                        out[i] = true; // the tank ran dry before the line
                        reason[i] = "out of fuel";
                    } else {
                        afterLap(i, lap, sc, vsc, left);
                        time[i] = next[i];
                        byLap[i][lap - 1] = time[i];
                        lapsDone[i] = lap;
                    }
                }
                if (sc > 0) {
                    lastSc = lap;
                }
                sortBy(time);
            }
        }

        /**
         * Sorts the running order in place: running cars first, most laps first, then by {@code key} (stable, and
         * nearly linear, as the order changes little from one sort to the next).
         */
        private void sortBy(double[] key) {
            for (int a = 1; a < n; a++) {
                int x = order[a];
                int b = a - 1;
                while (b >= 0 && behind(order[b], x, key)) {
                    order[b + 1] = order[b];
                    b--;
                }
                order[b + 1] = x;
            }
        }

        /** Whether car p belongs strictly behind car q. */
        private boolean behind(int p, int q, double[] key) {
            if (out[p] != out[q]) {
                return out[p];
            }
            if (lapsDone[p] != lapsDone[q]) {
                return lapsDone[p] < lapsDone[q];
            }
            return key[p] > key[q]; // race times: never NaN, never -0
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

        /** The time a stop costs in the lap the car comes in: the pit-lane loss, and the standstill if the pits lie before the line. */
        private double pitInLoss(int i, int lap) {
            if (stint[i] + 1 >= stopBefore[i].length || stopBefore[i][stint[i] + 1] != lap) {
                return 0;
            }
            return pitInLane[lap] + (race.track().standstillOutLap() ? 0 : standstillOfStint[i][stint[i] + 1]);
        }

        /** The time a stop costs in the lap the car goes out: the pit-lane loss, and the standstill if the pits lie after the line. */
        private double pitOutLoss(int i, int lap) {
            if (stint[i] == 0 || stopBefore[i][stint[i]] != lap - 1) {
                return 0;
            }
            return pitOutLane[lap] + (race.track().standstillOutLap() ? standstillOfStint[i][stint[i]] : 0);
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

        /**
         * Cautions from race progress to race time, as TUM converts them: the reference car (the setup's, else the
         * pole-sitter) runs the race alone with the cautions in laps, and its race time at a phase's start and end are
         * the phase's. Null when the reference car does not see the flag alone (out of fuel), and the cautions stay in laps.
         */
        private double[][] cautionTimes() {
            Driver reference = race.drivers().getFirst();
            for (Driver d : race.drivers()) {
                reference = d.grid() < reference.grid() ? d : reference;
            }
            for (Driver d : race.drivers()) {
                if (race.referenceDriver().filter(d.initials()::equals).isPresent()) {
                    reference = d;
                }
            }
            RaceSetup alone = new RaceSetup(race.laps(), race.minGap(), race.minGapSc(), race.duelLoss(), race.passedLoss(),
                    race.drsWindow(), race.drsFromLap(), race.drsDelayAfterSc(), race.track(), List.of(reference), race.cautions(), Map.of());
            Run run = new Run(alone, null, this);
            run.greenByLap = new double[1][race.laps()];
            run.runLaps();
            if (run.lapsDone[0] < race.laps()) {
                return null;
            }
            double[] byLap = run.byLap[0];
            double[][] times = new double[race.cautions().size()][];
            for (int c = 0; c < times.length; c++) {
                Caution caution = race.cautions().get(c);
                times[c] = new double[] {at(race, byLap, run.greenByLap[0], caution.from()), at(race, byLap, run.greenByLap[0], caution.to())};
            }
            return times;
        }

        /**
         * The reference car's race time at a progress: its lap's green part at its green pace, the part under cautions
         * at the pace the rest of the lap's time gives. A caution out to the flag never ends.
         */
        private static double at(RaceSetup race, double[] byLap, double[] green, double progress) {
            int lap = (int) Math.floor(progress); // laps completed; the progress lies in lap + 1
            if (lap >= byLap.length) {
                return Double.MAX_VALUE;
            }
            double start = lap == 0 ? 0 : byLap[lap - 1];
            double lapTime = byLap[lap] - start;
            double underCaution = 0;
            double cautionBefore = 0;
            for (Caution c : race.cautions()) {
                double from = Math.max(c.from(), lap);
                double to = Math.min(c.to(), lap + 1);
                if (to > from) {
                    underCaution += to - from;
                    cautionBefore += Math.max(0, Math.min(to, progress) - from);
                }
            }
            double into = progress - lap;
            if (underCaution <= 0 || underCaution >= 1) {
                return start + into * lapTime;
            }
            double cautionPace = Math.max(0, lapTime - (1 - underCaution) * green[lap]) / underCaution;
            return start + (into - cautionBefore) * green[lap] + cautionBefore * cautionPace;
        }

        /**
         * The share of a car's lap under a caution: each car meets a phase when its own race time reaches the phase's
         * start, so a car half a lap behind the leader runs into it half a lap later. The share is the part of the lap,
         * at the car's green pace from its race time at the start of the lap, that falls between the phase's start and end.
         */
        private double shareInRaceTime(double start, double green) {
            double end = start + green;
            double share = 0;
            for (double[] phase : cautionTimes) {
                double from = phase[0];
                double to = phase[1];
                if (start < to && from < end) {
                    share = Math.max(share, (Math.min(to, end) - Math.max(from, start)) / green);
                }
            }
            return share;
        }

        /** Cars meet on track: passes, duels and cars held behind, until nothing changes. */
        private void meet(int lap, double sc, double vsc) {
            Track track = race.track();
            boolean noPassing = sc > 0 || vsc >= 0.5;
            Arrays.fill(duelled, false);
            int count = 0;
            for (int i : order) {
                if (!out[i]) {
                    running[count++] = i;
                }
            }
            if (sc > 0 && count > 0 && scOutBefore[lap]) {
                // The leader is held by the safety car itself, which laps at its own slower pace: from the lap after it
                // came out (in the lap it comes out, the leader runs the caution's pace until he reaches it).
                int leader = running[0];
                next[leader] = Math.max(next[leader], lapStart[leader] + (1 - sc) * ownLap[leader] + sc * track.baseLap() * track.scLapFactor());
            }
            double gap = sc > 0 ? race.minGapSc() : race.minGap();
            if (noPassing) {
                // Under a safety car the field closes up behind it: each car runs the caution's pace until it reaches
                // the back of the queue, then the queue's pace, the gap per place apart. Under a virtual one nobody
                // passes either.
                for (int k = 1; k < count; k++) {
                    int front = running[k - 1];
                    int rear = running[k];
                    if (lapsDone[front] == lapsDone[rear]) {
                        next[rear] = Math.max(next[rear], next[front] + gap);
                    }
                }
                return;
            }
            double overtakeGap = track.overtakeGap();
            double perKmh = track.overtakeGapPerKmh();
            for (int pass = 0; pass < n; pass++) {
                boolean changed = false;
                for (int k = 1; k < count; k++) {
                    int front = running[k - 1];
                    int rear = running[k];
                    if (lapsDone[front] != lapsDone[rear]) {
                        continue; // a lapped car is not raced
                    }
                    if (next[rear] < next[front] + gap) {
                        // Close enough to fight (or already ahead): both lose the duel's time, once a lap.
                        if (!duelled[rear]) {
                            next[rear] += race.duelLoss();
                            duelled[rear] = true;
                        }
                        if (!duelled[front]) {
                            next[front] += race.duelLoss();
                            duelled[front] = true;
                        }
                    }
                    double needed = overtakeGap + perKmh * (topSpeed[rear] - topSpeed[front]);
                    if (next[rear] + needed <= next[front]) {
                        next[front] += race.passedLoss();
                        running[k - 1] = rear;
                        running[k] = front;
                        changed = true;
                    } else if (next[rear] < next[front] + gap) {
                        next[rear] = next[front] + gap;
                    }
                }
                if (!changed) {
                    break;
                }
            }
        }

        /**
         * The fuel left at the end of the lap: the burn, less what the stint saves, rises so the tank is empty at the
         * flag, never falls.
         */
        private double fuelAfterLap(int i, int lap, double sc, double vsc) {
            Driver d = drivers.get(i);
            double lapsLeft = race.laps() - lap + 1;
            double burn = Math.max(d.car().burnPerLap() * (1 - savingOfStint[i][stint[i]]), Math.max(0, fuel[i]) / lapsLeft);
            return fuel[i] - burn * (1 - sc - vsc + sc * d.car().burnFactorSc() + vsc * d.car().burnFactorVsc());
        }

        /** Fuel burnt (leaving {@code fuelLeft}), tyre worn, and a stop made at the end of the lap. */
        private void afterLap(int i, int lap, double sc, double vsc, double fuelLeft) {
            Driver d = drivers.get(i);
            double green = 1 - sc - vsc;
            fuel[i] = fuelLeft;
            tyreAge[i] += green + sc * d.wearFactorSc() + vsc * d.wearFactorVsc();
            lapInStint[i]++;
            if (stint[i] + 1 < stopBefore[i].length && stopBefore[i][stint[i] + 1] == lap) {
                stint[i]++;
                Stint fitted = d.strategy().get(stint[i]);
                tyreAge[i] = fitted.tyreAge();
                lapInStint[i] = 0;
                fuel[i] = Math.max(0, fuel[i]) + fitted.fuelAdded();
            }
        }

        /**
         * When the leader has finished, every other car finishes at its next crossing of the line: its laps are those
         * it completed by then. Classified as the sporting code has it: by laps completed, most first, then by who
         * completed them first, running or retired (a car out on the last lap ranks ahead of those a lap down behind it).
         */
        private RaceOutcome classify() {
            double leader = Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (!out[i] && lapsDone[i] == race.laps()) {
                    leader = Math.min(leader, time[i]);
                }
            }
            int[] laps = new int[n];
            double[] at = new double[n];
            @SuppressWarnings("unchecked")
            Map.Entry<String, double[]>[] history = new Map.Entry[n];
            for (int i = 0; i < n; i++) {
                laps[i] = lapsDone[i];
                if (!out[i]) {
                    for (int k = 1; k <= lapsDone[i]; k++) {
                        if (byLap[i][k - 1] >= leader) {
                            laps[i] = k;
                            break;
                        }
                    }
                }
                // A time penalty is added at the flag: it can cost places among the cars on the same lap.
                at[i] = (laps[i] == 0 ? 0 : byLap[i][laps[i] - 1]) + (out[i] || race.timePenalties().isEmpty() ? 0 : race.timePenalties().getOrDefault(drivers.get(i).initials(), 0.0));
                history[i] = Map.entry(drivers.get(i).initials(), Arrays.copyOf(byLap[i], laps[i]));
            }
            // By laps (most first), then by the time the last of them was completed: a stable insertion sort of the indexes.
            int[] ranked = new int[n];
            for (int a = 0; a < n; a++) {
                int x = a;
                int b = a - 1;
                while (b >= 0 && (laps[ranked[b]] != laps[x] ? laps[ranked[b]] < laps[x] : at[ranked[b]] > at[x])) {
                    ranked[b + 1] = ranked[b];
                    b--;
                }
                ranked[b + 1] = x;
            }
            RaceOutcome.Finisher[] lines = new RaceOutcome.Finisher[n];
            for (int k = 0; k < n; k++) {
                int i = ranked[k];
                lines[k] = new RaceOutcome.Finisher(k + 1, drivers.get(i).initials(), laps[i], at[i], out[i], out[i] ? reason[i] : "finished");
            }
            return new RaceOutcome(List.of(lines), Map.ofEntries(history));
        }
    }
}
