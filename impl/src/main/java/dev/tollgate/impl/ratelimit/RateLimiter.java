package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ChatRequest;

/**
 * The client-side rate limits of one target, a provider and possibly a model, shared by every
 * thread that sends to it. Obtained from {@link RateLimits#forTarget(String, String)}.
 *
 * <p>Before each provider request, {@link #acquire(ChatRequest)} (or {@link #acquire(long)})
 * reserves one request and the request's estimated tokens against every limit that applies: the
 * model's own limits, if configured, and the provider's. The reservation is made at once, under a
 * short lock, for the earliest moment at which all of them allow it; the calling thread then
 * sleeps until that moment outside any lock, so virtual threads unmount and nothing spins. When
 * the provider has answered, the returned {@link Permit} settles the estimate against the tokens
 * the provider reported.
 *
 * <p>Limits without configuration are {@link #none()}: its {@code acquire} does nothing, not even
 * estimate tokens, and returns {@link Permit#none()}.
 */
public interface RateLimiter {

    /** @return the limiter of a target without limits */
    static RateLimiter none() {
        return Unlimited.INSTANCE;
    }

    /**
     * Waits for this request's turn and reserves it.
     *
     * <ol>
     *   <li>The turn is the earliest moment at which one more request and
     *       {@code estimatedTokens} more tokens fit every limit of the target.</li>
     *   <li>If it is no later than the provider's {@code rate-limit.max-wait} from now, it is
     *       reserved and the thread sleeps until then.</li>
     *   <li>Otherwise nothing is reserved and an {@link dev.tollgate.api.LlmException} of category
     *       {@link dev.tollgate.api.ErrorCategory#RATE_LIMITED} is thrown at once, with the
     *       provider, the model, a message naming the limit's property, and
     *       {@link dev.tollgate.api.LlmException#retryAfter()} the wait the request would need.
     *       The category is transient, so {@code @Retry} and {@code @Fallback} act on it.</li>
     *   <li>If the thread is interrupted while it sleeps, the reservation is given back, the
     *       thread's interrupt flag is set again and an {@code LlmException} of category
     *       {@link dev.tollgate.api.ErrorCategory#CANCELLED} is thrown.</li>
     * </ol>
     *
     * @param estimatedTokens the tokens the request is expected to use, input and output; see
     *     {@link TokenEstimate}
     * @return the permit to settle once the provider has answered
     * @throws dev.tollgate.api.LlmException of category {@code RATE_LIMITED} or {@code CANCELLED}
     * @throws IllegalArgumentException if {@code estimatedTokens} is negative
     */
    Permit acquire(long estimatedTokens);

    /**
     * {@linkplain #acquire(long) Acquires} a turn for a request, estimating its tokens with
     * {@link TokenEstimate#of(ChatRequest)} only if a tokens-a-minute limit applies.
     *
     * @param request the request about to be sent
     * @return the permit to settle once the provider has answered
     * @throws dev.tollgate.api.LlmException of category {@code RATE_LIMITED} or {@code CANCELLED}
     */
    default Permit acquire(ChatRequest request) {
        return acquire(countsTokens() ? TokenEstimate.of(request) : 0);
    }

    /** @return whether a tokens-a-minute limit applies, so that token estimates matter */
    boolean countsTokens();
}
