package dev.tollgate.impl.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that stands still until a test moves it; its origin is far from zero on purpose. */
final class TestNanoClock implements NanoClock {
    private final AtomicLong now = new AtomicLong(-7_000_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
