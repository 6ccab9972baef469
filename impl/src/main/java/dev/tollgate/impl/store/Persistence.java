package dev.tollgate.impl.store;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.spi.RecordStore;
import dev.tollgate.impl.capture.RecordSink;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/** The queues of every record store of the engine; nothing to do when there is no store. */
public final class Persistence implements RecordSink {
    private final List<RecordQueue> queues;

    /**
     * Starts one writer per store.
     *
     * @param stores the stores
     * @param settings how records are handed over
     * @param threads makes the writer threads
     */
    public Persistence(List<RecordStore> stores, StoreSettings settings, ThreadFactory threads) {
        this.queues = stores.stream().map(s -> new RecordQueue(s, settings, threads)).toList();
    }

    @Override
    public void publish(LlmCallRecord record) {
        for (RecordQueue q : queues) {
            q.publish(record);
        }
    }

    /** @return the counts summed over every store */
    public PersistenceStatus status() {
        PersistenceStatus sum = PersistenceStatus.NONE;
        for (RecordQueue q : queues) {
            sum = sum.plus(q.status());
        }
        return sum;
    }

    /** Hands over what is pending, for at most the shutdown timeout per store, and stops. */
    public void close() {
        queues.forEach(RecordQueue::close);
    }

    /** @return makes daemon threads, for where the container offers no managed thread factory */
    public static ThreadFactory daemonThreads() {
        return task -> {
            Thread t = new Thread(task);
            t.setDaemon(true);
            return t;
        };
    }
}
