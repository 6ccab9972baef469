package dev.tollgate.impl.capture;

import java.util.concurrent.CompletionStage;

/**
 * A method result whose exchange ends after the method returns, such as a stream: the
 * {@link dev.tollgate.api.LlmCall} record waits for it.
 */
public interface DeferredOutcome {
    /** @return completes when the result's exchange has ended and been recorded */
    CompletionStage<?> outcome();
}
