package dev.tollgate.impl.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.ProviderStatus;
import dev.tollgate.impl.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProviderHealthConcurrencyTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 20_000;

    private static <T> List<T> runTogether(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outcomesRecordedFromManyThreads_areAllCounted() throws Exception {
        ProviderHealthRegistry health = ProviderHealthRegistry.of(
                Map.of("openai", new CircuitSettings(false, 1, Duration.ofSeconds(30), 1)),
                new TestClock(Instant.EPOCH));
        ProviderTracker tracker = health.tracker("openai").orElseThrow();

        runTogether(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(tracker.tryAcquire()).isTrue();
                switch (i % 4) {
                    case 0 -> tracker.recordFailure(ErrorCategory.RATE_LIMITED, Duration.ofMillis(10));
                    case 1 -> tracker.recordFailure(ErrorCategory.INVALID_REQUEST, Duration.ofMillis(10));
                    default -> tracker.recordSuccess(Duration.ofMillis(10));
                }
            }
            return null;
        });

        ProviderStatus status = health.status("openai").orElseThrow();
        long total = (long) THREADS * ROUNDS;
        assertThat(status.successes()).isEqualTo(total / 2);
        assertThat(status.failures(ErrorCategory.RATE_LIMITED)).isEqualTo(total / 4);
        assertThat(status.failures(ErrorCategory.INVALID_REQUEST)).isEqualTo(total / 4);
        assertThat(status.meanLatency()).contains(Duration.ofMillis(10));
    }

    @Test
    void transientFailuresFromManyThreads_openTheCircuit_andAreEachCountedInARow() throws Exception {
        TestClock clock = new TestClock(Instant.EPOCH);
        ProviderTracker tracker = new ProviderTracker("openai", new CircuitSettings(true, 1000, Duration.ofSeconds(30),
                1), clock);

        runTogether(() -> {
            for (int i = 0; i < ROUNDS; i++) {
                tracker.recordFailure(ErrorCategory.SERVER_ERROR, Duration.ofMillis(10));
            }
            return null;
        });

        ProviderStatus status = tracker.status();
        assertThat(status.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(status.consecutiveFailures()).isEqualTo((long) THREADS * ROUNDS);
    }

    @Test
    void halfOpenCircuit_letsExactlyItsTrialsThrough_whenManyThreadsAsk() throws Exception {
        TestClock clock = new TestClock(Instant.EPOCH);
        ProviderTracker tracker = new ProviderTracker("openai", new CircuitSettings(true, 1, Duration.ofSeconds(30),
                3), clock);
        tracker.recordFailure(ErrorCategory.OVERLOADED, Duration.ZERO);
        clock.advance(Duration.ofSeconds(30));

        List<Integer> permitted = runTogether(() -> {
            int granted = 0;
            for (int i = 0; i < 1000; i++) {
                if (tracker.tryAcquire()) {
                    granted++;
                }
            }
            return granted;
        });

        assertThat(permitted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
    }
}
