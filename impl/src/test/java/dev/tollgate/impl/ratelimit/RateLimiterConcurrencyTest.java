package dev.tollgate.impl.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many real threads against one limit. The limits' clock stands still, so the counts do not
 * depend on how fast the machine runs the threads; virtual threads run where the JDK has them.
 */
class RateLimiterConcurrencyTest {
    private static final String RPM = "tollgate.providers.openai.rate-limit.rpm";
    private static final String TPM = "tollgate.providers.openai.rate-limit.tpm";
    private static final String MAX_WAIT = "tollgate.providers.openai.rate-limit.max-wait";

    static Stream<Arguments> threads() {
        return Stream.of(
                Arguments.of("platform", (ThreadFactory) Thread::new),
                Arguments.of("virtual", virtualThreads()));
    }

    /** @return a factory of virtual threads, or {@code null} before Java 21 */
    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** Runs the task on {@code count} threads released together, and waits for all of them. */
    private static void runTogether(ThreadFactory factory, int count, Runnable task) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread t = factory.newThread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                task.run();
            });
            threads.add(t);
            t.start();
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads started").isTrue();
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).as("thread finished").isFalse();
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @MethodSource("threads")
    void twoHundredThreadsAgainstSixtyRequestsAMinute_exactlySixtyPass_andTheRestFailFast(String kind,
            ThreadFactory factory) throws InterruptedException {
        assumeTrue(factory != null, "this JDK has no virtual threads");
        RateLimiter limiter = TestRateLimits.read(new TestNanoClock(), new TestSleeper(null), RPM, "60")
                .forTarget("openai", "gpt-4o");
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

        runTogether(factory, 200, () -> {
            try {
                limiter.acquire(0);
                admitted.incrementAndGet();
            } catch (LlmException e) {
                if (e.category() == ErrorCategory.RATE_LIMITED) {
                    refused.incrementAndGet();
                } else {
                    unexpected.add(e);
                }
            } catch (RuntimeException e) {
                unexpected.add(e);
            }
        });

        assertThat(unexpected).isEmpty();
        assertThat(admitted).hasValue(60);
        assertThat(refused).hasValue(140);
    }

    @ParameterizedTest(name = "{0} threads")
    @MethodSource("threads")
    void waitingThreads_eachGetATurnOfTheirOwn(String kind, ThreadFactory factory) throws InterruptedException {
        assumeTrue(factory != null, "this JDK has no virtual threads");
        TestSleeper sleeper = new TestSleeper(null);
        RateLimiter limiter = TestRateLimits.read(new TestNanoClock(), sleeper, RPM, "60", MAX_WAIT, "PT40S")
                .forTarget("openai", "gpt-4o");
        AtomicInteger refused = new AtomicInteger();

        runTogether(factory, 120, () -> {
            try {
                limiter.acquire(0);
            } catch (LlmException e) {
                refused.incrementAndGet();
            }
        });

        List<Duration> expected = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            expected.add(Duration.ofSeconds(i));
        }
        List<Duration> waits = new ArrayList<>(sleeper.sleeps());
        Collections.sort(waits);
        assertThat(waits).isEqualTo(expected);
        assertThat(refused).hasValue(20);
    }

    @ParameterizedTest(name = "{0} threads")
    @MethodSource("threads")
    void threadsSleepingOnTheSystemClock_allGetTheirTurn(String kind, ThreadFactory factory)
            throws InterruptedException {
        assumeTrue(factory != null, "this JDK has no virtual threads");
        RateLimiter limiter = TestRateLimits.read(NanoClock.SYSTEM, Sleeper.THREAD, TPM, "6000", MAX_WAIT, "PT1M")
                .forTarget("openai", "gpt-4o");
        limiter.acquire(6000);
        AtomicInteger admitted = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

        runTogether(factory, 50, () -> {
            try {
                limiter.acquire(1).settle(1);
                admitted.incrementAndGet();
            } catch (RuntimeException e) {
                unexpected.add(e);
            }
        });

        assertThat(unexpected).isEmpty();
        assertThat(admitted).as("every thread slept until its turn, then went on").hasValue(50);
    }
}
