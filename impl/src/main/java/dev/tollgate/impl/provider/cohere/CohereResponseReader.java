package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a Cohere v2 Chat response body with the streaming parser: {@code id}, {@code finish_reason},
 * the text parts of {@code message.content} (joined; {@code thinking} parts are left out) and
 * {@code usage}. Cohere names no model in its answer, so the reported model is the requested one.
 *
 * <p>Cohere reports two counts: {@code usage.tokens}, every token the model processed, including
 * the chat template and safety instructions Cohere adds to the prompt, and
 * {@code usage.billed_units}, the tokens it charges for, which leave out what Cohere adds on its
 * own side (template and special tokens, in the input and in the output). The usage is read from
 * {@code billed_units}, because a cost computed from the usage must match Cohere's bill;
 * {@code tokens} is used only when an answer carries no billed units (a deployment that does not
 * bill per token), and an answer with neither has an unknown usage. {@code usage.cached_tokens},
 * the prompt tokens that hit Cohere's inference cache, is counted against {@code tokens} rather
 * than the billed input and Cohere publishes no separate price for it, so it does not become
 * {@link Usage#cachedInputTokens()}. Cohere does not break out reasoning tokens: a reasoning
 * model's thinking is inside its output tokens.
 */
final class CohereResponseReader {

    private CohereResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, which the response reports as its model
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not a Cohere v2 Chat response
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
                            response.text(readMessageText(p));
                            sawMessage = true;
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "usage" -> {
                        if (v == Event.START_OBJECT) {
                            response.usage(readUsage(p));
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawMessage) {
                throw new JsonParsingException("the response has no message", p.getLocation());
            }
        }
        return response.build();
    }

    private static String readMessageText(JsonParser p) {
        StringBuilder text = new StringBuilder();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("content") && v == Event.START_ARRAY) {
                for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                    if (e == Event.START_OBJECT) {
                        text.append(readTextPart(p));
                    } else {
                        JsonReading.skip(p, e);
                    }
                }
            } else if (key.equals("content") && v == Event.VALUE_STRING) {
                text.append(p.getString());
            } else {
                JsonReading.skip(p, v);
            }
        }
        return text.toString();
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

    private static Usage readUsage(JsonParser p) {
        long[] billed = null;
        long[] processed = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "billed_units" -> billed = readCounts(p, v);
                case "tokens" -> processed = readCounts(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        long[] counts = billed != null ? billed : processed;
        return counts == null ? Usage.unknown() : Usage.of(counts[0], counts[1]);
    }

    /** @return {input, output}, or {@code null} if the value is not an object */
    private static long[] readCounts(JsonParser p, Event v) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        long[] counts = new long[2];
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "input_tokens" -> counts[0] = JsonReading.number(p, e);
                case "output_tokens" -> counts[1] = JsonReading.number(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
        return counts;
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
