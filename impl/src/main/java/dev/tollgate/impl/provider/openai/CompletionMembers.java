package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads the members a Chat Completions response body and a stream chunk share: {@code id},
 * {@code model}, {@code service_tier} and {@code usage} into the response, {@code choices} through
 * the caller's reading, and whether the object reports an error instead ({@code error}, or
 * {@code "object": "error"} as vLLM sends it). Empty ids and model names, which Azure's first
 * chunk carries, are not taken.
 */
final class CompletionMembers {
    /** Reads the value of {@code choices}. */
    @FunctionalInterface
    interface Choices {
        /**
         * @param p the parser, on the event that starts the value
         * @param v that event
         * @return whether the value held a choice
         */
        boolean read(JsonParser p, Event v);
    }

    private boolean choice;
    private boolean error;
    private String errorText;

    private CompletionMembers() {
    }

    /**
     * @param p the parser, on the object's start
     * @param response receives what the members say
     * @param choices reads the choices
     * @return what was found besides
     */
    static CompletionMembers read(JsonParser p, ChatResponse.Builder response, Choices choices) {
        JsonReading.expectObject(p, p.next());
        CompletionMembers found = new CompletionMembers();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "id" -> nonEmpty(JsonReading.string(p, v), response::responseId);
                case "model" -> nonEmpty(JsonReading.string(p, v), response::model);
                case "service_tier" -> response.serviceTier(JsonReading.string(p, v));
                case "choices" -> found.choice |= choices.read(p, v);
                case "usage" -> OpenAiUsageReader.read(p, v, response);
                case "error" -> found.error(p, v);
                case "object" -> found.error |= "error".equals(JsonReading.string(p, v));
                default -> JsonReading.skip(p, v);
            }
        }
        return found;
    }

    private static void nonEmpty(String value, java.util.function.Consumer<String> target) {
        if (value != null && !value.isEmpty()) {
            target.accept(value);
        }
    }

    /** @return whether the object held a choice */
    boolean sawChoice() {
        return choice;
    }

    /** @return whether the object reports an error */
    boolean sawError() {
        return error;
    }

    /** @return the code and message of an {@code error} member, or {@code null} */
    String errorText() {
        return errorText;
    }

    private void error(JsonParser p, Event v) {
        if (v == Event.VALUE_NULL) {
            return;
        }
        error = true;
        if (v == Event.VALUE_STRING) {
            errorText = p.getString();
            return;
        }
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            errorText = "(no message)";
            return;
        }
        String code = null;
        String message = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "code" -> code = e == Event.VALUE_NUMBER || e == Event.VALUE_STRING ? p.getString() : skipped(p, e);
                case "message" -> message = JsonReading.string(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
        errorText = (code == null ? "" : code + " ") + (message == null ? "(no message)" : message);
    }

    private static String skipped(JsonParser p, Event e) {
        JsonReading.skip(p, e);
        return null;
    }
}
