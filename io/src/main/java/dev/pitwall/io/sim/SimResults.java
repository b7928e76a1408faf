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

/**
 * Reads the result files games and their dedicated servers write, recognising the format by its content:
 * Assetto Corsa Competizione server JSON (UTF-16LE without a byte-order mark, or UTF-8) and Assetto Corsa
 * server JSON. Nothing is taken from a file that cannot be read whole; the error names the file and what is wrong.
 */
public final class SimResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimResults() {
    }

    public static SimSession read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
        return read(file, bytes);
    }

    /** Whether these bytes look like a game's result file rather than one of Pitwall's own tables. */
    public static boolean isGameFile(byte[] bytes) {
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return true; // UTF-16LE without a byte-order mark: ACC
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<rFactorXML") || head.contains("\"sessionType\"") || head.contains("\"TrackName\"")
                || head.contains("'sms_stats'");
    }

    /** Reads a game's result file from its bytes; {@code file} names it in errors. */
    public static SimSession read(Path file, byte[] bytes) {
        String text = decode(file, bytes);
        if (text.stripLeading().startsWith("//")) {
            // The sms_stats container (Automobilista 2, Project CARS): comment lines around a JSON object.
            text = text.lines().map(l -> l.stripLeading().startsWith("//") ? "" : l).collect(java.util.stream.Collectors.joining("\n"));
        }
        String start = text.stripLeading();
        if (start.startsWith("<?xml") || start.startsWith("<rFactorXML")) {
            if (!text.contains("</rFactorXML>")) {
                throw InvalidInputException.at(file, 0, "an rFactor results file without its closing </rFactorXML> (truncated?)");
            }
            return RfactorReader.read(file, text);
        }
        if (!start.startsWith("{")) {
            throw InvalidInputException.at(file, 0, "not a result file Pitwall knows: expected the JSON of an Assetto Corsa "
                    + "Competizione or Assetto Corsa server, or rFactor XML");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InvalidInputException.at(file, line, "not well-formed JSON (truncated?): " + e.getOriginalMessage());
        }
        if (root.has("sessionType") && root.has("trackName")) {
            return AccReader.read(file, root);
        }
        if (root.has("TrackName") && root.has("Type")) {
            return AcServerReader.read(file, root);
        }
        if (root.path("stats").has("history")) {
            return Ams2Reader.read(file, root);
        }
        throw InvalidInputException.at(file, 1, "not a result file Pitwall knows: expected sessionType and trackName "
                + "(Assetto Corsa Competizione) or TrackName and Type (Assetto Corsa server)");
    }

    /**
     * UTF-16LE with or without a byte-order mark (ACC writes it without), else UTF-8; an XML file that is not valid
     * UTF-8 is read as Latin-1, as the rFactor games write it whatever they declare.
     */
    public static String decode(Path file, byte[] bytes) {
        int xmlStart = 0;
        while (xmlStart < bytes.length && Character.isWhitespace(bytes[xmlStart])) {
            xmlStart++;
        }
        if (xmlStart < bytes.length && bytes[xmlStart] == '<') {
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

    static InvalidInputException missing(Path file, String what) {
        return InvalidInputException.at(file, 0, "expected " + what + ", which the file does not have");
    }
}
