package dev.tollgate.impl.capture;

import dev.tollgate.api.LlmCallRecord;

/** Where finished records go, such as CDI observers. Must not throw; failures are its own. */
@FunctionalInterface
public interface RecordSink {
    /**
     * @param record a finished record
     */
    void publish(LlmCallRecord record);
}
