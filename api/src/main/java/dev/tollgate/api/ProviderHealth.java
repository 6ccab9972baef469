package dev.tollgate.api;

import java.util.List;
import java.util.Optional;

/**
 * The health of the configured providers: how their requests ended, how long they took, and the
 * state of each provider's circuit. Inject it: {@code @Inject ProviderHealth health}. Where
 * MicroProfile Health is present, Tollgate also reports a readiness check named {@code tollgate}
 * that is {@code DOWN} while the circuit of every configured provider is {@link CircuitState#OPEN}.
 *
 * <p>Every request Tollgate sends to a provider ends in one outcome, a success or a failure of an
 * {@link ErrorCategory}, and each outcome is counted in the provider's {@link ProviderStatus}.
 * The circuit of a provider follows these rules:
 * <ol>
 *   <li>While {@link CircuitState#CLOSED}, requests go to the provider. A failure of a
 *       {@linkplain ErrorCategory#isTransient() transient} category adds one to
 *       {@link ProviderStatus#consecutiveFailures()}; a success sets it to zero; a failure of a
 *       permanent category (such as {@link ErrorCategory#INVALID_REQUEST},
 *       {@link ErrorCategory#AUTHENTICATION}, {@link ErrorCategory#CONTENT_FILTERED},
 *       {@link ErrorCategory#QUOTA_EXCEEDED} or {@link ErrorCategory#CANCELLED}) leaves it
 *       unchanged, since it says something about the request or the account, not about whether
 *       the provider is available.</li>
 *   <li>When {@link ProviderStatus#consecutiveFailures()} reaches
 *       {@code tollgate.providers.<id>.circuit.failure-threshold} (default 5), the circuit becomes
 *       {@link CircuitState#OPEN} for {@code tollgate.providers.<id>.circuit.delay} (default
 *       {@code PT30S}). While it is open, no request is sent to the provider: a {@link Fallback}
 *       moves on to its next target without a network call, and a request with no further target
 *       fails with a {@link TransientLlmException} of category {@link ErrorCategory#OVERLOADED}
 *       whose {@link LlmException#retryAfter()} is the time left until
 *       {@link ProviderStatus#halfOpensAt()}.</li>
 *   <li>When the delay has passed, the circuit is {@link CircuitState#HALF_OPEN}: the next
 *       {@code tollgate.providers.<id>.circuit.half-open-trials} requests (default 1) go to the
 *       provider as trials, and further requests are treated as in rule 2 until the trials have
 *       ended.</li>
 *   <li>When that many successes have been counted while half-open, the circuit is
 *       {@link CircuitState#CLOSED} again and {@link ProviderStatus#consecutiveFailures()} is zero.
 *       A transient failure while half-open opens the circuit again for another delay. A permanent
 *       failure of a trial neither closes nor opens it: it frees its place for another trial.</li>
 *   <li>Outcomes of requests that end while the circuit is open (they were sent before it opened)
 *       are counted but do not change the circuit.</li>
 *   <li>With {@code tollgate.providers.<id>.circuit.enabled=false} (default {@code true}) the
 *       circuit stays {@link CircuitState#CLOSED} and every request goes to the provider; outcomes
 *       are still counted.</li>
 * </ol>
 *
 * <p>A failure-threshold or half-open-trials that is not a whole number of at least 1, a delay that
 * is not a positive duration ({@code PT30S}, {@code 30s}, {@code 500ms}), and an enabled flag that
 * is neither {@code true} nor {@code false} are deployment errors naming the property.
 *
 * <p>Health is kept in memory, per application, from its start; it is not shared between
 * instances of a cluster. This circuit is Tollgate's own, per provider: it composes with MicroProfile
 * Fault Tolerance's {@code @CircuitBreaker}, which guards a whole method. Implementations are
 * thread-safe.
 */
public interface ProviderHealth {

    /**
     * The status of one provider, as of this call.
     *
     * @param providerId a provider id, as configured under {@code tollgate.providers.<id>}
     * @return its status, or empty if no such provider is configured
     */
    Optional<ProviderStatus> status(String providerId);

    /**
     * The status of every configured provider, as of this call.
     *
     * @return one status per configured provider, ordered by provider id; empty if none is
     *     configured
     */
    List<ProviderStatus> statuses();
}
