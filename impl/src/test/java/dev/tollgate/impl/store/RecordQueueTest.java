package dev.tollgate.impl.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.spi.RecordStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RecordQueueTest {

    /** Keeps every batch it accepts; fails the first {@code failures} hand-overs. */
    static final class TestStore implements RecordStore {
        final List<LlmCallRecord> stored = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;

        TestStore(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public void store(List<LlmCallRecord> batch) throws Exception {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new java.sql.SQLException("database unavailable");
            }
            batchSizes.add(batch.size());
            stored.addAll(batch);
        }
    }

    private static LlmCallRecord record(int n) {
        return LlmCallRecord.builder().id("r" + n).callName("call").startedAt(Instant.EPOCH).duration(Duration.ZERO)
                .build();
    }

    private static List<LlmCallRecord> publish(RecordQueue queue, int count) {
        List<LlmCallRecord> published = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LlmCallRecord r = record(i);
            published.add(r);
            queue.publish(r);
        }
        return published;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(5);
        }
    }

    private static StoreSettings settings(int capacity, int batch, Duration shutdownTimeout) {
        return new StoreSettings(capacity, batch, Duration.ofMillis(1), shutdownTimeout);
    }

    @Test
    void aStoreThatFailsThenRecovers_receivesEveryRecordOnceInOrder() throws Exception {
        TestStore store = new TestStore(5);
        RecordQueue queue = new RecordQueue(store, settings(1000, 7, Duration.ofSeconds(5)), Persistence.daemonThreads());

        List<LlmCallRecord> published = publish(queue, 500);
        await(() -> queue.status().stored() == 500);
        queue.close();

        assertThat(store.stored).containsExactlyElementsOf(published);
        assertThat(store.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, 7));
        assertThat(queue.status()).isEqualTo(new PersistenceStatus(500, 0, 0, 5));
    }

    @Test
    void aBlockedStore_letsTheQueueOverflow_dropsExactlyWhatDoesNotFit_andNeverBlocksPublishing() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<LlmCallRecord> stored = new CopyOnWriteArrayList<>();
        RecordQueue queue = new RecordQueue(batch -> {
            entered.countDown();
            release.await();
            stored.addAll(batch);
        }, settings(10, 1, Duration.ofSeconds(5)), Persistence.daemonThreads());

        queue.publish(record(-1));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        publish(queue, 25);

        assertThat(queue.status()).isEqualTo(new PersistenceStatus(0, 11, 15, 0));
        release.countDown();
        await(() -> queue.status().stored() == 11);
        queue.close();
        assertThat(stored).hasSize(11);
        assertThat(queue.status().dropped()).isEqualTo(15);
    }

    @Test
    void close_handsOverWhatIsPendingBeforeReturning() {
        TestStore store = new TestStore(0);
        RecordQueue queue = new RecordQueue(store, settings(1000, 10, Duration.ofSeconds(10)),
                Persistence.daemonThreads());

        List<LlmCallRecord> published = publish(queue, 300);
        queue.close();

        assertThat(store.stored).containsExactlyElementsOf(published);
        assertThat(queue.status()).isEqualTo(new PersistenceStatus(300, 0, 0, 0));
    }

    @Test
    void close_givesUpOnAStoreThatKeepsFailing_andCountsWhatItDrops() {
        TestStore store = new TestStore(Integer.MAX_VALUE);
        RecordQueue queue = new RecordQueue(store, settings(1000, 10, Duration.ofMillis(50)),
                Persistence.daemonThreads());

        publish(queue, 40);
        queue.close();
        queue.publish(record(99));

        PersistenceStatus status = queue.status();
        assertThat(store.stored).isEmpty();
        assertThat(status.stored()).isZero();
        assertThat(status.pending()).isZero();
        assertThat(status.dropped()).isEqualTo(41);
        assertThat(status.failures()).isPositive();
    }

    @Test
    void close_triesAgainAtOnce_aStoreThatIsWaitingOutItsBackoff() throws Exception {
        TestStore store = new TestStore(1);
        RecordQueue queue = new RecordQueue(store, new StoreSettings(100, 10, Duration.ofHours(1), Duration.ofSeconds(10)),
                Persistence.daemonThreads());

        List<LlmCallRecord> published = publish(queue, 3);
        await(() -> queue.status().failures() == 1);
        queue.close();

        assertThat(store.stored).containsExactlyElementsOf(published);
        assertThat(queue.status()).isEqualTo(new PersistenceStatus(3, 0, 0, 1));
    }

    @Test
    void everyAcceptedRecordIsCountedAsPendingUntilItIsStored() throws Exception {
        RecordQueue queue = new RecordQueue(batch -> { }, settings(100_000, 3, Duration.ofSeconds(5)),
                Persistence.daemonThreads());
        int published = 20_000;
        long undercounted = 0;
        for (int i = 0; i < published; i++) {
            queue.publish(record(i));
            var status = queue.status();
            if (status.stored() + status.pending() + status.dropped() < i + 1) {
                undercounted++;
            }
        }
        await(() -> queue.status().stored() == published);
        queue.close();

        assertThat(undercounted).isZero();
        assertThat(queue.status().pending()).isZero();
    }
}
