package dev.tollgate.impl.observe;

import dev.tollgate.api.LlmCallRecord;

/** What an observer is told of one {@link dev.tollgate.api.LlmCall} invocation after it began. */
public interface CallObservation {
    /** Observes nothing. */
    CallObservation NONE = new CallObservation() {
    };

    /** The method returned or threw, on the thread that entered it; its outcome may come later. */
    default void left() {
    }

    /**
     * The call ended: its method returned, or its returned stage or stream completed.
     *
     * @param record the call's record
     */
    default void ended(LlmCallRecord record) {
    }
}
