package dev.tollgate.api;

/**
 * What kind of failure a provider call ended in, normalised across providers.
 *
 * <p>Each category says whether it is {@linkplain #isTransient() transient}: whether trying the
 * same request again, later or against another target, may succeed. Transient categories are
 * raised as {@link TransientLlmException}, the others as {@link PermanentLlmException}.
 */
public enum ErrorCategory {
    /** The credentials were missing, malformed or rejected (HTTP 401). */
    AUTHENTICATION(false),
    /** The credentials are valid but may not use this resource or model (HTTP 403). */
    PERMISSION(false),
    /** The provider rejected the request as malformed or unsupported (HTTP 400, 404, 422). */
    INVALID_REQUEST(false),
    /** The requested model does not exist or is not available to this account. */
    MODEL_NOT_FOUND(false),
    /** The prompt, or prompt plus requested output, exceeds the model's context window. */
    CONTEXT_LENGTH_EXCEEDED(false),
    /** The provider's content filter blocked the prompt or the completion. */
    CONTENT_FILTERED(false),
    /** Too many requests or tokens in a period (HTTP 429); see {@link LlmException#retryAfter()}. */
    RATE_LIMITED(true),
    /** The account's quota, credit or spending budget is exhausted. */
    QUOTA_EXCEEDED(false),
    /** The provider did not answer within the configured timeout. */
    TIMEOUT(true),
    /** The connection could not be made or broke before the response was complete. */
    NETWORK(true),
    /** The provider failed internally (HTTP 500, 502). */
    SERVER_ERROR(true),
    /** The provider is temporarily overloaded or unavailable (HTTP 503, 529). */
    OVERLOADED(true),
    /** The call was cancelled by the caller, for example by thread interruption. */
    CANCELLED(false),
    /** The provider answered with something that is not a valid response of its protocol. */
    INVALID_RESPONSE(true);

    private final boolean transientFailure;

    ErrorCategory(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    /**
     * Whether a later attempt, or an attempt against another target, may succeed.
     *
     * @return {@code true} for failures a retry or fallback may overcome
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
