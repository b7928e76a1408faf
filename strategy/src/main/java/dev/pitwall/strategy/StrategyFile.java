package dev.pitwall.strategy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pitwall.core.rules.Compound;
import dev.pitwall.core.rules.Refuelling;
import dev.pitwall.core.rules.TyreRule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.EnumSet;
import java.util.function.Predicate;

/**
 * Pitwall's own race file for the strategy lab (YAML): the track and its pit lane, the car, the tyre compounds'
 * degradation, the regulations on compounds and refuelling, and the drivers with their grid slots, pace and
 * strategies. Every value a person writes is checked; an error names the file, the line and what was expected.
 * <pre>
 * laps: 7
 * track: {name: Nürburgring 24h, base-lap: 384, fuel-sensitivity: 0.03, pit-in: 6, pit-out: 10, tyre-change: 4, ...}
 * car: {name: Red Bull X2019 Competition, fuel-at-start: 60, burn-per-lap: 20, refuel-seconds-per-litre: 0.25}
 * tyres: {soft: {fresh: 0, per-lap: 2.5}, medium: {fresh: 2.0, per-lap: 1.0}, hard: {fresh: 4.0, per-lap: 0.4}}
 * rules: {must-use: [soft, medium, hard]}
 * drivers:
 *   - {name: Takuma Miyazono, grid: 4, pace: 0.0, time-penalty: 5, strategy: [{from-lap: 1, compound: medium, fuel: 60}, ...]}
 * </pre>
 */
