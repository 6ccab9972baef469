package dev.tollgate.impl;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.impl.capture.RecordSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published record, in order; records may arrive from other threads. */
public final class TestRecordSink implements RecordSink {
    private final List<LlmCallRecord> records = new CopyOnWriteArrayList<>();

    @Override
    public void publish(LlmCallRecord record) {
        records.add(record);
    }

    /** @return the records published so far */
    public List<LlmCallRecord> records() {
        return List.copyOf(records);
    }

    /**
     * @return the only record published
     * @throws AssertionError if there is not exactly one
     */
    public LlmCallRecord single() {
        if (records.size() != 1) {
            throw new AssertionError("expected exactly one record but got " + records);
        }
        return records.get(0);
    }
}
