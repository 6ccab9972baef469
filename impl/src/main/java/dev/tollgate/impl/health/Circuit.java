package dev.tollgate.impl.health;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.Messages;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The circuit of one provider, following the rules of {@link dev.tollgate.api.ProviderHealth}.
 * Its whole state is one immutable {@link Phase} swapped by compare-and-set, so there is no
 * lock, and a closed circuit without failures answers and records a success with a single read.
 */
final class Circuit {
    private static final System.Logger LOG = System.getLogger(Circuit.class.getName());

    private final String provider;
    private final CircuitSettings settings;
    private final long delayMillis;
    private final Clock clock;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.CLOSED);

    Circuit(String provider, CircuitSettings settings, Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.clock = clock;
        this.delayMillis = saturatedMillis(settings.delay());
    }

    /**
     * Whether a request may go to the provider now. A permission taken while half-open is a trial
     * place, given back by the request's outcome.
     */
    boolean tryAcquire() {
        while (true) {
            Phase p = phase.get();
            if (p.state == CircuitState.CLOSED) {
                return true;
            }
            long now = clock.millis();
            Phase next;
            if (p.state == CircuitState.OPEN) {
                if (!delayPassed(p, now)) {
                    return false;
                }
                next = new Phase(CircuitState.HALF_OPEN, p.consecutiveFailures, now, 1, 0);
            } else if (p.trialsStarted < settings.halfOpenTrials()) {
                next = new Phase(p.state, p.consecutiveFailures, p.since, p.trialsStarted + 1, p.trialsSucceeded);
            } else if (delayPassed(p, now)) {
                // A trial whose outcome never came (an abandoned stream) must not keep the circuit
                // half-open for good: after a delay its place is free again.
                next = new Phase(p.state, p.consecutiveFailures, now, p.trialsSucceeded + 1, p.trialsSucceeded);
            } else {
                return false;
            }
            if (phase.compareAndSet(p, next)) {
                return true;
            }
        }
    }

    /** Whether {@link #tryAcquire()} would permit a request now; takes no trial place. */
    boolean isAvailable() {
        Phase p = phase.get();
        if (p.state == CircuitState.CLOSED) {
            return true;
        }
        return p.state == CircuitState.HALF_OPEN && p.trialsStarted < settings.halfOpenTrials()
                || delayPassed(p, clock.millis());
    }

    void recordSuccess() {
        while (true) {
            Phase p = phase.get();
            Phase next;
            if (p.state == CircuitState.OPEN || p.state == CircuitState.CLOSED && p.consecutiveFailures == 0) {
                return;
            } else if (p.state == CircuitState.CLOSED) {
                next = Phase.CLOSED;
            } else if (p.trialsSucceeded + 1 >= settings.halfOpenTrials()) {
                next = Phase.CLOSED;
            } else {
                int succeeded = p.trialsSucceeded + 1;
                next = new Phase(p.state, p.consecutiveFailures, p.since, Math.max(p.trialsStarted, succeeded),
                        succeeded);
            }
            if (phase.compareAndSet(p, next)) {
                if (p.state == CircuitState.HALF_OPEN && next.state == CircuitState.CLOSED) {
                    LOG.log(Level.INFO, Messages.circuitClosed(provider));
                }
                return;
            }
        }
    }

    void recordFailure(ErrorCategory category) {
        if (!category.isTransient()) {
            freeTrialPlace();
            return;
        }
        while (true) {
            Phase p = phase.get();
            long failures = p.consecutiveFailures + 1;
            Phase next;
            if (p.state == CircuitState.OPEN) {
                next = new Phase(p.state, failures, p.since, 0, 0);
            } else if (p.state == CircuitState.HALF_OPEN
                    || settings.enabled() && failures >= settings.failureThreshold()) {
                next = new Phase(CircuitState.OPEN, failures, clock.millis(), 0, 0);
            } else {
                next = new Phase(p.state, failures, p.since, 0, 0);
            }
            if (phase.compareAndSet(p, next)) {
                if (p.state == CircuitState.CLOSED && next.state == CircuitState.OPEN) {
                    LOG.log(Level.WARNING, Messages.circuitOpened(provider, failures, category, settings.delay()));
                } else if (p.state == CircuitState.HALF_OPEN) {
                    LOG.log(Level.WARNING, Messages.circuitReopened(provider, category, settings.delay()));
                }
                return;
            }
        }
    }

    private void freeTrialPlace() {
        while (true) {
            Phase p = phase.get();
            if (p.state != CircuitState.HALF_OPEN || p.trialsStarted <= p.trialsSucceeded) {
                return;
            }
            Phase next = new Phase(p.state, p.consecutiveFailures, p.since, p.trialsStarted - 1, p.trialsSucceeded);
            if (phase.compareAndSet(p, next)) {
                return;
            }
        }
    }

    /** @return the circuit as of now: an open circuit whose delay has passed is half-open */
    View view() {
        Phase p = phase.get();
        if (p.state != CircuitState.OPEN) {
            return new View(p.state, null, p.consecutiveFailures);
        }
        long halfOpen = halfOpenMillis(p);
        return clock.millis() >= halfOpen
                ? new View(CircuitState.HALF_OPEN, null, p.consecutiveFailures)
                : new View(CircuitState.OPEN, Instant.ofEpochMilli(halfOpen), p.consecutiveFailures);
    }

    private boolean delayPassed(Phase p, long now) {
        return now >= halfOpenMillis(p);
    }

    private long halfOpenMillis(Phase p) {
        return p.since > Long.MAX_VALUE - delayMillis ? Long.MAX_VALUE : p.since + delayMillis;
    }

    private static long saturatedMillis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The circuit as a status reports it.
     *
     * @param state the state
     * @param halfOpensAt when an open circuit lets trials through; {@code null} unless open
     * @param consecutiveFailures transient failures since the last success
     */
    record View(CircuitState state, Instant halfOpensAt, long consecutiveFailures) {
    }

    /**
     * One state of the circuit.
     *
     * @param state the state
     * @param consecutiveFailures transient failures since the last success
     * @param since when the circuit opened, or when the current half-open trials began (epoch ms)
     * @param trialsStarted half-open trial places taken, succeeded ones included
     * @param trialsSucceeded half-open successes
     */
    private record Phase(CircuitState state, long consecutiveFailures, long since, int trialsStarted,
            int trialsSucceeded) {
        static final Phase CLOSED = new Phase(CircuitState.CLOSED, 0, 0, 0, 0);
    }
}
