package dev.tollgate.impl.ratelimit;

/**
 * The time source of rate limits: a monotonic nanosecond counter with an arbitrary origin, as
 * {@link System#nanoTime()}. Tests replace it with a clock they move by hand.
 */
@FunctionalInterface
public interface NanoClock {
    /** The system's monotonic clock. */
    NanoClock SYSTEM = System::nanoTime;

    /** @return the current time in nanoseconds, comparable only with other readings of this clock */
    long nanoTime();
}
