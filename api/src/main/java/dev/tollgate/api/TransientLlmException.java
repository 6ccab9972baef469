package dev.tollgate.api;

/**
 * An {@link LlmException} whose {@linkplain ErrorCategory#isTransient() category is transient}: a
 * retry, or a fallback to another target, may succeed. Create one with
 * {@link LlmException#builder(ErrorCategory)}.
 */
public final class TransientLlmException extends LlmException {
    TransientLlmException(Builder b) {
        super(b);
    }
}
