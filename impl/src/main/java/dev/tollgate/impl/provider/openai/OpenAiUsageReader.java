package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;

/**
 * Reads a Chat Completions {@code usage} object, of a response body or of a stream's chunk, into
 * normalised {@link Usage}: {@code prompt_tokens} with its {@code cached_tokens} and OpenRouter's
 * {@code cache_write_tokens} as parts, {@code completion_tokens} with its {@code reasoning_tokens};
 * and OpenRouter's {@code cost} into a reported {@link Cost} (see {@link OpenAiResponseReader}).
 */
final class OpenAiUsageReader {
    private static final String CREDIT_CURRENCY = "USD";

    private long prompt;
    private long completion;
    private long cached;
    private long cacheWrite;
    private long reasoning;
    private BigDecimal cost;
    private BigDecimal upstreamCost;
    private boolean byok;

    private OpenAiUsageReader() {
    }

    /**
     * @param p the parser, on the event that starts the {@code usage} value
     * @param v that event; a value other than an object (a {@code null}) is skipped
     * @param response receives the usage and any reported cost
     */
    static void read(JsonParser p, Event v, ChatResponse.Builder response) {
        if (v == Event.START_OBJECT) {
            new OpenAiUsageReader().readObject(p, response);
        } else {
            JsonReading.skip(p, v);
        }
    }

    private void readObject(JsonParser p, ChatResponse.Builder response) {
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "prompt_tokens" -> prompt = JsonReading.number(p, v);
                case "completion_tokens" -> completion = JsonReading.number(p, v);
                case "prompt_tokens_details", "completion_tokens_details", "cost_details" -> readDetails(p, v);
                case "cost" -> cost = decimal(p, v);
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
        JsonReading.members(p, v, (key, e) -> {
            switch (key) {
                case "cached_tokens" -> cached = JsonReading.number(p, e);
                case "cache_write_tokens" -> cacheWrite = JsonReading.number(p, e);
                case "reasoning_tokens" -> reasoning = JsonReading.number(p, e);
                case "upstream_inference_cost" -> upstreamCost = decimal(p, e);
                default -> JsonReading.skip(p, e);
            }
        });
    }

    private static BigDecimal decimal(JsonParser p, Event v) {
        if (v == Event.VALUE_NUMBER) {
            return p.getBigDecimal();
        }
        JsonReading.skip(p, v);
        return null;
    }
}
