package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a Converse response body with the streaming parser: the text blocks of
 * {@code output.message.content}, {@code stopReason}, {@code usage} and {@code serviceTier}.
 *
 * <p>Converse names no model and no response id: the model reported is the one requested.
 * Bedrock's {@code inputTokens} leaves out the tokens read from and written to the prompt cache;
 * the usage adds them back, so that {@link Usage#inputTokens()} counts every input token.
 */
final class BedrockResponseReader {

    private BedrockResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model id asked for
     * @return the response, without provider id, request id, cost or latency
     * @throws JsonParsingException if the body is not a Converse response
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
                    case "output" -> sawMessage = readOutput(p, v, response);
                    case "stopReason" -> {
                        String raw = JsonReading.string(p, v);
                        response.rawFinishReason(raw).finishReason(finishReason(raw));
                    }
                    case "usage" -> {
                        if (v == Event.START_OBJECT) {
                            response.usage(readUsage(p));
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "serviceTier" -> response.serviceTier(member(p, v, "type"));
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawMessage) {
                throw new JsonParsingException("the response has no output message", p.getLocation());
            }
        }
        return response.build();
    }

    private static boolean readOutput(JsonParser p, Event v, ChatResponse.Builder response) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return false;
        }
        boolean sawMessage = false;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            if (key.equals("message") && e == Event.START_OBJECT) {
                response.text(readMessageText(p));
                sawMessage = true;
            } else {
                JsonReading.skip(p, e);
            }
        }
        return sawMessage;
    }

    private static String readMessageText(JsonParser p) {
        StringBuilder text = new StringBuilder();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("content") && v == Event.START_ARRAY) {
                for (Event block = p.next(); block != Event.END_ARRAY; block = p.next()) {
                    if (block == Event.START_OBJECT) {
                        appendText(p, text);
                    } else {
                        JsonReading.skip(p, block);
                    }
                }
            } else {
                JsonReading.skip(p, v);
            }
        }
        return text.toString();
    }

    /** Appends the text of a text block; tool use and reasoning blocks have none. */
    private static void appendText(JsonParser p, StringBuilder text) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            String value = key.equals("text") ? JsonReading.string(p, v) : null;
            if (value != null) {
                text.append(value);
            } else if (!key.equals("text")) {
                JsonReading.skip(p, v);
            }
        }
    }

    private static Usage readUsage(JsonParser p) {
        long input = 0;
        long output = 0;
        long cacheRead = 0;
        long cacheWrite = 0;
        long cacheWrite1h = 0;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "inputTokens" -> input = JsonReading.number(p, v);
                case "outputTokens" -> output = JsonReading.number(p, v);
                case "cacheReadInputTokens" -> cacheRead = JsonReading.number(p, v);
                case "cacheWriteInputTokens" -> cacheWrite = JsonReading.number(p, v);
                case "cacheDetails" -> cacheWrite1h = oneHourCacheWrites(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return Usage.builder()
                .inputTokens(input + cacheRead + cacheWrite)
                .cachedInputTokens(cacheRead)
                .cacheWriteTokens(cacheWrite)
                .cacheWrite1hTokens(Math.min(cacheWrite1h, cacheWrite))
                .outputTokens(output)
                .build();
    }

    /** Sums the {@code inputTokens} of the {@code cacheDetails} entries whose {@code ttl} is {@code 1h}. */
    private static long oneHourCacheWrites(JsonParser p, Event v) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return 0;
        }
        long sum = 0;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (e != Event.START_OBJECT) {
                JsonReading.skip(p, e);
                continue;
            }
            String ttl = null;
            long tokens = 0;
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event f = p.next();
                switch (key) {
                    case "ttl" -> ttl = JsonReading.string(p, f);
                    case "inputTokens" -> tokens = JsonReading.number(p, f);
                    default -> JsonReading.skip(p, f);
                }
            }
            if ("1h".equals(ttl)) {
                sum += tokens;
            }
        }
        return sum;
    }

    /** Reads one string member of an object value, skipping the rest. */
    private static String member(JsonParser p, Event v, String name) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return null;
        }
        String value = null;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            if (key.equals(name)) {
                value = JsonReading.string(p, e);
            } else {
                JsonReading.skip(p, e);
            }
        }
        return value;
    }

    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
