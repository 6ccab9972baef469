package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import java.time.Duration;

/**
 * One request's reservation under its target's rate limits, from {@link RateLimiter#acquire(long)}.
 * It is settled once, when the provider has answered or failed: the first settle call counts and
 * later ones are ignored. A permit that is never settled keeps its estimate.
 */
public interface Permit {

    /** @return the permit of a target without limits, whose methods do nothing */
    static Permit none() {
        return Unlimited.INSTANCE;
    }

    /**
     * Corrects the reserved tokens to the tokens used: the difference to the estimate is given
     * back when fewer were used, and charged when more were used (so the next requests wait for
     * it). A give-back never fills the limit beyond one minute's worth, and nothing is given back
     * once the limit has been entirely refilled since the reservation.
     *
     * @param actualTokens the tokens the request used, input and output
     */
    void settle(long actualTokens);

    /**
     * {@linkplain #settle(long) Settles} with the provider's usage: its
     * {@linkplain Usage#totalTokens() total} when {@linkplain Usage#isKnown() known}. An unknown
     * usage keeps the estimate, or charges the counts it has where they are higher (a stream cut
     * after part of its usage was reported).
     *
     * @param usage the usage of the provider's answer
     */
    void settle(Usage usage);

    /**
     * Settles a request that failed:
     * <ol>
     *   <li>the provider answered with an HTTP error status: it processed no tokens, so the tokens
     *       are given back, while the request still counts;</li>
     *   <li>an {@link LlmException} of category {@link ErrorCategory#INVALID_REQUEST} without an
     *       HTTP status: the request was refused before it was sent, so the request and its tokens
     *       are given back;</li>
     *   <li>any other failure (timeout, network, cancellation, an unreadable answer): what the
     *       provider used is unknown, so the estimate is kept.</li>
     * </ol>
     *
     * @param failure why the request failed
     */
    void settleFailure(Throwable failure);

    /** Gives the request and its tokens back, for a request that was never sent. */
    void release();

    /** @return how long {@code acquire} waited for this request's turn */
    Duration waited();
}
