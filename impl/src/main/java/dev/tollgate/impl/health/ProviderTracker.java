package dev.tollgate.impl.health;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ProviderStatus;
import dev.tollgate.impl.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The health of one provider: what the engine asks before a request and tells after it.
 *
 * <p>For each request the engine:
 * <ol>
 *   <li>may skip, among fallback targets, those whose tracker is not {@link #isAvailable()};</li>
 *   <li>calls {@link #tryAcquire()}; if it answers {@code false}, sends nothing, moves on to the
 *       next fallback target if there is one, and otherwise fails with {@link #circuitOpen()}, a
 *       failure it does not record here;</li>
 *   <li>after a permitted request, calls exactly one of {@link #recordSuccess(Duration)} and
 *       {@link #recordFailure(ErrorCategory, Duration)}, with the latency it measured (for a
 *       stream, when the stream ends or is closed).</li>
 * </ol>
 * A permission taken while the circuit is half-open is one of its few trial places; its outcome
 * gives the place back. A trial whose outcome is never recorded frees its place only after the
 * circuit's delay, so an outcome must be recorded even for a request that ends early.
 *
 * <p>Thread-safe and lock-free: a success on a closed circuit without failures costs a counter
 * increment, a latency update and one read of the circuit's state.
 */
public final class ProviderTracker {
    private static final ErrorCategory[] CATEGORIES = ErrorCategory.values();

    private final String provider;
    private final CircuitSettings settings;
    private final Clock clock;
    private final Circuit circuit;
    private final LongAdder successes = new LongAdder();
    private final AtomicLongArray failures = new AtomicLongArray(CATEGORIES.length);
    private final Latency latency = new Latency();

    /**
     * @param provider the provider id
     * @param settings its circuit settings
     * @param clock the clock of the circuit's delay
     */
    public ProviderTracker(String provider, CircuitSettings settings, Clock clock) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.circuit = new Circuit(provider, settings, clock);
    }

    /** @return the provider id */
    public String provider() {
        return provider;
    }

    /** @return the circuit settings */
    public CircuitSettings settings() {
        return settings;
    }

    /**
     * Asks the circuit whether a request may go to the provider now: always while it is closed,
     * never while it is open, and for a limited number of trials while it is half-open.
     *
     * @return whether to send the request
     */
    public boolean tryAcquire() {
        return circuit.tryAcquire();
    }

    /**
     * Whether {@link #tryAcquire()} would permit a request now, without taking a trial place: for
     * choosing among fallback targets before sending. Only {@link #tryAcquire()} permits a request.
     *
     * @return {@code false} while the circuit is open, or half-open with every trial place taken
     */
    public boolean isAvailable() {
        return circuit.isAvailable();
    }

    /**
     * @param latency the time the request took
     */
    public void recordSuccess(Duration latency) {
        successes.increment();
        this.latency.record(latency);
        circuit.recordSuccess();
    }

    /**
     * @param category how the request failed; only transient categories count towards opening
     *     the circuit
     * @param latency the time until the failure
     */
    public void recordFailure(ErrorCategory category, Duration latency) {
        failures.incrementAndGet(category.ordinal());
        this.latency.record(latency);
        circuit.recordFailure(category);
    }

    /**
     * The failure of a request the engine did not send because {@link #tryAcquire()} refused it.
     *
     * @return a transient failure of category {@link ErrorCategory#OVERLOADED} naming the provider,
     *     whose {@link LlmException#retryAfter()} is the time until the circuit half-opens (zero
     *     while it is half-open and its trial places are taken)
     */
    public LlmException circuitOpen() {
        Instant now = clock.instant();
        Instant halfOpensAt = circuit.view().halfOpensAt();
        return LlmException.builder(ErrorCategory.OVERLOADED)
                .provider(provider)
                .message(Messages.circuitOpen(provider, halfOpensAt))
                .retryAfter(halfOpensAt != null && halfOpensAt.isAfter(now) ? Duration.between(now, halfOpensAt)
                        : Duration.ZERO)
                .build();
    }

    /** @return the provider's status as of now */
    public ProviderStatus status() {
        Circuit.View view = circuit.view();
        ProviderStatus.Builder b = ProviderStatus.builder(provider)
                .circuitState(view.state())
                .halfOpensAt(view.halfOpensAt())
                .consecutiveFailures(view.consecutiveFailures())
                .successes(successes.sum())
                .lastLatency(latency.last())
                .meanLatency(latency.mean());
        for (ErrorCategory category : CATEGORIES) {
            b.failures(category, failures.get(category.ordinal()));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "ProviderTracker[" + provider + ", " + circuit.view().state() + "]";
    }
}
