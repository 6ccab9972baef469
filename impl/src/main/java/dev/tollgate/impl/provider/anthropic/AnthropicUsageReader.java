package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads a Messages API {@code usage} object and normalises it. Anthropic's {@code input_tokens}
 * counts only the input after the last cache breakpoint, so the normalised input adds
 * {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}; the one-hour part of
 * the cache writes comes from {@code cache_creation.ephemeral_1h_input_tokens}. Anthropic counts
 * thinking inside {@code output_tokens} and does not report it apart, so reasoning stays 0. The
 * {@code service_tier} reported here is the response's service tier.
 */
final class AnthropicUsageReader {
    private AnthropicUsageReader() {
    }

    /**
     * @param p the parser, just after the {@code usage} object's start
     * @param response receives the usage and the service tier
     */
    static void read(JsonParser p, ChatResponse.Builder response) {
        long input = 0;
        long output = 0;
        long cacheRead = 0;
        long cacheCreation = 0;
        long[] ephemeral = {0, 0};
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "input_tokens" -> input = JsonReading.number(p, v);
                case "output_tokens" -> output = JsonReading.number(p, v);
                case "cache_read_input_tokens" -> cacheRead = JsonReading.number(p, v);
                case "cache_creation_input_tokens" -> cacheCreation = JsonReading.number(p, v);
                case "cache_creation" -> readCacheCreation(p, v, ephemeral);
                case "service_tier" -> response.serviceTier(JsonReading.string(p, v));
                default -> JsonReading.skip(p, v);
            }
        }
        // the breakdown alone is enough where a gateway leaves out the total
        long cacheWrite = Math.max(cacheCreation, ephemeral[0] + ephemeral[1]);
        response.usage(Usage.builder()
                .inputTokens(input + cacheRead + cacheWrite)
                .cachedInputTokens(cacheRead)
                .cacheWriteTokens(cacheWrite)
                .cacheWrite1hTokens(Math.min(ephemeral[1], cacheWrite))
                .outputTokens(output)
                .build());
    }

    /**
     * Reads {@code ephemeral_5m_input_tokens} into {@code into[0]} and
     * {@code ephemeral_1h_input_tokens} into {@code into[1]}.
     */
    private static void readCacheCreation(JsonParser p, Event v, long[] into) {
        if (v != Event.START_OBJECT) {
            JsonReading.skip(p, v);
            return;
        }
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event e = p.next();
            switch (key) {
                case "ephemeral_5m_input_tokens" -> into[0] = JsonReading.number(p, e);
                case "ephemeral_1h_input_tokens" -> into[1] = JsonReading.number(p, e);
                default -> JsonReading.skip(p, e);
            }
        }
    }
}
