package dev.tollgate.sample.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(123_456_789L);
    private final KeyRateLimiter limiter = new KeyRateLimiter(nanos::get);

    @Test
    void aKey_mayUseItsMinuteAtOnce_thenWaitsForTheNextRequest() {
        assertTrue(limiter.acquire("k", 2).isEmpty());
        assertTrue(limiter.acquire("k", 2).isEmpty());

        assertEquals(Optional.of(Duration.ofSeconds(30)), limiter.acquire("k", 2));
        advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.acquire("k", 2));
        advance(Duration.ofSeconds(1));
        assertTrue(limiter.acquire("k", 2).isEmpty());
        assertTrue(limiter.acquire("k", 2).isPresent());
    }

    @Test
    void anIdleKey_getsItsWholeMinuteBack_andNoMore() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k", 3);
        }
        advance(Duration.ofMinutes(10));

        assertEquals(3, granted("k", 3, 10));
    }

    @Test
    void keys_haveTheirOwnAllowances() {
        limiter.acquire("a", 1);

        assertTrue(limiter.acquire("a", 1).isPresent());
        assertTrue(limiter.acquire("b", 1).isEmpty());
    }

    @Test
    void concurrentRequests_neverGetMoreThanTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                requests.add(() -> limiter.acquire("k", 50).isEmpty());
            }
            long allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(requests)) {
                allowed += f.get() ? 1 : 0;
            }
            assertEquals(50, allowed);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private int granted(String key, int rpm, int attempts) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            granted += limiter.acquire(key, rpm).isEmpty() ? 1 : 0;
        }
        return granted;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
