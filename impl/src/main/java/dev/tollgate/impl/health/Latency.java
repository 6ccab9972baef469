package dev.tollgate.impl.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last latency of a provider and its exponentially weighted mean, {@code mean + (l − mean) / 5}
 * for each new latency {@code l}. Lock-free: recording is a store and a compare-and-set.
 */
final class Latency {
    private static final long NONE = -1;
    private static final long WEIGHT_DIVISOR = 5;

    private final AtomicLong lastNanos = new AtomicLong(NONE);
    private final AtomicLong meanNanos = new AtomicLong(NONE);

    void record(Duration latency) {
        long nanos = nanos(latency);
        lastNanos.set(nanos);
        meanNanos.updateAndGet(mean -> mean == NONE ? nanos : mean + (nanos - mean) / WEIGHT_DIVISOR);
    }

    /** @return the last latency, or {@code null} before the first */
    Duration last() {
        return duration(lastNanos.get());
    }

    /** @return the weighted mean, or {@code null} before the first latency */
    Duration mean() {
        return duration(meanNanos.get());
    }

    private static long nanos(Duration latency) {
        if (latency.isNegative()) {
            return 0;
        }
        try {
            return latency.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static Duration duration(long nanos) {
        return nanos == NONE ? null : Duration.ofNanos(nanos);
    }
}
