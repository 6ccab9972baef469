package dev.tollgate.impl.provider.simulated;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Creates simulated providers ({@code type=simulated}).
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ul>
 *   <li>{@code model}: the model it reports (default {@value #DEFAULT_MODEL});</li>
 *   <li>{@code reply}: the answer, where {@code {prompt}} stands for the last user message and
 *       {@code {model}} for the model (default {@value #DEFAULT_REPLY});</li>
 *   <li>{@code latency}: how long each answer takes (default none);</li>
 *   <li>{@code failure-rate}: the share of requests that fail, 0 to 1 (default 0), drawn from a
 *       random sequence seeded by {@code seed} (default 42), so runs repeat;</li>
 *   <li>{@code failure-category}: the {@link ErrorCategory} of those failures (default
 *       {@code SERVER_ERROR});</li>
 *   <li>{@code input-tokens}, {@code output-tokens}: fixed counts; by default about four
 *       characters a token, as the text goes;</li>
 *   <li>{@code cached-input-tokens}, {@code reasoning-tokens}: parts of those counts (default 0).</li>
 * </ul>
 *
 * <p>A request for JSON gets {@code {"reply": <the answer>}}; a request for a JSON schema gets the
 * smallest value that fits it. A request with tools gets a call of its first tool, with arguments
 * that fit the tool's schema, unless its last message is a tool result. Streams deliver the
 * answer word by word.
 *
 * <p>It honours {@code maxTokens} (cutting the reply, finish reason {@code LENGTH}) and
 * {@code stop}; sampling options are accepted and, being deterministic, have no effect; extra
 * parameters are accepted as they would be by whatever provider it stands in for.
 */
public final class SimulatedAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "simulated";
    /** The model reported when none is configured. */
    public static final String DEFAULT_MODEL = "simulated-1";
    /** The reply when none is configured. */
    public static final String DEFAULT_REPLY = "Simulated answer to: {prompt}";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        String model = context.property("model").orElse(DEFAULT_MODEL);
        String reply = context.property("reply").orElse(DEFAULT_REPLY);
        Duration latency = context.property("latency").map(v -> parseDuration(context, "latency", v))
                .orElse(Duration.ZERO);
        double failureRate = context.property("failure-rate").map(v -> parseRate(context, v)).orElse(0.0);
        ErrorCategory failureCategory = context.property("failure-category")
                .map(v -> parseCategory(context, v)).orElse(ErrorCategory.SERVER_ERROR);
        long seed = count(context, "seed").orElse(42);
        SimulatedTokens tokens = new SimulatedTokens(count(context, "input-tokens"), count(context, "output-tokens"),
                count(context, "cached-input-tokens").orElse(0), count(context, "reasoning-tokens").orElse(0));
        return new SimulatedClient(context.id(), model, reply, latency, failureRate, failureCategory, seed, tokens);
    }

    private static Duration parseDuration(ProviderContext context, String key, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    Messages.propertyInvalid(context.propertyName(key), value, Durations.FORMAT), e);
        }
    }

    private static double parseRate(ProviderContext context, String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                Messages.propertyInvalid(context.propertyName("failure-rate"), value, "a number from 0 to 1"));
    }

    private static ErrorCategory parseCategory(ProviderContext context, String value) {
        try {
            return ErrorCategory.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName("failure-category"),
                    value, "one of " + Arrays.toString(ErrorCategory.values())), e);
        }
    }

    private static OptionalLong count(ProviderContext context, String key) {
        return context.property(key).map(v -> {
            try {
                long n = Long.parseLong(v.strip());
                if (n >= 0) {
                    return OptionalLong.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(
                    Messages.propertyInvalid(context.propertyName(key), v, "a non-negative integer"));
        }).orElse(OptionalLong.empty());
    }
}
