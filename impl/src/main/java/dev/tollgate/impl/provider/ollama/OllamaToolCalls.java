package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.List;
import java.util.Map;

/**
 * Ollama's tool shapes: a tool definition {@code {"type": "function", "function": {name,
 * description, parameters}}} and a tool call {@code {"id"?, "function": {"index"?, "name",
 * "arguments": {...}}}} whose arguments are a JSON object, where a {@link ToolCall} carries JSON
 * text.
 *
 * <p>Ollama versions before tool call ids (and models whose template has none) answer calls
 * without an {@code id}. Such a call gets a stable id derived from its place in the answer:
 * {@code call_0} for the first call of the answer, {@code call_1} for the second, and so on; the
 * same answer always gives the same ids, and a tool result names its call by it.
 */
final class OllamaToolCalls {
    private static final String DERIVED_ID_PREFIX = "call_";

    private OllamaToolCalls() {
    }

    /**
     * A tool call as the answer holds it.
     *
     * @param id Ollama's id of the call, or {@code null} if it gave none
     * @param name the function's name
     * @param arguments the arguments as compact JSON text
     */
    record Call(String id, String name, String arguments) {
        /**
         * @param position the call's place among the answer's calls, from 0
         * @return the call, with Ollama's id or one derived from the position
         */
        ToolCall toToolCall(int position) {
            return new ToolCall(id != null && !id.isEmpty() ? id : DERIVED_ID_PREFIX + position, name, arguments);
        }
    }

    /**
     * @param p the parser, after the {@code START_OBJECT} of a tool call
     * @return the call
     * @throws JsonParsingException if the call names no function
     */
    static Call read(JsonParser p) {
        Reading r = new Reading();
        JsonReading.members(p, Event.START_OBJECT, (key, v) -> {
            switch (key) {
                case "id" -> r.id = JsonReading.string(p, v);
                case "function" -> JsonReading.members(p, v, (name, e) -> r.readFunction(p, name, e));
                default -> JsonReading.skip(p, v);
            }
        });
        if (r.name == null || r.name.isEmpty()) {
            throw new JsonParsingException("a tool call without a function name", p.getLocation());
        }
        return new Call(r.id, r.name, r.arguments);
    }

    /** The members of a call found so far. */
    private static final class Reading {
        private String id;
        private String name;
        private String arguments = "{}";

        private void readFunction(JsonParser p, String key, Event v) {
            if (key.equals("name")) {
                name = JsonReading.string(p, v);
            } else if (key.equals("arguments") && v == Event.START_OBJECT) {
                arguments = p.getObject().toString();
            } else if (key.equals("arguments") && v == Event.VALUE_STRING) {
                arguments = p.getString();
            } else {
                JsonReading.skip(p, v);
            }
        }
    }

    /**
     * @param call a call of an earlier answer
     * @return its arguments as the object Ollama takes back
     * @throws JsonParsingException if they are not one JSON object
     */
    static JsonObject arguments(ToolCall call) {
        return JsonReading.object(call.arguments(), "arguments object");
    }

    /**
     * @param g the generator, inside an assistant message
     * @param calls the message's calls, not empty
     * @param arguments each call's {@linkplain #arguments(ToolCall) arguments}
     */
    static void writeCalls(JsonGenerator g, List<ToolCall> calls, Map<ToolCall, JsonObject> arguments) {
        g.writeStartArray("tool_calls");
        for (ToolCall call : calls) {
            g.writeStartObject()
                    .write("id", call.id())
                    .writeStartObject("function")
                    .write("name", call.name())
                    .write("arguments", arguments.get(call))
                    .writeEnd()
                    .writeEnd();
        }
        g.writeEnd();
    }
}
