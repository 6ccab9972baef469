package dev.tollgate.impl.ratelimit;

import java.util.concurrent.locks.ReentrantLock;

/**
 * What the limiters of one provider share: the lock that makes a reservation over several
 * schedules atomic, the clock, the sleeper and the longest wait allowed. Every schedule of the
 * provider, its own and its models', is read and changed only under this lock, and only for the
 * few arithmetic steps of a reservation: nobody sleeps while holding it.
 */
final class ProviderSchedules {
    private final ReentrantLock lock = new ReentrantLock();
    private final String providerId;
    private final long maxWaitNanos;
    private final String maxWaitProperty;
    private final NanoClock clock;
    private final Sleeper sleeper;
    private final long origin;

    /**
     * @param providerId the provider id
     * @param maxWaitNanos how long a request may wait for its turn
     * @param maxWaitProperty the property that set it, for messages
     * @param clock the time source
     * @param sleeper waits for a turn
     */
    ProviderSchedules(String providerId, long maxWaitNanos, String maxWaitProperty, NanoClock clock,
            Sleeper sleeper) {
        this.providerId = providerId;
        this.maxWaitNanos = maxWaitNanos;
        this.maxWaitProperty = maxWaitProperty;
        this.clock = clock;
        this.sleeper = sleeper;
        this.origin = clock.nanoTime();
    }

    String providerId() {
        return providerId;
    }

    long maxWaitNanos() {
        return maxWaitNanos;
    }

    String maxWaitProperty() {
        return maxWaitProperty;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** @return nanoseconds since this provider's limits were created; never wraps in practice */
    long now() {
        return clock.nanoTime() - origin;
    }
}
