package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * The fields of one event of a Cohere v2 Chat stream that a {@link CohereStreamHandler} uses, read
 * from the event's data with the streaming parser. Each is {@code null} (the index -1) where the
 * event has none.
 *
 * @param type the data's {@code type}
 * @param id the response id of {@code message-start}
 * @param index the {@code index} of a content block or tool call
 * @param text {@code delta.message.content.text}; a thinking block's
 *     {@code delta.message.content.thinking} is left out
 * @param toolPlan {@code delta.message.tool_plan}
 * @param call {@code delta.message.tool_calls}, one call or a piece of one
 * @param finishReason {@code delta.finish_reason}
 * @param usage {@code delta.usage}
 * @param error {@code delta.error}, what went wrong during the generation
 */
record CohereStreamEvent(String type, String id, int index, String text, String toolPlan,
        CohereToolCalls.Part call, String finishReason, Usage usage, String error) {

    /**
     * @param data the event's data, UTF-8 JSON
     * @return its fields
     * @throws JsonParsingException if the data is not a JSON object
     */
    static CohereStreamEvent read(String data) {
        Reading r = new Reading();
        try (JsonParser p = JsonSupport.parser(data)) {
            JsonReading.expectObject(p, p.next());
            JsonReading.members(p, Event.START_OBJECT, (key, v) -> {
                switch (key) {
                    case "type" -> r.type = JsonReading.string(p, v);
                    case "id" -> r.id = JsonReading.string(p, v);
                    case "index" -> r.index = v == Event.VALUE_NUMBER ? p.getInt() : -1;
                    case "delta" -> r.delta(p, v);
                    default -> JsonReading.skip(p, v);
                }
            });
        }
        return new CohereStreamEvent(r.type, r.id, r.index, r.text, r.toolPlan, r.call, r.finishReason, r.usage,
                r.error);
    }

    /** The fields found so far. */
    private static final class Reading {
        private String type;
        private String id;
        private int index = -1;
        private String text;
        private String toolPlan;
        private CohereToolCalls.Part call;
        private String finishReason;
        private Usage usage;
        private String error;

        private void delta(JsonParser p, Event v) {
            JsonReading.members(p, v, (key, e) -> {
                switch (key) {
                    case "message" -> message(p, e);
                    case "finish_reason" -> finishReason = JsonReading.string(p, e);
                    case "usage" -> usage = CohereUsage.read(p, e);
                    case "error" -> error = JsonReading.string(p, e);
                    default -> JsonReading.skip(p, e);
                }
            });
        }

        private void message(JsonParser p, Event v) {
            JsonReading.members(p, v, (key, e) -> {
                if (key.equals("content")) {
                    JsonReading.members(p, e, (name, c) -> content(p, name, c));
                } else if (key.equals("tool_plan")) {
                    toolPlan = JsonReading.string(p, e);
                } else if (key.equals("tool_calls") && e == Event.START_OBJECT) {
                    call = CohereToolCalls.read(p);
                } else {
                    JsonReading.skip(p, e);
                }
            });
        }

        private void content(JsonParser p, String key, Event v) {
            if (key.equals("text")) {
                text = JsonReading.string(p, v);
            } else {
                JsonReading.skip(p, v);
            }
        }
    }
}
