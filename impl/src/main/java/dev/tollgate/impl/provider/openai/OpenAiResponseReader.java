package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.math.BigDecimal;

/**
 * Reads a Chat Completions response body with the streaming parser, keeping only the fields a
 * {@link ChatResponse} needs: {@code id}, {@code model}, {@code service_tier}, the first choice's
 * message content and finish reason, and {@code usage}.
 *
 * <p>Compatible servers extend the format; what they add is either read or skipped:
 * <ul>
 *   <li>{@code usage.prompt_tokens_details.cache_write_tokens} (OpenRouter) is a part of
 *       {@code prompt_tokens}, as {@code cached_tokens} is;</li>
 *   <li>{@code usage.cost} (OpenRouter, in credits of one US dollar) becomes a
 *       {@linkplain Cost#reported(BigDecimal, String) reported cost}; for a request made with the
 *       caller's own provider key ({@code usage.is_byok}) that amount is only OpenRouter's fee, so
 *       {@code usage.cost_details.upstream_inference_cost}, what the provider charged the key, is
 *       added to it;</li>
 *   <li>a {@code null} or absent {@code usage} (vLLM, some proxies) leaves usage unknown;
 *       llama.cpp's {@code timings}, Groq's {@code x_groq} and {@code usage.queue_time},
 *       OpenRouter's {@code provider} and Azure's content filter results are skipped;</li>
 *   <li>a body with an {@code error} object and no choice, which OpenRouter sends with status 200
 *       when the model fails after the request was accepted, is not a response: its error message
 *       is reported.</li>
 * </ul>
 */
public final class OpenAiResponseReader {
    private static final String CREDIT_CURRENCY = "USD";

    private OpenAiResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id or latency; with a cost only if the body reports one
     * @throws JsonParsingException if the body is not a Chat Completions response
     */
    public static ChatResponse read(byte[] body, String requestedModel) {
        ChatResponse.Builder response = ChatResponse.builder().model(requestedModel);
        boolean sawChoice = false;
        String error = null;
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
                    case "service_tier" -> response.serviceTier(JsonReading.string(p, v));
                    case "choices" -> sawChoice = readChoices(p, v, response);
                    case "usage" -> {
                        if (v == Event.START_OBJECT) {
                            new UsageFields().read(p, response);
                        } else {
                            JsonReading.skip(p, v);
                        }
                    }
                    case "error" -> error = errorText(p, v);
                    default -> JsonReading.skip(p, v);
                }
            }
            if (!sawChoice) {
                throw new JsonParsingException(error == null ? "the response has no choice"
                        : "the response carries an error instead of a choice: " + error, p.getLocation());
            }
        }
        return response.build();
    }

    private static boolean readChoices(JsonParser p, Event v, ChatResponse.Builder response) {
        if (v != Event.START_ARRAY) {
            JsonReading.skip(p, v);
            return false;
        }
        boolean any = false;
        for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
            if (!any && e == Event.START_OBJECT) {
                readChoice(p, response);
                any = true;
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

    private static String errorText(JsonParser p, Event v) {
        if (v == Event.VALUE_STRING) {
            return p.getString();
        }
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return "(no message)";
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
        return (code == null ? "" : code + " ") + (message == null ? "(no message)" : message);
    }

    private static String skipped(JsonParser p, Event e) {
        JsonReading.skip(p, e);
        return null;
    }

    /**
     * @param raw a finish reason of the Chat Completions family, or {@code null}
     * @return its normalised form; Mistral's {@code model_length} (the model's context is full) is a
     *     length stop too
     */
    static FinishReason finishReason(String raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "stop" -> FinishReason.STOP;
            case "length", "model_length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** The members of one {@code usage} object, gathered before they are normalised. */
    private static final class UsageFields {
        private long prompt;
        private long completion;
        private long cached;
        private long cacheWrite;
        private long reasoning;
        private BigDecimal cost;
        private BigDecimal upstreamCost;
        private boolean byok;

        void read(JsonParser p, ChatResponse.Builder response) {
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                switch (key) {
                    case "prompt_tokens" -> prompt = JsonReading.number(p, v);
                    case "completion_tokens" -> completion = JsonReading.number(p, v);
                    case "prompt_tokens_details" -> readDetails(p, v);
                    case "completion_tokens_details" -> readDetails(p, v);
                    case "cost" -> cost = decimal(p, v);
                    case "cost_details" -> readDetails(p, v);
                    case "is_byok" -> byok = v == Event.VALUE_TRUE;
                    default -> JsonReading.skip(p, v);
                }
            }
            response.usage(Usage.builder()
                    .inputTokens(prompt)
                    .cachedInputTokens(Math.min(cached, prompt))
                    .cacheWriteTokens(Math.min(cacheWrite, prompt - Math.min(cached, prompt)))
                    .outputTokens(completion)
                    .reasoningTokens(Math.min(reasoning, completion))
                    .build());
            if (cost != null) {
                BigDecimal total = byok && upstreamCost != null ? cost.add(upstreamCost) : cost;
                response.cost(Cost.reported(total, CREDIT_CURRENCY));
            }
        }

        private void readDetails(JsonParser p, Event v) {
            if (v != Event.START_OBJECT) {
                JsonReading.skip(p, v);
                return;
            }
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event e = p.next();
                switch (key) {
                    case "cached_tokens" -> cached = JsonReading.number(p, e);
                    case "cache_write_tokens" -> cacheWrite = JsonReading.number(p, e);
                    case "reasoning_tokens" -> reasoning = JsonReading.number(p, e);
                    case "upstream_inference_cost" -> upstreamCost = decimal(p, e);
                    default -> JsonReading.skip(p, e);
                }
            }
        }

        private static BigDecimal decimal(JsonParser p, Event v) {
            if (v == Event.VALUE_NUMBER) {
                return p.getBigDecimal();
            }
            JsonReading.skip(p, v);
            return null;
        }
    }
}