public final class StrategyFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private StrategyFile() {
    }

    /**
     * The race as the file states it, which sets of compounds its regulations accept, and what happens by chance in it
     * ({@link Incidents#none()} when the file says nothing).
     */
    public record Race(String name, RaceSetup setup, RaceRegulations regulations, Incidents incidents) {

        /** Which sets of compounds the regulations accept. */
        public Predicate<Set<String>> legal() {
            return regulations::legal;
        }

        /** The regulations in words. */
        public String rule() {
            return regulations.describe();
        }

        /**
         * The setup the Monte Carlo runs draw from: the file's own events (a TUM file's real cautions and retirements)
         * give way to chance where there is any.
         */
        public RaceSetup forChance() {
            return incidents.random() ? setup.withoutEvents() : setup;
        }

        /** The same race under other regulations (the championship's own, say). */
        public Race withRegulations(RaceRegulations other) {
            return new Race(name, setup, other, incidents);
        }
    }

    /**
     * A strategy file (.yaml), or a TUM race parameter file (.ini) with its real events, Formula 1's rule of two dry
     * compounds, and the chances of TUM's Monte Carlo file {@code pars_mcs.ini} when it lies beside it.
     */
    public static Race readAny(Path file) {
        if (!file.getFileName().toString().endsWith(".ini")) {
            return read(file);
        }
        TumParameters.TumRace race = TumParameters.read(file);
        Path mcs = file.resolveSibling("pars_mcs.ini");
        return new Race(race.season() + " " + race.track(), race.setup(),
                new RaceRegulations(new TyreRule.AtLeastCompounds(2), Refuelling.FORBIDDEN, "Formula 1 2014-2019"),
                Files.isRegularFile(mcs) ? TumParameters.incidents(mcs, race) : Incidents.none());
    }

    public static Race read(Path file) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            String text = Files.readString(file);
            root = YAML.readTree(text);
            lines = lines(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new StrategyInputException(file + ":" + (at == null ? 0 : at.getLineNr()) + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StrategyInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new StrategyInputException(file + ": expected a race with laps, track, car, tyres, rules and drivers");
        }
        Reader r = new Reader(file, lines, paths(root));
        int laps = (int) r.number(root, "laps", 1, 1000);
        JsonNode t = r.object(root, "track");
        Track track = new Track(r.text(t, "name"), r.number(t, "base-lap", 1, 10_000), r.number(t, "fuel-sensitivity", 0, 1),
                r.number(t, "pit-in", -60, 300), r.number(t, "pit-out", -60, 300), r.optional(t, "pit-in-vsc", r.number(t, "pit-in", -60, 300)),
                r.optional(t, "pit-out-vsc", r.number(t, "pit-out", -60, 300)), r.optional(t, "pit-in-sc", r.number(t, "pit-in", -60, 300)),
                r.optional(t, "pit-out-sc", r.number(t, "pit-out", -60, 300)), t.path("standstill-after-line").asBoolean(true),
                r.number(t, "tyre-change", 0, 300), r.optional(t, "loss-per-grid-slot", 0), r.optional(t, "loss-first-lap", 0),
                r.optional(t, "overtake-gap", 1.0), r.optional(t, "overtake-gap-per-kmh", 0), r.optional(t, "drs-effect", 0),
                r.optional(t, "sc-lap-factor", 1.6), r.optional(t, "vsc-lap-factor", 1.4));
        JsonNode c = r.object(root, "car");
        JsonNode rules = r.object(root, "rules");
        Refuelling fuelRule = refuelling(r, rules, c.has("refuel-seconds-per-litre"));
        boolean refuelling = fuelRule != Refuelling.FORBIDDEN;
        Car car = new Car(r.text(c, "name"), r.optional(c, "pace", 0), r.number(c, "fuel-at-start", 0, 10_000), r.number(c, "burn-per-lap", 0, 1000),
                r.optional(c, "burn-factor-sc", 0.25), r.optional(c, "burn-factor-vsc", 0.5), r.optional(c, "tyre-change-extra", 0),
                refuelling ? OptionalDouble.of(r.number(c, "refuel-seconds-per-litre", 0, 100)) : OptionalDouble.empty(),
                pitWork(r, rules), r.optional(c, "fuel-saving-cost", 0, 0, 10));
        Map<String, Degradation> tyres = new LinkedHashMap<>();
        JsonNode ty = r.object(root, "tyres");
        ty.fields().forEachRemaining(e -> {
            JsonNode k = e.getValue();
            Degradation linear = new Degradation.Linear(r.number(k, "fresh", -100, 100), r.number(k, "per-lap", -100, 100));
            tyres.put(e.getKey(), k.has("cliff-after") ? new Degradation.Cliff(linear, r.number(k, "cliff-after", 0, 1000),
                    r.number(k, "cliff-per-lap", 0, 1000)) : linear);
        });
        Set<Compound> mustUse = EnumSet.noneOf(Compound.class);
        for (JsonNode n : rules.path("must-use")) {
            String m = n.asText();
            if (!tyres.containsKey(m)) {
                throw r.error(rules.get("must-use"), "must-use names " + m + ", which is not one of the tyres (" + String.join(", ", tyres.keySet()) + ")");
            }
            mustUse.add(Compound.parse(m).orElseThrow(() -> r.error(rules.get("must-use"), "must-use names " + m
                    + ", which is not a compound the regulations know (soft, medium, hard, intermediate, wet)")));
        }
        if (!mustUse.isEmpty() && rules.has("at-least-compounds")) {
            throw r.wrong(rules, "at-least-compounds", "expected must-use or at-least-compounds, not both");
        }
        TyreRule tyreRule = !mustUse.isEmpty() ? new TyreRule.MustUse(mustUse)
                : rules.has("at-least-compounds") ? new TyreRule.AtLeastCompounds((int) r.number(rules, "at-least-compounds", 1, 10))
                : new TyreRule.FreeChoice();
        List<Driver> drivers = new ArrayList<>();
        Map<String, Double> penalties = new LinkedHashMap<>();
        for (JsonNode d : r.array(root, "drivers")) {
            String name = r.text(d, "name");
            if (d.has("time-penalty")) {
                penalties.put(name, r.number(d, "time-penalty", 0, 3600));
            }
            List<Stint> stints = new ArrayList<>();
            for (JsonNode s : r.array(d, "strategy")) {
                int from = (int) r.number(s, "from-lap", 1, laps);
                String compound = r.text(s, "compound");
                if (!tyres.containsKey(compound)) {
                    throw r.error(s, name + "'s strategy uses " + compound + ", which is not one of the tyres (" + String.join(", ", tyres.keySet()) + ")");
                }
                double saving = r.optional(s, "fuel-saving", 0, 0, Stint.MOST_SAVING * 100) / 100;
                if (saving > 0 && !c.has("fuel-saving-cost")) {
                    throw r.error(s, name + "'s strategy saves fuel, but the car says nothing of its cost: expected \"fuel-saving-cost:\" "
                            + "under car, the seconds a lap for each percent of the burn saved");
                }
                stints.add(new Stint(from - 1, compound, (int) r.optional(s, "tyre-age", 0), r.optional(s, "fuel", 0), saving));
            }
            if (stints.isEmpty() || stints.getFirst().inLap() != 0) {
                throw r.error(d, name + "'s strategy must start with a stint from lap 1");
            }
            drivers.add(new Driver(name, name, car, r.optional(d, "pace", 0), (int) r.number(d, "grid", 1, 1000), r.optional(d, "top-speed", 300),
                    r.optional(d, "cold-tyre-loss", 1.0), 0.25, 0.5, tyres, stints));
        }
        RaceSetup setup = new RaceSetup(laps, r.optional(root, "min-gap", 0.5), r.optional(root, "min-gap-sc", 0.8), r.optional(root, "duel-loss", 0.3),
                r.optional(root, "passed-loss", 0.3), r.optional(root, "drs-window", 1.0), OptionalInt.empty(), 2, track, drivers, List.of(), Map.of(),
                penalties);
        return new Race(root.path("race").asText(file.getFileName().toString()), setup,
                new RaceRegulations(tyreRule, fuelRule, file.getFileName() + " (rules)"),
                root.has("incidents") ? incidents(r, r.object(root, "incidents"), drivers) : Incidents.none());
    }

    /** {@code pit-work: simultaneous | sequential}: tyres changed while the car is refuelled, or one after the other. */
    private static Car.PitWork pitWork(Reader r, JsonNode rules) {
        JsonNode n = rules.get("pit-work");
        if (n == null) {
            return Car.PitWork.SIMULTANEOUS;
        }
        return switch (n.asText()) {
            case "simultaneous" -> Car.PitWork.SIMULTANEOUS;
            case "sequential" -> Car.PitWork.SEQUENTIAL;
            default -> throw r.wrong(rules, "pit-work", "expected \"pit-work:\" and simultaneous (tyres changed while refuelling) "
                    + "or sequential (one after the other), found " + n);
        };
    }

    /** {@code refuelling: required | allowed | forbidden}, or {@code true} (allowed) and {@code false}. */
    private static Refuelling refuelling(Reader r, JsonNode rules, boolean carRefuels) {
        JsonNode n = rules.get("refuelling");
        if (n == null) {
            return carRefuels ? Refuelling.ALLOWED : Refuelling.FORBIDDEN;
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? Refuelling.ALLOWED : Refuelling.FORBIDDEN;
        }
        return switch (n.asText()) {
            case "required" -> Refuelling.REQUIRED;
            case "allowed" -> Refuelling.ALLOWED;
            case "forbidden" -> Refuelling.FORBIDDEN;
            default -> throw r.wrong(rules, "refuelling", "expected \"refuelling:\" and required, allowed or forbidden, found " + n);
        };
    }

    /** The chances of the {@code incidents:} section, the same for every driver. */
    private static Incidents incidents(Reader r, JsonNode node, List<Driver> drivers) {
        double accident = r.optional(node, "accident", 0);
        double failure = r.optional(node, "failure", 0);
        for (String key : List.of("accident", "failure", "vsc-after-failure")) {
            double p = r.optional(node, key, 0);
            if (p < 0 || p > 1) {
                throw r.wrong(node, key, "expected \"" + key + ":\" and a probability from 0 to 1, found " + p);
            }
        }
        double[] starts = r.probabilities(node, "safety-car-start", new double[] {0.364, 0.136, 0.136, 0.08, 0.193, 0.091});
        if (starts.length != 6) {
            throw r.wrong(node, "safety-car-start", "expected six probabilities: the first lap, then each fifth of the race");
        }
        Map<String, Double> accidents = new LinkedHashMap<>();
        Map<String, Double> failures = new LinkedHashMap<>();
        drivers.forEach(d -> {
            accidents.put(d.initials(), accident);
            failures.put(d.initials(), failure);
        });
        return new Incidents(Map.of(), r.number(node, "lap-sigma", 0, 60), accidents, failures,
                r.probabilities(node, "safety-cars", new double[] {1}), starts, r.probabilities(node, "safety-car-laps", new double[] {1}),
                r.optional(node, "vsc-after-failure", 0), r.probabilities(node, "vsc-laps", new double[] {1}));
    }

    /** The line (1-based) of every value in the text, by its JSON pointer ({@code /drivers/0/grid}). */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new java.util.HashMap<>();
        try (com.fasterxml.jackson.core.JsonParser parser = YAML.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() != com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }

    /** The JSON pointer of every container node of the tree. */
    private static Map<JsonNode, String> paths(JsonNode root) {
        Map<JsonNode, String> paths = new java.util.IdentityHashMap<>();
        java.util.ArrayDeque<Map.Entry<JsonNode, String>> todo = new java.util.ArrayDeque<>();
        todo.add(Map.entry(root, ""));
        while (!todo.isEmpty()) {
            var e = todo.poll();
            paths.put(e.getKey(), e.getValue());
            if (e.getKey().isObject()) {
                e.getKey().fields().forEachRemaining(f -> todo.add(Map.entry(f.getValue(), e.getValue() + "/"
                        + f.getKey().replace("~", "~0").replace("/", "~1"))));
            } else if (e.getKey().isArray()) {
                for (int i = 0; i < e.getKey().size(); i++) {
                    todo.add(Map.entry(e.getKey().get(i), e.getValue() + "/" + i));
                }
            }
        }
        return paths;
    }

    /** Reads values, naming the file, the line and what was expected when one is wrong. */
    private record Reader(Path file, Map<String, Integer> lines, Map<JsonNode, String> paths) {

        /** The line of {@code parent}'s value at {@code key}, else of {@code parent} itself. */
        private int line(JsonNode parent, String key) {
            String at = paths.getOrDefault(parent, "");
            Integer line = key == null ? null : lines.get(at + "/" + key.replace("~", "~0").replace("/", "~1"));
            return line != null ? line : lines.getOrDefault(at, 1);
        }

        private StrategyInputException wrong(JsonNode parent, String key, String what) {
            return new StrategyInputException(file + ":" + line(parent, key) + ": " + what);
        }

        StrategyInputException error(JsonNode near, String what) {
            return wrong(near, null, what);
        }

        JsonNode object(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            if (n == null || !n.isObject()) {
                throw wrong(parent, key, "expected \"" + key + ":\" with its values");
            }
            return n;
        }

        JsonNode array(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            if (n == null || !n.isArray()) {
                throw wrong(parent, key, "expected \"" + key + ":\" and a list");
            }
            return n;
        }

        String text(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            if (n == null || !n.isValueNode() || n.asText().isBlank()) {
                throw wrong(parent, key, "expected \"" + key + ":\" and a name");
            }
            return n.asText().strip();
        }

        double number(JsonNode parent, String key, double min, double max) {
            JsonNode n = parent.get(key);
            if (n == null || !n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
                throw wrong(parent, key, "expected \"" + key + ":\" and a number from " + shown(min) + " to " + shown(max)
                        + ", found " + (n == null ? "nothing" : n.toString()));
            }
            return n.asDouble();
        }

        double optional(JsonNode parent, String key, double otherwise) {
            JsonNode n = parent.get(key);
            if (n == null) {
                return otherwise;
            }
            if (!n.isNumber()) {
                throw wrong(parent, key, "expected \"" + key + ":\" and a number, found " + n);
            }
            return n.asDouble();
        }

        /** A number from {@code min} to {@code max}, or {@code otherwise} when the key is absent. */
        double optional(JsonNode parent, String key, double otherwise, double min, double max) {
            return parent.has(key) ? number(parent, key, min, max) : otherwise;
        }

        /** A list of probabilities (each from 0 to 1), or {@code otherwise} when the key is absent. */
        double[] probabilities(JsonNode parent, String key, double[] otherwise) {
            JsonNode n = parent.get(key);
            if (n == null) {
                return otherwise;
            }
            if (!n.isArray() || n.isEmpty()) {
                throw wrong(parent, key, "expected \"" + key + ":\" and a list of probabilities like [0.9, 0.1]");
            }
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                if (!n.get(i).isNumber() || n.get(i).asDouble() < 0 || n.get(i).asDouble() > 1) {
                    throw wrong(parent, key, "expected \"" + key + ":\" and probabilities from 0 to 1, found " + n.get(i));
                }
                out[i] = n.get(i).asDouble();
            }
            return out;
        }

        private static String shown(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
