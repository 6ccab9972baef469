package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a Messages API response body with the streaming parser, keeping only the fields a
 * {@link ChatResponse} needs: {@code id}, {@code model}, the text of the {@code content} blocks
 * (other blocks, such as {@code thinking} and {@code tool_use}, are skipped), {@code stop_reason}
 * and {@code usage}.
 */
final class AnthropicResponseReader {

    private AnthropicResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not a Messages API response
     */
    static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel).finishReason(FinishReason.OTHER);
        boolean sawContent = false;
        try (JsonParser p = JsonSupport.parser(body)) {
            JsonReading.expectObject(p, p.next());
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "id" -> response.responseId(JsonReading.string(p, v));
                    case "model" -> {
                        String model = JsonReading.string(p, v);
                        if (model != null && !model.isEmpty()) {
                            response.model(model);
                        }
                    }
                    case "content" -> {
                        if (v == Event.START_ARRAY) {
                            response.text(readText(p));
                            sawContent = true;
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "stop_reason" -> {
                        String raw = JsonReading.string(p, v);
                        response.rawFinishReason(raw).finishReason(finishReason(raw));
                    }
                    case "usage" -> {
                        if (v == Event.START_OBJECT) {
                            AnthropicUsageReader.read(p, response);
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawContent) {
                throw new JsonParsingException("the response has no content", p.getLocation());
            }
        }
        return response.build();
    }

    private static String readText(JsonParser p) {
        StringBuilder text = new StringBuilder();
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e == Event.START_OBJECT) {
                readBlock(p, text);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return text.toString();
    }

    /** Appends the text of a {@code text} block; the block's members may come in any order. */
    private static void readBlock(JsonParser p, StringBuilder text) {
        String type = null;
        String blockText = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "type" -> type = JsonReading.string(p, v);
                case "text" -> blockText = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        if ("text".equals(type) && blockText != null) {
            text.append(blockText);
        }
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
