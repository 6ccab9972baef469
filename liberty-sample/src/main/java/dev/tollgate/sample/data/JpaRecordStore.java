package dev.tollgate.sample.data;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.spi.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Writes every captured call into the {@code tollgate} persistence unit, a batch per transaction.
 * Tollgate hands batches over from its own thread and hands a failed batch over again, so a batch
 * is stored all or nothing and never twice.
 */
@ApplicationScoped
public class JpaRecordStore implements RecordStore {
    @PersistenceContext(unitName = "tollgate")
    EntityManager em;

    @Override
    @Transactional
    public void store(List<LlmCallRecord> batch) {
        for (LlmCallRecord record : batch) {
            em.persist(CallRow.of(record));
        }
    }
}
