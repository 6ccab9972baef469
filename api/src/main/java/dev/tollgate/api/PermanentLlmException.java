package dev.tollgate.api;

/**
 * An {@link LlmException} whose category is not transient: the same request will fail again
 * until something changes (credentials, the prompt, the model name). Create one with
 * {@link LlmException#builder(ErrorCategory)}.
 */
public final class PermanentLlmException extends LlmException {
    PermanentLlmException(Builder b) {
        super(b);
    }
}
