package dev.tollgate.api.spi;

import dev.tollgate.api.LlmCallRecord;
import java.util.List;

/**
 * Persists {@link LlmCallRecord}s, for example into a database table with JPA.
 *
 * <p>Implementations are found as CDI beans of the application and with
 * {@link java.util.ServiceLoader}. The business call never waits for a store:
 *
 * <ol>
 *   <li>Each published record is put in a bounded in-memory queue per store
 *       ({@code tollgate.store.queue-capacity}, default 10000). When the queue is full, the record
 *       is dropped, counted in {@link dev.tollgate.api.PersistenceStatus#dropped()} and logged once
 *       per burst of drops.</li>
 *   <li>One writer thread per store (from the container's {@code ManagedThreadFactory} where there
 *       is one) hands records over in batches of at most {@code tollgate.store.batch-size}
 *       (default 100), in the order they were published, to {@link #store(List)}.</li>
 *   <li>When {@link #store(List)} throws, the failure is logged and counted, and the same batch is
 *       handed over again after {@code tollgate.store.retry-delay} (default {@code PT1S}), doubling
 *       up to 64 times that delay, until it succeeds. A store should therefore store a batch all or
 *       nothing, such as in one transaction.</li>
 *   <li>When the application shuts down, pending records are handed over for at most
 *       {@code tollgate.store.shutdown-timeout} (default {@code PT5S}); what is left is dropped and
 *       counted.</li>
 * </ol>
 *
 * <p>A store is called from one thread at a time.
 */
@FunctionalInterface
public interface RecordStore {

    /**
     * Persists records.
     *
     * @param batch one or more records, oldest first
     * @throws Exception if they were not stored; the same batch is handed over again later
     */
    void store(List<LlmCallRecord> batch) throws Exception;
}
