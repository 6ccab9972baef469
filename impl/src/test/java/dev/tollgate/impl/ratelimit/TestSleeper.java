package dev.tollgate.impl.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records how long each thread was told to wait instead of waiting; can move the test clock by
 * that long, or answer as if the thread were interrupted.
 */
final class TestSleeper implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final TestNanoClock clock;
    private volatile boolean interrupting;

    /**
     * @param clock the clock to move by each wait, or {@code null} to leave time standing
     */
    TestSleeper(TestNanoClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        if (interrupting) {
            throw new InterruptedException("test");
        }
        sleeps.add(Duration.ofNanos(nanos));
        if (clock != null) {
            clock.advance(Duration.ofNanos(nanos));
        }
    }

    void interruptEverySleep(boolean value) {
        this.interrupting = value;
    }

    List<Duration> sleeps() {
        return sleeps;
    }
}
