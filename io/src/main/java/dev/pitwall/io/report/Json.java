package dev.pitwall.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.pitwall.core.model.Points;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Pitwall's JSON: reports as they are, points as exact numbers ({@code 12}, {@code 0.5}), or as a string
 * such as {@code "1/7"} for the rare value without a finite decimal form.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("pitwall").addSerializer(Points.class, new PointsSerializer()))
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    public static String write(Object report) {
        try {
            return MAPPER.writeValueAsString(report) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On one line, for event streams and logs. */
    public static String compact(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static final class PointsSerializer extends StdSerializer<Points> {
        PointsSerializer() {
            super(Points.class);
        }

        @Override
        public void serialize(Points value, JsonGenerator gen, com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
            var decimal = value.toDecimal();
            if (decimal.isPresent()) {
                gen.writeNumber(decimal.get());
            } else {
                gen.writeString(value.toString());
            }
        }
    }
}
