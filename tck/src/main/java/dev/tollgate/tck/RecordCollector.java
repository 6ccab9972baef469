package dev.tollgate.tck;

import dev.tollgate.api.LlmCallRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observes every {@link LlmCallRecord}, synchronously and asynchronously, for tests to inspect. */
@ApplicationScoped
public class RecordCollector {
    private final List<LlmCallRecord> records = new CopyOnWriteArrayList<>();
    private final List<LlmCallRecord> asyncRecords = new CopyOnWriteArrayList<>();

    void onRecord(@Observes LlmCallRecord record) {
        records.add(record);
    }

    void onRecordAsync(@ObservesAsync LlmCallRecord record) {
        asyncRecords.add(record);
    }

    /** Forgets everything observed so far. */
    public void clear() {
        records.clear();
        asyncRecords.clear();
    }

    /** @return the records observed synchronously, in order */
    public List<LlmCallRecord> records() {
        return List.copyOf(records);
    }

    /**
     * @return the only record observed synchronously
     * @throws AssertionError if there is not exactly one
     */
    public LlmCallRecord single() {
        if (records.size() != 1) {
            throw new AssertionError("expected one record but got " + records);
        }
        return records.get(0);
    }

    /**
     * @param count how many records to wait for
     * @return the records observed asynchronously, once there are at least {@code count}
     */
    public List<LlmCallRecord> awaitAsync(int count) {
        Await.until(() -> asyncRecords.size() >= count, Duration.ofSeconds(10),
                () -> "expected " + count + " asynchronous records but got " + asyncRecords);
        return List.copyOf(asyncRecords);
    }
}
