package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a Chat Completions response body with the streaming parser, keeping only the fields a
 * {@link ChatResponse} needs: {@code id}, {@code model}, the first choice's message content and
 * finish reason, and {@code usage} with its cached and reasoning token details.
 */
final class OpenAiResponseReader {

    private OpenAiResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not a Chat Completions response
     */
    static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        boolean sawChoice = false;
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
                    case "choices" -> sawChoice = readChoices(p, v, response);
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
            if (!sawChoice) {
                throw new JsonParsingException("the response has no choice", p.getLocation());
            }
        }
        return response.build();
    }

    private static boolean readChoices(JsonParser p, Event v, ChatResponse.Builder response) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return false;
        }
        boolean first = true;
        boolean any = false;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (first && e == Event.START_OBJECT) {
                readChoice(p, response);
                any = true;
                first = false;
            } else {
                JsonReading.skip(p, e);
            }
        }
        return any;
    }

    private static void readChoice(JsonParser p, ChatResponse.Builder response) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "message" -> {
                    if (v == Event.START_OBJECT) {
                        readMessage(p, response);
                    } else {
                        JsonReading.skip(p, v);
                    }
                }
                case "finish_reason" -> {
                    String raw = JsonReading.string(p, v);
                    response.rawFinishReason(raw).finishReason(finishReason(raw));
                }
                default -> JsonReading.skip(p, v);
            }
        }
    }

    private static void readMessage(JsonParser p, ChatResponse.Builder response) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            if (key.equals("content")) {
                String content = JsonReading.string(p, v);
                response.text(content == null ? "" : content);
            } else {
                JsonReading.skip(p, v);
            }
        }
    }

    private static Usage readUsage(JsonParser p) {
        long prompt = 0;
        long completion = 0;
        long cached = 0;
        long reasoning = 0;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "prompt_tokens" -> prompt = JsonReading.number(p, v);
                case "completion_tokens" -> completion = JsonReading.number(p, v);
                case "prompt_tokens_details" -> cached = detail(p, v, "cached_tokens");
                case "completion_tokens_details" -> reasoning = detail(p, v, "reasoning_tokens");
                default -> JsonReading.skip(p, v);
            }
        }
        return Usage.builder()
                .inputTokens(prompt)
                .cachedInputTokens(Math.min(cached, prompt))
                .outputTokens(completion)
                .reasoningTokens(Math.min(reasoning, completion))
                .build();
    }

    private static long detail(JsonParser p, Event v, String field) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return 0;
        }
        long value = 0;
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            if (key.equals(field)) {
                value = JsonReading.number(p, e);
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
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
