package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** A reservation made by a {@link ScheduledLimiter}, settled at most once. */
final class ScheduledPermit implements Permit {
    private static final int FIRST_ERROR_STATUS = 400;

    private final ScheduledLimiter limiter;
    private final long estimatedTokens;
    private final long[] stamps;
    private final long waitedNanos;
    private final AtomicBoolean settled = new AtomicBoolean();

    ScheduledPermit(ScheduledLimiter limiter, long estimatedTokens, long[] stamps, long waitedNanos) {
        this.limiter = limiter;
        this.estimatedTokens = estimatedTokens;
        this.stamps = stamps;
        this.waitedNanos = waitedNanos;
    }

    long estimatedTokens() {
        return estimatedTokens;
    }

    long[] stamps() {
        return stamps;
    }

    @Override
    public void settle(long actualTokens) {
        if (actualTokens < 0) {
            throw new IllegalArgumentException("actual tokens " + actualTokens + " < 0");
        }
        if (settled.compareAndSet(false, true)) {
            limiter.correct(estimatedTokens, actualTokens, stamps);
        }
    }

    @Override
    public void settle(Usage usage) {
        settle(usage.isKnown() ? usage.totalTokens() : Math.max(estimatedTokens, usage.totalTokens()));
    }

    @Override
    public void settleFailure(Throwable failure) {
        if (failure instanceof LlmException e) {
            if (e.httpStatus().orElse(0) >= FIRST_ERROR_STATUS) {
                settle(0);
                return;
            }
            if (e.category() == ErrorCategory.INVALID_REQUEST && e.httpStatus().isEmpty()) {
                release();
                return;
            }
        }
        settle(estimatedTokens);
    }

    @Override
    public void release() {
        if (settled.compareAndSet(false, true)) {
            limiter.giveBack(estimatedTokens, stamps);
        }
    }

    @Override
    public Duration waited() {
        return Duration.ofNanos(waitedNanos);
    }

    @Override
    public String toString() {
        return "Permit[" + limiter + ", estimated " + estimatedTokens + " tokens]";
    }
}
