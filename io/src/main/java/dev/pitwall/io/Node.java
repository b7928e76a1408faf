package dev.pitwall.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML or JSON document as a tree that remembers the line of every value, so that every complaint
 * about a hand-written file can say where to look.
 */
sealed interface Node {

    Path file();

    int line();

    /** What the value looks like, for "found ..." in error messages. */
    String shown();

    record Scalar(Path file, int line, String text, boolean quoted) implements Node {
        @Override
        public String shown() {
            return "\"" + text + "\"";
        }
    }

    record Sequence(Path file, int line, List<Node> items) implements Node {
        @Override
        public String shown() {
            return "a list";
        }
    }

    record Mapping(Path file, int line, Map<String, Node> fields) implements Node {
        @Override
        public String shown() {
            return "a mapping";
        }

        Optional<Node> get(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        Node require(String key, String expected) {
            Node n = fields.get(key);
            if (n == null || n instanceof Empty) {
                throw error(this, "expected \"" + key + ":\" (" + expected + ")");
            }
            return n;
        }

        /** Rejects keys the format does not know, naming the ones it does (catches typos). */
        void allowOnly(Set<String> keys) {
            for (var entry : fields.entrySet()) {
                if (!keys.contains(entry.getKey())) {
                    throw error(entry.getValue(), "unknown key \"" + entry.getKey() + "\"; expected one of: "
                            + String.join(", ", keys.stream().sorted().toList()));
                }
            }
        }
    }

    record Empty(Path file, int line) implements Node {
        @Override
        public String shown() {
            return "nothing";
        }
    }

    static InvalidInputException error(Node at, String message) {
        return InvalidInputException.at(at.file(), at.line(), message);
    }

    static Mapping mapping(Node node, String expected) {
        if (node instanceof Mapping m) {
            return m;
        }
        throw error(node, "expected " + expected + ", found " + node.shown());
    }

    static List<Node> sequence(Node node, String expected) {
        if (node instanceof Sequence s) {
            return s.items();
        }
        throw error(node, "expected " + expected + ", found " + node.shown());
    }

    static String text(Node node, String expected) {
        if (node instanceof Scalar s && !s.text().isBlank()) {
            return s.text().strip();
        }
        throw error(node, "expected " + expected + ", found " + node.shown());
    }

    static int integer(Node node, String expected) {
        String t = text(node, expected);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error(node, "expected " + expected + ", found " + node.shown());
        }
    }

    static Node parseYaml(Path file, Reader reader) {
        return parse(file, reader, new YAMLFactory());
    }

    static Node parseJson(Path file, Reader reader) {
        return parse(file, reader, new JsonFactory());
    }

    private static Node parse(Path file, Reader reader, JsonFactory factory) {
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Empty(file, 1);
            }
            Node root = read(file, parser);
            if (parser.nextToken() != null) {
                throw InvalidInputException.at(file, line(parser), "expected the end of the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InvalidInputException.at(file, line, "not well-formed: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidInputException.at(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Node read(Path file, JsonParser parser) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    Node value = read(file, parser);
                    if (fields.put(key, value) != null) {
                        throw InvalidInputException.at(file, keyLine, "key \"" + key + "\" appears twice");
                    }
                }
                yield new Mapping(file, line, Collections.unmodifiableMap(fields));
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(file, parser));
                }
                yield new Sequence(file, line, List.copyOf(items));
            }
            case VALUE_NULL -> new Empty(file, line);
            case VALUE_STRING -> new Scalar(file, line, parser.getText(), true);
            default -> new Scalar(file, line, parser.getText(), false);
        };
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
