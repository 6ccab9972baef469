package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.spi.BudgetBalance;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every budget store must do; each test uses an allowance of its own. */
abstract class BudgetStoreContract {
    private static final BigDecimal LIMIT = new BigDecimal("0.30");

    /** @return a store on the balances every other store of the test class sees (another "node") */
    abstract BudgetStore node();

    static BudgetWindow window() {
        return new BudgetWindow("b-" + UUID.randomUUID(), "Svc.ask", Instant.parse("2026-11-26T00:00:00Z"),
                Instant.parse("2026-11-27T00:00:00Z"));
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void unusedAllowance_isEmpty() {
        BudgetBalance balance = node().balance(window());

        assertThat(balance.spent()).isEqualByComparingTo("0");
        assertThat(balance.reserved()).isEqualByComparingTo("0");
    }

    @Test
    void reservations_fitUpToTheLimitExactly_andNotBeyond() {
        BudgetStore store = node();
        BudgetWindow w = window();

        assertThat(store.reserve(w, d("0.1"), LIMIT)).isTrue();
        assertThat(store.reserve(w, d("0.1"), LIMIT)).isTrue();
        assertThat(store.reserve(w, d("0.100000000001"), LIMIT)).isFalse();
        assertThat(store.reserve(w, d("0.1"), LIMIT)).isTrue();

        assertThat(store.balance(w).reserved()).isEqualByComparingTo("0.3");
    }

    @Test
    void zeroReservation_fitsUntilTheLimitIsReached() {
        BudgetStore store = node();
        BudgetWindow w = window();

        assertThat(store.reserve(w, d("0"), LIMIT)).isTrue();
        assertThat(store.reserve(w, d("0.3"), LIMIT)).isTrue();
        store.settle(w, d("0.3"), d("0.3"));

        assertThat(store.reserve(w, d("0"), LIMIT)).isFalse();
    }

    @Test
    void settle_movesTheReservationToSpent_withTheActualAmount() {
        BudgetStore store = node();
        BudgetWindow w = window();
        store.reserve(w, d("0.2"), LIMIT);
        store.reserve(w, d("0.05"), LIMIT);

        store.settle(w, d("0.2"), d("0.000123456789"));
        store.settle(w, d("0.05"), d("0"));

        BudgetBalance balance = store.balance(w);
        assertThat(balance.spent()).isEqualByComparingTo("0.000123456789");
        assertThat(balance.reserved()).isEqualByComparingTo("0");
        assertThat(store.reserve(w, d("0.299876543211"), LIMIT)).isTrue();
        assertThat(store.reserve(w, d("0.000000000001"), LIMIT)).isFalse();
    }

    @Test
    void allowancesOfOtherKeysAndPeriods_areSeparate() {
        BudgetStore store = node();
        BudgetWindow w = window();
        BudgetWindow otherKey = new BudgetWindow(w.budget(), "Svc.other", w.start(), w.end());
        BudgetWindow nextDay = new BudgetWindow(w.budget(), w.key(), w.end(), w.end().plusSeconds(86_400));
        store.reserve(w, LIMIT, LIMIT);

        assertThat(store.reserve(w, d("0.01"), LIMIT)).isFalse();
        assertThat(store.reserve(otherKey, LIMIT, LIMIT)).isTrue();
        assertThat(store.reserve(nextDay, LIMIT, LIMIT)).isTrue();
    }

    @Test
    void twoNodesReservingConcurrently_neverCommitMoreThanTheLimit() throws Exception {
        BudgetStore[] nodes = {node(), node()};
        BudgetWindow w = window();
        BigDecimal amount = d("0.01");
        BigDecimal limit = d("1.00");
        int threads = 8;
        int attemptsEach = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<BigDecimal> overshoots = new ArrayList<>();
        Future<?> watcher = pool.submit(() -> {
            while (running.get()) {
                BigDecimal committed = nodes[0].balance(w).committed();
                if (committed.compareTo(limit) > 0) {
                    synchronized (overshoots) {
                        overshoots.add(committed);
                    }
                }
            }
            return null;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            BudgetStore store = nodes[t % 2];
            boolean settleAtOnce = t % 4 < 2;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    if (store.reserve(w, amount, limit)) {
                        granted.incrementAndGet();
                        if (settleAtOnce) {
                            store.settle(w, amount, amount);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        running.set(false);
        watcher.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(overshoots).as("spent + reserved never exceeded the limit").isEmpty();
        assertThat(granted.get()).as("160 attempts of 0.01 on a limit of 1.00").isEqualTo(100);
        assertThat(nodes[1].balance(w).committed()).isEqualByComparingTo(limit);
    }
}
