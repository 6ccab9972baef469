package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the {@code tool_calls} of an answer: whole calls from a response's {@code message}, or
 * the fragments a stream's {@code delta}s carry, joined by their {@code index} (the first fragment
 * of a call brings its {@code id} and {@code function.name}, every fragment a piece of
 * {@code function.arguments}).
 *
 * <p>Compatible servers vary: a fragment without {@code index} continues the call of its
 * {@code id}, or the last call if it has none; {@code arguments} given as a JSON object (Mistral
 * accepts both) are taken as its text; a call whose arguments are empty has the arguments
 * {@code {}}, and one without an id the id {@code ""}. A call without a function name is malformed.
 */
final class OpenAiToolCalls {
    /** One element of a {@code tool_calls} array, whole or a fragment. */
    record Part(Integer index, String id, String name, String arguments) {
    }

    private static final class Pending {
        private final Integer index;
        private String id;
        private String name;
        private final StringBuilder arguments = new StringBuilder();

        Pending(Integer index) {
            this.index = index;
        }
    }

    private final List<Pending> calls = new ArrayList<>();

    /**
     * @param p the parser, on the event that starts the {@code tool_calls} value
     * @param v that event; a {@code null} is no call
     * @return the elements of the array, in order
     */
    static List<Part> parts(JsonParser p, Event v) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return List.of();
        }
        List<Part> parts = new ArrayList<>();
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                parts.add(part(p));
            } else {
                JsonReading.skip(p, e);
            }
        }
        return parts;
    }

    private static Part part(JsonParser p) {
        Integer index = null;
        String id = null;
        String[] function = {null, null};
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "index" -> index = v == Event.VALUE_NUMBER ? p.getInt() : null;
                case "id" -> id = JsonReading.string(p, v);
                case "function" -> function(p, v, function);
                default -> JsonReading.skip(p, v);
            }
        }
        return new Part(index, id, function[0], function[1]);
    }

    private static void function(JsonParser p, Event v, String[] nameAndArguments) {
        JsonReading.members(p, v, (key, e) -> {
            switch (key) {
                case "name" -> nameAndArguments[0] = JsonReading.string(p, e);
                case "arguments" -> nameAndArguments[1] = e == Event.START_OBJECT ? p.getObject().toString()
                        : JsonReading.string(p, e);
                default -> JsonReading.skip(p, e);
            }
        });
    }

    /** @param part a whole call, added as a call of its own */
    void add(Part part) {
        Pending call = new Pending(part.index());
        calls.add(call);
        update(call, part);
    }

    /** @param part a fragment, joined to the call it continues or starting a new one */
    void join(Part part) {
        Pending call = continued(part);
        if (call == null) {
            add(part);
        } else {
            update(call, part);
        }
    }

    private Pending continued(Part part) {
        for (Pending call : calls) {
            if (part.index() != null ? part.index().equals(call.index)
                    : part.id() != null && part.id().equals(call.id)) {
                return call;
            }
        }
        boolean startsAnother = part.index() != null || part.id() != null;
        return startsAnother || calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }

    private static void update(Pending call, Part part) {
        if (part.id() != null && !part.id().isEmpty()) {
            call.id = part.id();
        }
        if (part.name() != null && !part.name().isEmpty()) {
            call.name = call.name == null ? part.name() : call.name;
        }
        if (part.arguments() != null) {
            call.arguments.append(part.arguments());
        }
    }

    /**
     * @return the calls, in order
     * @throws IllegalStateException if a call has no function name
     */
    List<ToolCall> calls() {
        for (Pending call : calls) {
            if (call.name == null) {
                throw new IllegalStateException("a tool call without a function name");
            }
        }
        return named();
    }

    /** @return the calls whose function name is known so far, in order */
    List<ToolCall> named() {
        List<ToolCall> result = new ArrayList<>(calls.size());
        for (Pending call : calls) {
            if (call.name == null) {
                continue;
            }
            String arguments = call.arguments.toString();
            result.add(new ToolCall(call.id == null ? "" : call.id, call.name, arguments.isBlank() ? "{}" : arguments));
        }
        return result;
    }
}
