package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.Usage;
import dev.tollgate.impl.json.JsonReading;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * The counts of a Messages API {@code usage} object, normalised into a {@link Usage}. Anthropic's
 * {@code input_tokens} counts only the input after the last cache breakpoint, so the normalised
 * input adds {@code cache_read_input_tokens} and {@code cache_creation_input_tokens}; the one-hour
 * part of the cache writes comes from {@code cache_creation.ephemeral_1h_input_tokens}. Anthropic
 * counts thinking inside {@code output_tokens} and does not report it apart, so reasoning stays 0.
 * The {@code service_tier} reported here is the response's service tier.
 *
 * <p>A stream reports usage more than once: {@code message_start} carries the input side and a
 * first output count, each {@code message_delta} the cumulative {@code output_tokens} and, from
 * some API versions on, the input and cache counts again. {@link #update(AnthropicUsage)} lets a
 * later report replace the counts it carries; a member it leaves out or sends as {@code null}
 * keeps the earlier count.
 */
public final class AnthropicUsage {
    private Long input;
    private Long output;
    private Long cacheRead;
    private Long cacheCreation;
    private Long ephemeral5m;
    private Long ephemeral1h;
    private String serviceTier;

    /**
     * @param p the parser, just after the {@code usage} object's start
     * @return the counts the object reports
     */
    static AnthropicUsage read(JsonParser p) {
        AnthropicUsage usage = new AnthropicUsage();
        while (p.next() == Event.KEY_NAME) {
            String key = p.getString();
            Event v = p.next();
            switch (key) {
                case "input_tokens" -> usage.input = count(p, v);
                case "output_tokens" -> usage.output = count(p, v);
                case "cache_read_input_tokens" -> usage.cacheRead = count(p, v);
                case "cache_creation_input_tokens" -> usage.cacheCreation = count(p, v);
                case "cache_creation" -> usage.readCacheCreation(p, v);
                case "service_tier" -> usage.serviceTier = JsonReading.string(p, v);
                default -> JsonReading.skip(p, v);
            }
        }
        return usage;
    }

    private static Long count(JsonParser p, Event v) {
        if (v == Event.VALUE_NUMBER) {
            return p.getLong();
        }
        JsonReading.skip(p, v);
        return null;
    }

    private void readCacheCreation(JsonParser p, Event v) {
        JsonReading.members(p, v, (key, e) -> {
            switch (key) {
                case "ephemeral_5m_input_tokens" -> ephemeral5m = count(p, e);
                case "ephemeral_1h_input_tokens" -> ephemeral1h = count(p, e);
                default -> JsonReading.skip(p, e);
            }
        });
    }

    /**
     * Takes the counts a later report of the same answer carries.
     *
     * @param later a later {@code usage} object of the same stream
     */
    void update(AnthropicUsage later) {
        input = later.input != null ? later.input : input;
        output = later.output != null ? later.output : output;
        cacheRead = later.cacheRead != null ? later.cacheRead : cacheRead;
        cacheCreation = later.cacheCreation != null ? later.cacheCreation : cacheCreation;
        ephemeral5m = later.ephemeral5m != null ? later.ephemeral5m : ephemeral5m;
        ephemeral1h = later.ephemeral1h != null ? later.ephemeral1h : ephemeral1h;
        serviceTier = later.serviceTier != null ? later.serviceTier : serviceTier;
    }

    /** @return whether an output count was reported */
    boolean reportsOutput() {
        return output != null;
    }

    /** @return the service tier, or {@code null} */
    String serviceTier() {
        return serviceTier;
    }

    /** @return the normalised usage; counts not reported are 0 */
    Usage toUsage() {
        return normalise(orZero(input), orZero(output), orZero(cacheRead), orZero(cacheCreation), orZero(ephemeral5m),
                orZero(ephemeral1h));
    }

    /**
     * Normalises the counts of a Messages API {@code usage}, as described {@linkplain AnthropicUsage above}.
     *
     * @param input {@code input_tokens}
     * @param output {@code output_tokens}
     * @param cacheRead {@code cache_read_input_tokens}
     * @param cacheCreation {@code cache_creation_input_tokens}
     * @param ephemeral5m {@code cache_creation.ephemeral_5m_input_tokens}
     * @param ephemeral1h {@code cache_creation.ephemeral_1h_input_tokens}
     * @return the usage
     */
    public static Usage normalise(long input, long output, long cacheRead, long cacheCreation, long ephemeral5m,
            long ephemeral1h) {
        // the breakdown alone is enough where a gateway leaves out the total
        long write = Math.max(cacheCreation, ephemeral5m + ephemeral1h);
        return Usage.builder()
                .inputTokens(input + cacheRead + write)
                .cachedInputTokens(cacheRead)
                .cacheWriteTokens(write)
                .cacheWrite1hTokens(Math.min(ephemeral1h, write))
                .outputTokens(output)
                .build();
    }

    private static long orZero(Long count) {
        return count == null ? 0 : count;
    }
}
