package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads Cohere's tool calls, {@code {"id", "type": "function", "function": {name, arguments}}}
 * whose {@code arguments} is JSON text, as a {@link ToolCall} carries it. Tools and calls are
 * written in the same function form by {@link dev.tollgate.impl.provider.FunctionTools}.
 */
final class CohereToolCalls {
    private CohereToolCalls() {
    }

    /**
     * What a tool call object holds; in a stream, {@code tool-call-start} holds the id and name and
     * each {@code tool-call-delta} a piece of the arguments.
     *
     * @param id the call's id, or {@code null}
     * @param name the function's name, or {@code null}
     * @param arguments the arguments or a piece of them, or {@code null}
     */
    record Part(String id, String name, String arguments) {
    }

    /**
     * @param p the parser, after the {@code START_OBJECT} of a tool call
     * @return what the object holds
     */
    static Part read(JsonParser p) {
        Reading r = new Reading();
        JsonReading.members(p, Event.START_OBJECT, (key, v) -> {
            switch (key) {
                case "id" -> r.id = JsonReading.string(p, v);
                case "function" -> JsonReading.members(p, v, (name, e) -> r.readFunction(p, name, e));
                default -> JsonReading.skip(p, v);
            }
        });
        return new Part(r.id, r.name, r.arguments);
    }

    /** The members of a call found so far. */
    private static final class Reading {
        private String id;
        private String name;
        private String arguments;

        private void readFunction(JsonParser p, String key, Event v) {
            switch (key) {
                case "name" -> name = JsonReading.string(p, v);
                case "arguments" -> arguments = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
    }

    /**
     * @param id the call's id
     * @param name the function's name
     * @param arguments the arguments, empty or {@code null} for a call without them
     * @return the call
     * @throws IllegalStateException if the id or the name is missing
     */
    static ToolCall call(String id, String name, String arguments) {
        if (id == null || id.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalStateException("a tool call without an id or a function name");
        }
        return new ToolCall(id, name, arguments == null || arguments.isBlank() ? "{}" : arguments);
    }
}
