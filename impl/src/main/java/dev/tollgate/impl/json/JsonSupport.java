package dev.tollgate.impl.json;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON-P factories, looked up once: {@link JsonProvider#provider()} searches the class path
 * on every call, which the hot path cannot afford.
 *
 * <p>Parsers read strings and generators write to writers: a JSON-P reader or writer over a byte
 * stream decodes through an 8 KB buffer of its own, many times the size of a typical request,
 * answer or stream event.
 */
public final class JsonSupport {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    private JsonSupport() {
    }

    /** @return the JSON-P provider */
    public static JsonProvider provider() {
        return PROVIDER;
    }

    /**
     * @param body UTF-8 JSON
     * @return a streaming parser over it
     */
    public static JsonParser parser(byte[] body) {
        return parser(new String(body, StandardCharsets.UTF_8));
    }

    /**
     * @param json JSON text
     * @return a streaming parser over it
     */
    public static JsonParser parser(String json) {
        return PARSERS.createParser(new StringReader(json));
    }

    /**
     * @param out where the JSON text is written
     * @return a streaming generator
     */
    public static JsonGenerator generator(Writer out) {
        return GENERATORS.createGenerator(out);
    }

    /**
     * Writes a free-form value as a named member of the current object.
     *
     * @param g the generator, inside an object
     * @param name the member name
     * @param value a {@link String}, {@link Number}, {@link Boolean}, {@code null}, {@link List} or
     *     {@link Map} with string keys, nested freely
     * @throws IllegalArgumentException for any other type
     */
    public static void write(JsonGenerator g, String name, Object value) {
        g.writeKey(name);
        write(g, value);
    }

    /**
     * Writes a free-form value at the current position.
     *
     * @param g the generator
     * @param value see {@link #write(JsonGenerator, String, Object)}
     */
    public static void write(JsonGenerator g, Object value) {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.write(s);
        } else if (value instanceof Boolean b) {
            g.write(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            g.write(((Number) value).longValue());
        } else if (value instanceof BigInteger bi) {
            g.write(bi);
        } else if (value instanceof BigDecimal bd) {
            g.write(bd);
        } else if (value instanceof Number n) {
            g.write(n.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map keys must be strings: " + e.getKey());
                }
                write(g, key, e.getValue());
            }
            g.writeEnd();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                write(g, item);
            }
            g.writeEnd();
        } else {
            throw new IllegalArgumentException("unsupported JSON value type " + value.getClass().getName());
        }
    }
}
