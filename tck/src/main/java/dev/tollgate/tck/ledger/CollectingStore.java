package dev.tollgate.tck.ledger;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.spi.RecordStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A record store whose database is down for its first two hand-overs, then keeps every record. */
@ApplicationScoped
public class CollectingStore implements RecordStore {
    private final AtomicInteger outagesLeft = new AtomicInteger(2);
    private final List<LlmCallRecord> stored = new CopyOnWriteArrayList<>();

    @Override
    public void store(List<LlmCallRecord> batch) throws Exception {
        if (outagesLeft.getAndDecrement() > 0) {
            throw new java.sql.SQLTransientConnectionException("database down");
        }
        stored.addAll(batch);
    }

    /** @return the records stored, in the order they were handed over */
    public List<LlmCallRecord> stored() {
        return List.copyOf(stored);
    }
}
