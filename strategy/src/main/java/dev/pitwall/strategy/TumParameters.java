package dev.pitwall.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads a race parameter file of TUM's race simulation ({@code pars_<Track>_<Season>.ini}, LGPL-3.0, TU Munich): INI
 * sections each holding one key whose value is JSON over indented lines. The race comes with its real strategies,
 * cautions and retirements, as TUM's deterministic mode runs it.
 */
public final class TumParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TumParameters() {
    }

    /** The season and track of a file, and the race ready to simulate. */
    public record TumRace(int season, String track, RaceSetup setup, Map<String, Integer> carNumbers) {
    }

    public static TumRace read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrategyInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, JsonNode> sections = sections(file, text);
        JsonNode race = require(file, sections, "RACE_PARS");
        JsonNode track = require(file, sections, "TRACK_PARS");
        JsonNode cars = require(file, sections, "CAR_PARS");
        JsonNode tyres = require(file, sections, "TIRESET_PARS");
        JsonNode driverPars = require(file, sections, "DRIVER_PARS");
        JsonNode events = require(file, sections, "EVENT_PARS");

        Track t = new Track(track.path("name").asText(), number(file, track, "t_q") + number(file, track, "t_gap_racepace"),
                number(file, track, "t_lap_sens_mass"), number(file, track, "t_pitdrive_inlap"), number(file, track, "t_pitdrive_outlap"),
                number(file, track, "t_pitdrive_inlap_fcy"), number(file, track, "t_pitdrive_outlap_fcy"),
                number(file, track, "t_pitdrive_inlap_sc"), number(file, track, "t_pitdrive_outlap_sc"),
                track.path("pits_aft_finishline").asBoolean(true), number(file, track, "t_pit_tirechange_min"),
                number(file, track, "t_loss_pergridpos"), number(file, track, "t_loss_firstlap"), number(file, track, "t_gap_overtake"),
                // null in the Kuala Lumpur files: no correction for top speed there.
                track.path("t_gap_overtake_vel").isNumber() ? track.path("t_gap_overtake_vel").asDouble() : 0.0,
                track.path("t_drseffect").isNumber() ? track.path("t_drseffect").asDouble() : 0.0, number(file, track, "mult_t_lap_sc"),
                number(file, track, "mult_t_lap_fcy"));
        Map<String, Car> carByTeam = new HashMap<>();
        cars.fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            carByTeam.put(e.getKey(), new Car(e.getKey(), number(file, c, "t_car"), number(file, c, "m_fuel"), number(file, c, "b_fuel_perlap"),
                    number(file, c, "mult_consumption_sc"), number(file, c, "mult_consumption_fcy"), number(file, c, "t_pit_tirechange_add"),
                    c.path("t_pit_refuel_perkg").isNumber() ? OptionalDouble.of(c.path("t_pit_refuel_perkg").asDouble()) : OptionalDouble.empty()));
        });
        List<Driver> drivers = new ArrayList<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (JsonNode p : race.path("participants")) {
            String initials = p.asText();
            JsonNode d = driverPars.path(initials);
            JsonNode ts = tyres.path(initials);
            if (d.isMissingNode() || ts.isMissingNode()) {
                throw new StrategyInputException(file + ": participant " + initials + " has no DRIVER_PARS or TIRESET_PARS entry");
            }
            Map<String, Degradation> degradation = new HashMap<>();
            String model = ts.path("tire_deg_model").asText("lin");
            ts.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    JsonNode k = e.getValue();
                    degradation.put(e.getKey(), switch (model) {
                        case "quad" -> new Degradation.Quadratic(k.path("k_0").asDouble(), k.path("k_1_quad").asDouble(), k.path("k_2_quad").asDouble());
                        case "ln" -> new Degradation.Logarithmic(k.path("k_0").asDouble(), k.path("k_1_ln").asDouble(), k.path("k_2_ln").asDouble());
                        default -> new Degradation.Linear(k.path("k_0").asDouble(), k.path("k_1_lin").asDouble());
                    });
                }
            });
            List<Stint> strategy = new ArrayList<>();
            for (JsonNode s : d.path("strategy_info")) {
                strategy.add(new Stint(s.get(0).asInt(), s.get(1).asText(), s.get(2).asInt(), s.get(3).asDouble()));
            }
            Car car = carByTeam.get(d.path("team").asText());
            if (car == null) {
                throw new StrategyInputException(file + ": " + initials + "'s team " + d.path("team").asText() + " has no CAR_PARS entry");
            }
            drivers.add(new Driver(initials, d.path("name").asText(), car, number(file, d, "t_driver"), d.path("p_grid").asInt(),
                    number(file, d, "vel_max"), number(file, ts, "t_add_coldtires"), number(file, ts, "mult_tiredeg_sc"),
                    number(file, ts, "mult_tiredeg_fcy"), degradation, strategy));
            numbers.put(initials, d.path("carno").asInt());
        }
        List<Caution> cautions = new ArrayList<>();
        for (JsonNode phase : events.path("fcy_data").path("phases")) {
            cautions.add(new Caution(phase.get(2).asText().equals("SC") ? Caution.Kind.SAFETY_CAR : Caution.Kind.VIRTUAL_SAFETY_CAR,
                    phase.get(0).asDouble(), phase.get(1).asDouble()));
        }
        Map<String, Double> retirements = new HashMap<>();
        for (JsonNode r : events.path("retire_data").path("retirements")) {
            retirements.put(r.get(0).asText(), r.get(1).asDouble());
        }
        RaceSetup setup = new RaceSetup(race.path("tot_no_laps").asInt(), number(file, race, "min_t_dist"), number(file, race, "min_t_dist_sc"),
                number(file, race, "t_duel"), number(file, race, "t_overtake_loser"), race.path("drs_window").asDouble(1.0),
                race.path("use_drs").asBoolean(false) && race.path("drs_allow_lap").isInt()
                        ? OptionalInt.of(race.path("drs_allow_lap").asInt()) : OptionalInt.empty(),
                race.path("drs_sc_delay").asInt(0), t, drivers, cautions, retirements);
        // TUM times the cautions by its reference driver's run alone.
        JsonNode monteCarlo = sections.get("MONTE_CARLO_PARS");
        if (monteCarlo != null && monteCarlo.path("ref_driver").isTextual()) {
            setup = setup.withReferenceDriver(monteCarlo.path("ref_driver").asText());
        }
        return new TumRace(race.path("season").asInt(), t.name(), setup, numbers);
    }

    /**
     * The chances of a TUM race from TUM's Monte Carlo file ({@code pars_mcs.ini}): each driver's lap-time sigma and
     * accident probability (by full name, else TUM's "unknown" entry), each team's failure probability for the season,
     * and the safety-car and virtual-safety-car statistics of all seasons.
     */
    public static Incidents incidents(Path mcsFile, TumRace race) {
        String text;
        try {
            text = Files.readString(mcsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StrategyInputException(mcsFile + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, JsonNode> values = new HashMap<>(); // "SECTION.key"
        String section = "";
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = stripped.substring(1, stripped.length() - 1);
                continue;
            }
            int eq = stripped.indexOf('=');
            if (eq < 0) {
                throw new StrategyInputException(mcsFile + ":" + lineNumber + ": expected \"key = value\"");
            }
            try {
                values.put(section + "." + stripped.substring(0, eq).strip(), JSON.readTree(stripped.substring(eq + 1)));
            } catch (JsonProcessingException e) {
                throw new StrategyInputException(mcsFile + ":" + lineNumber + ": not valid JSON: " + e.getOriginalMessage());
            }
        }
        String season = "SEASON_" + race.season();
        JsonNode accidents = mcs(mcsFile, values, season + ".p_accident");
        JsonNode failures = mcs(mcsFile, values, season + ".p_failure");
        JsonNode sigmas = mcs(mcsFile, values, "ALL_SEASONS.t_lap_var_sigma");
        JsonNode fcy = mcs(mcsFile, values, "ALL_SEASONS.p_fcy_phases");
        Map<String, Double> sigma = new HashMap<>();
        Map<String, Double> accident = new HashMap<>();
        Map<String, Double> failure = new HashMap<>();
        for (Driver d : race.setup().drivers()) {
            sigma.put(d.initials(), sigmas.path(d.name()).asDouble(sigmas.path("unknown").asDouble(0.625)));
            accident.put(d.initials(), accidents.path(d.name()).asDouble(accidents.path("unknown").asDouble(0)));
            failure.put(d.initials(), failures.path(d.car().team()).asDouble(0));
        }
        return new Incidents(sigma, sigmas.path("unknown").asDouble(0.625), accident, failure, doubles(fcy.path("p_sc_quant")),
                doubles(fcy.path("p_sc_start")), doubles(fcy.path("p_sc_duration")), fcy.path("p_vsc_aft_failure").asDouble(0),
                doubles(fcy.path("p_vsc_duration")));
    }

    private static JsonNode mcs(Path file, Map<String, JsonNode> values, String key) {
        JsonNode n = values.get(key);
        if (n == null || !n.isObject()) {
            throw new StrategyInputException(file + ": expected " + key.replace(".", "] ").replaceFirst("^", "[") + " = {...}");
        }
        return n;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Section name to its one key's JSON value. */
    private static Map<String, JsonNode> sections(Path file, String text) {
        Map<String, StringBuilder> raw = new LinkedHashMap<>();
        Map<String, Integer> startLine = new HashMap<>();
        StringBuilder current = null;
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.isEmpty()) {
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                current = new StringBuilder();
                String name = stripped.substring(1, stripped.length() - 1);
                raw.put(name, current);
                startLine.put(name, lineNumber);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<String, JsonNode> out = new HashMap<>();
        for (var e : raw.entrySet()) {
            String body = e.getValue().toString();
            int eq = body.indexOf('=');
            if (eq < 0) {
                throw new StrategyInputException(file + ":" + startLine.get(e.getKey()) + ": section [" + e.getKey()
                        + "] has no \"key = value\"");
            }
            try {
                out.put(e.getKey(), JSON.readTree(body.substring(eq + 1)));
            } catch (JsonProcessingException ex) {
                throw new StrategyInputException(file + ":" + startLine.get(e.getKey()) + ": section [" + e.getKey()
                        + "] is not valid JSON: " + ex.getOriginalMessage());
            }
        }
        return out;
    }

    private static JsonNode require(Path file, Map<String, JsonNode> sections, String name) {
        JsonNode node = sections.get(name);
        if (node == null) {
            throw new StrategyInputException(file + ": expected a [" + name + "] section");
        }
        return node;
    }

    private static double number(Path file, JsonNode node, String key) {
        JsonNode n = node.get(key);
        if (n == null || !n.isNumber()) {
            throw new StrategyInputException(file + ": expected a number for " + key + ", found " + (n == null ? "nothing" : n));
        }
        return n.asDouble();
    }
}
