package dev.tollgate.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one provider at one moment, as {@link ProviderHealth} reports it: its outcomes
 * since the application started, its latency and its circuit.
 *
 * <ol>
 *   <li>{@link #successes()} and {@link #failures()} count every request that ended, whatever the
 *       state of the circuit; requests not sent because the circuit was open are not counted.</li>
 *   <li>{@link #lastLatency()} and {@link #meanLatency()} cover successes and failures alike: the
 *       time measured for the request, as in {@link Exchange#latency()}. The mean is exponentially
 *       weighted: the first latency sets it, and each later latency {@code l} moves it to
 *       {@code mean + 0.2 × (l − mean)}, so the last ten or so requests weigh most.</li>
 *   <li>{@link #circuitState()} is the state as of this status: an open circuit whose delay has
 *       passed is reported {@link CircuitState#HALF_OPEN}, since it lets the next request
 *       through.</li>
 * </ol>
 *
 * <p>Instances are immutable. The counts of one status are read one after another while requests
 * go on, so under load they may be a few outcomes apart.
 */
public final class ProviderStatus {
    private final String provider;
    private final CircuitState circuitState;
    private final long successes;
    private final Map<ErrorCategory, Long> failures;
    private final long consecutiveFailures;
    private final Duration lastLatency;
    private final Duration meanLatency;
    private final Instant halfOpensAt;

    private ProviderStatus(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.circuitState = Objects.requireNonNull(b.circuitState, "circuitState");
        this.successes = b.successes;
        this.failures = Collections.unmodifiableMap(new EnumMap<>(b.failures));
        this.consecutiveFailures = b.consecutiveFailures;
        this.lastLatency = b.lastLatency;
        this.meanLatency = b.meanLatency;
        this.halfOpensAt = circuitState == CircuitState.OPEN
                ? Objects.requireNonNull(b.halfOpensAt, "halfOpensAt of an open circuit")
                : null;
    }

    /**
     * @param provider the provider id
     * @return an empty builder of the status of a closed circuit
     */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    /** @return the provider id, as configured under {@code tollgate.providers.<id>} */
    public String provider() {
        return provider;
    }

    /** @return the state of the provider's circuit */
    public CircuitState circuitState() {
        return circuitState;
    }

    /** @return how many requests succeeded */
    public long successes() {
        return successes;
    }

    /**
     * @return how many requests failed, by category, in the order of {@link ErrorCategory}; a
     *     category without failures is absent
     */
    public Map<ErrorCategory, Long> failures() {
        return failures;
    }

    /**
     * @param category a category
     * @return how many requests failed with it
     */
    public long failures(ErrorCategory category) {
        return failures.getOrDefault(Objects.requireNonNull(category, "category"), 0L);
    }

    /** @return how many requests failed, all categories together */
    public long totalFailures() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @return the transient failures since the last success: the count compared with the
     *     failure threshold (permanent failures neither add to it nor reset it)
     */
    public long consecutiveFailures() {
        return consecutiveFailures;
    }

    /** @return the latency of the request that ended last; empty before any request ended */
    public Optional<Duration> lastLatency() {
        return Optional.ofNullable(lastLatency);
    }

    /** @return the exponentially weighted mean latency; empty before any request ended */
    public Optional<Duration> meanLatency() {
        return Optional.ofNullable(meanLatency);
    }

    /**
     * @return when the open circuit lets trial requests through; empty unless
     *     {@link #circuitState()} is {@link CircuitState#OPEN}
     */
    public Optional<Instant> halfOpensAt() {
        return Optional.ofNullable(halfOpensAt);
    }

    /** @return a builder holding this status's values */
    public Builder toBuilder() {
        Builder b = new Builder(provider).circuitState(circuitState).successes(successes)
                .consecutiveFailures(consecutiveFailures).lastLatency(lastLatency).meanLatency(meanLatency)
                .halfOpensAt(halfOpensAt);
        failures.forEach(b::failures);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderStatus s && provider.equals(s.provider) && circuitState == s.circuitState
                && successes == s.successes && failures.equals(s.failures)
                && consecutiveFailures == s.consecutiveFailures && Objects.equals(lastLatency, s.lastLatency)
                && Objects.equals(meanLatency, s.meanLatency) && Objects.equals(halfOpensAt, s.halfOpensAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, circuitState, successes, failures, consecutiveFailures, lastLatency,
                meanLatency, halfOpensAt);
    }

    @Override
    public String toString() {
        return "ProviderStatus[" + provider + ", " + circuitState
                + (halfOpensAt == null ? "" : " until " + halfOpensAt)
                + ", successes=" + successes + ", failures=" + failures
                + ", consecutiveFailures=" + consecutiveFailures
                + (meanLatency == null ? "" : ", meanLatency=" + meanLatency.toMillis() + "ms") + "]";
    }

    /** Builds a {@link ProviderStatus}. */
    public static final class Builder {
        private final String provider;
        private CircuitState circuitState = CircuitState.CLOSED;
        private long successes;
        private final Map<ErrorCategory, Long> failures = new EnumMap<>(ErrorCategory.class);
        private long consecutiveFailures;
        private Duration lastLatency;
        private Duration meanLatency;
        private Instant halfOpensAt;

        private Builder(String provider) {
            this.provider = provider;
        }

        /**
         * @param value the state of the circuit
         * @return this builder
         */
        public Builder circuitState(CircuitState value) {
            this.circuitState = Objects.requireNonNull(value, "circuitState");
            return this;
        }

        /**
         * @param value how many requests succeeded; not negative
         * @return this builder
         */
        public Builder successes(long value) {
            this.successes = requireCount(value, "successes");
            return this;
        }

        /**
         * @param category a category
         * @param count how many requests failed with it; not negative, and 0 leaves it out
         * @return this builder
         */
        public Builder failures(ErrorCategory category, long count) {
            Objects.requireNonNull(category, "category");
            if (requireCount(count, "failures") == 0) {
                failures.remove(category);
            } else {
                failures.put(category, count);
            }
            return this;
        }

        /**
         * @param value the transient failures since the last success; not negative
         * @return this builder
         */
        public Builder consecutiveFailures(long value) {
            this.consecutiveFailures = requireCount(value, "consecutiveFailures");
            return this;
        }

        /**
         * @param value the latency of the request that ended last, or {@code null} if none did
         * @return this builder
         */
        public Builder lastLatency(Duration value) {
            this.lastLatency = value;
            return this;
        }

        /**
         * @param value the weighted mean latency, or {@code null} if no request ended
         * @return this builder
         */
        public Builder meanLatency(Duration value) {
            this.meanLatency = value;
            return this;
        }

        /**
         * @param value when an open circuit lets trial requests through; required for
         *     {@link CircuitState#OPEN}, ignored otherwise
         * @return this builder
         */
        public Builder halfOpensAt(Instant value) {
            this.halfOpensAt = value;
            return this;
        }

        /**
         * @return the status
         * @throws NullPointerException if the circuit is open and {@link #halfOpensAt(Instant)} was
         *     not set
         */
        public ProviderStatus build() {
            return new ProviderStatus(this);
        }

        private static long requireCount(long value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
