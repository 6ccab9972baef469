package dev.tollgate.tck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.UsageLedger;
import dev.tollgate.tck.Await;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class RecordStoreTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("record-store", TckConfig.standard()
                        .set("tollgate.store.retry-delay", "10ms")
                        .set("tollgate.store.batch-size", "2"),
                RecordStoreTest.class, MeteredService.class, CollectingStore.class);
    }

    @Inject
    MeteredService service;

    @Inject
    CollectingStore store;

    @Inject
    RecordCollector records;

    @Inject
    UsageLedger ledger;

    @Test
    public void aRecordStoreBean_receivesEveryRecordOnceInOrder_evenAfterItsDatabaseWasDown() {
        records.clear();

        for (int i = 0; i < 5; i++) {
            service.askSimulated("question " + i);
        }

        Await.until(() -> store.stored().size() >= 5, Duration.ofSeconds(10),
                () -> "stored only " + store.stored());
        assertEquals(records.records().stream().map(LlmCallRecord::id).toList(),
                store.stored().stream().map(LlmCallRecord::id).toList());
        assertEquals(new PersistenceStatus(5, 0, 0, 2), ledger.persistence());
    }
}
