package dev.tollgate.api;

/**
 * The state of a provider's circuit, as {@link ProviderHealth} describes it.
 *
 * <p>The states follow one another in a cycle: {@link #CLOSED} → {@link #OPEN} after
 * {@code tollgate.providers.<id>.circuit.failure-threshold} transient failures in a row,
 * {@link #OPEN} → {@link #HALF_OPEN} after {@code tollgate.providers.<id>.circuit.delay},
 * {@link #HALF_OPEN} → {@link #CLOSED} when the trial requests succeed, or back to
 * {@link #OPEN} when one of them fails transiently.
 */
public enum CircuitState {
    /** Requests go to the provider; failures in a row are counted. */
    CLOSED,
    /**
     * Requests are not sent to the provider until {@link ProviderStatus#halfOpensAt()}: a
     * {@link Fallback} moves on to its next target without a network call.
     */
    OPEN,
    /**
     * The delay of an open circuit has passed: a limited number of trial requests go to the
     * provider, further ones are treated as in {@link #OPEN} until the trials have ended.
     */
    HALF_OPEN
}
