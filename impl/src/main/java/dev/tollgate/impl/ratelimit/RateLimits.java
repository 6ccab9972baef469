package dev.tollgate.impl.ratelimit;

import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The client-side rate limits of every provider, read once from configuration:
 * <pre>
 * tollgate.providers.&lt;id&gt;.rate-limit.rpm=500                   # requests a minute
 * tollgate.providers.&lt;id&gt;.rate-limit.tpm=200000                # tokens a minute, input and output
 * tollgate.providers.&lt;id&gt;.rate-limit.max-wait=PT2S             # longest wait for a turn; default PT0S
 * tollgate.providers.&lt;id&gt;.rate-limit.models."gpt-4.1".rpm=100  # a model's own limits, also .tpm
 * </pre>
 *
 * <ol>
 *   <li>Every limit is a bucket of one minute's worth ({@code rpm} requests, {@code tpm} tokens)
 *       that refills continuously, so a rested limit admits a burst of a minute's worth at once
 *       and then one request every {@code 60 s / rpm}.</li>
 *   <li>A request must fit every limit that applies: its model's, if configured, and its
 *       provider's. A model's limits are its own; the provider's limits count the requests of
 *       all its models together.</li>
 *   <li>A request that would have to wait longer than {@code max-wait} fails at once with
 *       {@link dev.tollgate.api.ErrorCategory#RATE_LIMITED}; see {@link RateLimiter#acquire(long)}.</li>
 *   <li>The limits are shared by every thread of the application that uses this instance.</li>
 * </ol>
 *
 * <p>Limit values are whole numbers from 1 to 1,000,000,000; a model name may contain dots and
 * should then be quoted. An invalid value, or an unknown key under {@code rate-limit.}, is a
 * configuration problem naming the property.
 */
public final class RateLimits {
    /**
     * The keys under {@code tollgate.providers.<id>.} that this class reads, as prefixes; the
     * engine's check for provider keys that no adapter reads should skip them.
     */
    public static final Set<String> PROVIDER_KEY_PREFIXES = Set.of(ConfigKeys.RATE_LIMIT);

    private static final System.Logger LOG = System.getLogger(RateLimits.class.getName());
    private static final RateLimits NONE = new RateLimits(Map.of(), List.of());

    private final Map<String, ProviderLimiters> byProvider;
    private final List<String> warnings;

    private RateLimits(Map<String, ProviderLimiters> byProvider, List<String> warnings) {
        this.byProvider = byProvider;
        this.warnings = List.copyOf(warnings);
    }

    /** @return rate limits of no provider */
    public static RateLimits none() {
        return NONE;
    }

    /**
     * Reads the rate limits of the given providers, timed by the system clock. Invalid values
     * and unknown keys are reported to the reader's problems; keys without effect are logged as
     * warnings.
     *
     * @param reader the configuration
     * @param providerIds the ids of the configured providers; keys of other ids are ignored
     * @return the rate limits; check the reader's problems before using them
     */
    public static RateLimits read(ConfigReader reader, Collection<String> providerIds) {
        return read(reader, providerIds, NanoClock.SYSTEM, Sleeper.THREAD);
    }

    /**
     * Reads the rate limits of the given providers, timed by the given clock and sleeper.
     *
     * @param reader the configuration
     * @param providerIds the ids of the configured providers; keys of other ids are ignored
     * @param clock the time source of every limit
     * @param sleeper waits for a request's turn
     * @return the rate limits; check the reader's problems before using them
     */
    public static RateLimits read(ConfigReader reader, Collection<String> providerIds, NanoClock clock,
            Sleeper sleeper) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        List<String> warnings = new ArrayList<>();
        Map<String, ProviderLimiters> byProvider = new HashMap<>();
        RateLimitConfig.read(reader, providerIds, warnings).forEach((id, config) -> {
            ProviderSchedules schedules = new ProviderSchedules(id, nanos(config.maxWait()),
                    ConfigKeys.rateLimitProperty(id, ConfigKeys.MAX_WAIT), clock, sleeper);
            byProvider.put(id, new ProviderLimiters(schedules, config.limits(), config.modelLimits()));
        });
        warnings.forEach(w -> LOG.log(Level.WARNING, w));
        return byProvider.isEmpty() && warnings.isEmpty() ? NONE : new RateLimits(Map.copyOf(byProvider), warnings);
    }

    /**
     * Whether a key of a provider, the part after {@code tollgate.providers.<id>.}, is a rate-limit
     * key read here rather than by the provider's adapter.
     *
     * @param key a provider key such as {@code rate-limit.rpm}
     * @return whether it starts with one of {@link #PROVIDER_KEY_PREFIXES}
     */
    public static boolean ownsProviderKey(String key) {
        return key.startsWith(ConfigKeys.RATE_LIMIT);
    }

    /**
     * The limiter of a target. The call is a map lookup or two; the limiter of a model without
     * limits of its own is made on the first call and reused.
     *
     * @param providerId a provider id
     * @param model the model requested, or {@code null}
     * @return the limiter of the model's and the provider's limits, or {@link RateLimiter#none()}
     *     if neither is configured
     */
    public RateLimiter forTarget(String providerId, String model) {
        ProviderLimiters limiters = byProvider.get(providerId);
        return limiters == null ? RateLimiter.none() : limiters.forModel(model);
    }

    /** @return whether no provider has a limit */
    public boolean isEmpty() {
        return byProvider.isEmpty();
    }

    /** @return the warnings found while reading, already logged */
    List<String> warnings() {
        return warnings;
    }

    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "RateLimits" + byProvider.keySet();
    }
}
