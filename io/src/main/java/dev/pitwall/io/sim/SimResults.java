package dev.pitwall.io.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.io.InvalidInputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the result files games and their dedicated servers write, recognising the format by its content: Assetto
 * Corsa Competizione (UTF-16LE without a byte-order mark, or UTF-8) and Assetto Corsa server JSON, the rFactor XML
 * family, Automobilista 2 / Project CARS {@code sms_stats}, SecondMonitor exports, RaceRoom server JSON, the RACE 07
 * text family (RACE 07, GTR2, RaceRoom, F1 Challenge) and iRacing results JSON. A file may hold several sessions;
 * {@link #read} gives the last race among them. Nothing is taken from a file that cannot be read whole; the error names
 * the file and what is wrong.
 */
public final class SimResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KNOWN = "expected the results of Assetto Corsa Competizione, Assetto Corsa, rFactor 2 / rFactor / "
            + "Automobilista / Game Stock Car, Automobilista 2 / Project CARS, RaceRoom, RACE 07 / GTR2 / F1 Challenge, iRacing "
            + "or SecondMonitor";

    private SimResults() {
    }

    public static SimSession read(Path file) {
        return read(file, bytes(file));
    }

    /** Every session in a game's result file, in the file's order. */
    public static List<SimSession> readAll(Path file) {
        return readAll(file, bytes(file));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Whether these bytes look like a game's result file rather than one of Pitwall's own tables. */
    public static boolean isGameFile(byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return true; // UTF-16LE without a byte-order mark: ACC
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<rFactorXML") || head.contains("\"sessionType\"") || head.contains("\"TrackName\"")
                || head.contains("'sms_stats'") || head.contains("\"Sessions\"") || head.contains("\"session_results\"")
                || head.contains("\"SessionType\"") || Race07Reader.recognises(head);
    }

    /**
     * The session of a game's file that counts as its result: the last race, else the last session with results. When
     * the file holds more, a warning says which this is.
     */
    public static SimSession read(Path file, byte[] bytes) {
        List<SimSession> all = readAll(file, bytes);
        int chosen = all.size() - 1;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).session().equals("race") && !all.get(i).results().isEmpty()) {
                chosen = i;
                break;
            }
            if (chosen == all.size() - 1 && all.get(chosen).results().isEmpty() && !all.get(i).results().isEmpty()) {
                chosen = i;
            }
        }
        SimSession session = all.get(chosen);
        if (all.size() == 1) {
            return session;
        }
        List<String> warnings = new ArrayList<>();
        warnings.add("the file holds " + all.size() + " sessions (" + describe(all) + "); this is session " + (chosen + 1));
        warnings.addAll(session.warnings());
        return new SimSession(session.format(), session.session(), session.track(), session.results(), warnings);
    }

    /** {@code 1 practice, 2 qualifying, 3 race}. */
    public static String describe(List<SimSession> sessions) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            parts.add((i + 1) + " " + sessions.get(i).session());
        }
        return String.join(", ", parts);
    }

    /** Every session in a game's result file, from its bytes; {@code file} names it in errors. */
    public static List<SimSession> readAll(Path file, byte[] bytes) {
        String text = decode(file, bytes);
        if (text.stripLeading().startsWith("//")) {
            // The sms_stats container (Automobilista 2, Project CARS): comment lines around a JSON object.
            text = text.lines().map(l -> l.stripLeading().startsWith("//") ? "" : l).collect(java.util.stream.Collectors.joining("\n"));
        }
        String start = text.stripLeading();
        List<SimSession> sessions;
        if (start.startsWith("<?xml") || start.startsWith("<rFactorXML")) {
            if (!text.contains("</rFactorXML>")) {
                throw InvalidInputException.at(file, 0, "an rFactor results file without its closing </rFactorXML> (truncated?)");
            }
            sessions = List.of(RfactorReader.read(file, text));
        } else if (Race07Reader.recognises(start)) {
            sessions = Race07Reader.read(file, text);
        } else if (start.startsWith("{")) {
            sessions = json(file, text);
        } else {
            throw InvalidInputException.at(file, 0, "not a result file Pitwall knows: " + KNOWN);
        }
        return sessions.stream().map(SimResults::withClasses).toList();
    }

    private static List<SimSession> json(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InvalidInputException.at(file, line, "not well-formed JSON (truncated?): " + e.getOriginalMessage());
        }
        if (root.has("sessionType") && root.has("trackName")) {
            return List.of(AccReader.read(file, root));
        }
        if (root.has("TrackName") && root.has("Type")) {
            return List.of(AcServerReader.read(file, root));
        }
        if (root.path("stats").has("history")) {
            return Ams2Reader.read(file, root);
        }
        if (RaceRoomReader.recognises(root)) {
            return RaceRoomReader.read(file, root);
        }
        if (IRacingReader.recognises(root)) {
            return IRacingReader.read(file, root);
        }
        if (SecondMonitorReader.recognises(root)) {
            return SecondMonitorReader.read(file, root);
        }
        throw InvalidInputException.at(file, 1, "not a result file Pitwall knows: " + KNOWN + " (found JSON with none of their keys)");
    }

    /** The classification within each class, where the session has more than one. */
    private static SimSession withClasses(SimSession s) {
        List<String> warnings = new ArrayList<>(s.warnings());
        List<SimEntry> results = Classify.classPositions(s.results(), warnings);
        return new SimSession(s.format(), s.session(), s.track(), results, warnings);
    }

    /**
     * UTF-16LE with or without a byte-order mark (ACC writes it without), else UTF-8; an XML or INI-style text file
     * that is not valid UTF-8 is read as Latin-1, as the rFactor and RACE 07 games write it whatever they declare.
     */
    public static String decode(Path file, byte[] bytes) {
        int xmlStart = 0;
        while (xmlStart < bytes.length && Character.isWhitespace(bytes[xmlStart])) {
            xmlStart++;
        }
        if (xmlStart < bytes.length && (bytes[xmlStart] == '<' || bytes[xmlStart] == '[')) {
            try {
                return strict(file, bytes, 0, StandardCharsets.UTF_8);
            } catch (InvalidInputException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strict(file, bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return strict(file, bytes, 0, StandardCharsets.UTF_16LE);
        }
        int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return strict(file, bytes, skip, StandardCharsets.UTF_8);
    }

    private static String strict(Path file, byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.at(file, 0, "expected " + charset.name() + " text (the encoding this file starts in), "
                    + "found bytes that are not");
        }
    }

    /** A JSON member's text, when it is a non-blank value. */
    static java.util.Optional<String> text(JsonNode node, String key) {
        JsonNode n = node.get(key);
        return n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(n.asText().strip());
    }

    static InvalidInputException missing(Path file, String what) {
        return InvalidInputException.at(file, 0, "expected " + what + ", which the file does not have");
    }
}
