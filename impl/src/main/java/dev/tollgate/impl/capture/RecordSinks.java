package dev.tollgate.impl.capture;

import dev.tollgate.api.LlmCallRecord;
import java.util.List;

/**
 * Publishes each record to several sinks in order, such as the usage ledger, the record stores
 * and CDI observers. What one sink throws is counted and the next is still told.
 */
public final class RecordSinks implements RecordSink {
    private final RecordSink[] sinks;
    private final CaptureFailures failures;

    /**
     * @param sinks the sinks, in order
     * @param failures where their failures are counted
     */
    public RecordSinks(List<RecordSink> sinks, CaptureFailures failures) {
        this.sinks = sinks.toArray(RecordSink[]::new);
        this.failures = failures;
    }

    @Override
    public void publish(LlmCallRecord record) {
        for (RecordSink sink : sinks) {
            try {
                sink.publish(record);
            } catch (RuntimeException e) {
                failures.report("publishing a record to " + sink.getClass().getSimpleName(), e);
            }
        }
    }
}
