package dev.tollgate.impl.http;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the deadlines of bodies being read on one daemon thread: a blocked read cannot watch the
 * clock, so the deadline closes the stream or cancels the body under it.
 *
 * <p>The thread is woken whenever a deadline becomes the earliest it holds, which with one request
 * at a time would be every request. A tick every second keeps an earlier entry in its queue, so a
 * deadline more than a second away is set without waking it.
 */
final class Deadlines {
    private static final long TICK_MILLIS = 1000;
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private Deadlines() {
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tollgate-deadlines");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.scheduleAtFixedRate(() -> { }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    static ScheduledFuture<?> after(Duration delay, Runnable action) {
        return SCHEDULER.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
