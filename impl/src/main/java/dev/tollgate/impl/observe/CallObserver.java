package dev.tollgate.impl.observe;

import dev.tollgate.impl.capture.LlmCallContext;

/**
 * Follows {@link dev.tollgate.api.LlmCall} methods and the provider requests made in them, such as
 * to trace them. Implementations must be thread-safe; whatever they throw is counted and logged by
 * {@link Observers} and never reaches the business call.
 */
public interface CallObserver {

    /**
     * An {@link dev.tollgate.api.LlmCall} method is entered, on the thread that runs it.
     *
     * @param context the call's context, where per-call state can be {@linkplain LlmCallContext#attach attached}
     * @return what to tell when the method's thread leaves it and when the call ends
     */
    default CallObservation callStarted(LlmCallContext context) {
        return CallObservation.NONE;
    }

    /**
     * A request is about to be sent, on the thread that sends it. A request refused before it was
     * sent (open circuit, rate limit, budget) is told too, and its observation ends at once.
     *
     * @param start what is sent where, and in which call
     * @return what to tell while it is sent and when it ends
     */
    default RequestObservation requestStarted(RequestStart start) {
        return RequestObservation.NONE;
    }
}
