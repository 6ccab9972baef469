package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Cohere v2 Chat response body with the streaming parser: {@code id},
 * {@code finish_reason}, the message and {@code usage} (read by {@link CohereUsage}). Cohere names
 * no model in its answer, so the reported model is the requested one.
 *
 * <p>The text is the text parts of {@code message.content}, joined; {@code thinking} parts are
 * left out. A message that calls tools has a {@code tool_plan} (what the model means to do) and no
 * content; the plan is then the text, so that {@link ChatResponse#message()} sends it back as the
 * assistant message's {@code tool_plan}, as Cohere asks. {@code message.tool_calls} are the
 * {@linkplain ChatResponse#toolCalls() tool calls}.
 */
final class CohereResponseReader {

    private CohereResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, which the response reports as its model
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not a Cohere v2 Chat response
     * @throws IllegalStateException if a tool call has no id or name
     */
    static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        boolean sawMessage = false;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "id" -> response.responseId(JsonReading.string(p, v));
                    case "finish_reason" -> {
                        String raw = JsonReading.string(p, v);
                        response.rawFinishReason(raw).finishReason(finishReason(raw));
                    }
                    case "message" -> {
                        if (v == Event.START_OBJECT) {
                            readMessage(p, response);
                            sawMessage = true;
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "usage" -> response.usage(CohereUsage.read(p, v));
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawMessage) {
                throw new JsonParsingException("the response has no message", p.getLocation());
            }
        }
        return response.build();
    }

    private static void readMessage(JsonParser p, ChatResponse.Builder response) {
        StringBuilder text = new StringBuilder();
        String plan = null;
        List<ToolCall> calls = new ArrayList<>();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("content") && v == Event.START_ARRAY) {
                JsonReading.eachObject(p, v, q -> text.append(readTextPart(q)));
            } else if (key.equals("content") && v == Event.VALUE_STRING) {
                text.append(p.getString());
            } else if (key.equals("tool_plan")) {
                plan = JsonReading.string(p, v);
            } else if (key.equals("tool_calls") && v == Event.START_ARRAY) {
                for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                    JsonReading.expectObject(p, e);
                    CohereToolCalls.Part call = CohereToolCalls.read(p);
                    calls.add(CohereToolCalls.call(call.id(), call.name(), call.arguments()));
                }
            } else {
                JsonReading.skip(p, v);
            }
        }
        response.text(text.length() == 0 && plan != null ? plan : text.toString()).toolCalls(calls);
    }

    private static String readTextPart(JsonParser p) {
        String type = null;
        String text = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> type = JsonReading.string(p, v);
                case "text" -> text = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return "text".equals(type) && text != null ? text : "";
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "COMPLETE", "STOP_SEQUENCE" -> FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "TOOL_CALL" -> FinishReason.TOOL_CALLS;
            default -> FinishReason.OTHER;
        };
    }
}
