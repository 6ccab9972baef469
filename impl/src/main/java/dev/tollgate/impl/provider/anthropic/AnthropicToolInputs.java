package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringWriter;

/**
 * The {@code input} of a {@code tool_use} block as the compact JSON text a
 * {@link dev.tollgate.api.ToolCall} carries.
 */
final class AnthropicToolInputs {
    private AnthropicToolInputs() {
    }

    /**
     * @param p the parser, on the {@code START_OBJECT} of an {@code input}
     * @return the object as compact JSON
     */
    static String read(JsonParser p) {
        return compact(p.getObject());
    }

    /**
     * @param json a streamed {@code input}: the {@code partial_json} pieces joined; empty for a tool
     *     called without input
     * @return the object as compact JSON
     * @throws JsonParsingException if the pieces do not make one JSON object
     */
    static String joined(String json) {
        if (json.isBlank()) {
            return "{}";
        }
        return compact(JsonReading.object(json, "tool input"));
    }

    private static String compact(JsonValue value) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JsonSupport.generator(out)) {
            g.write(value);
        }
        return out.toString();
    }
}
