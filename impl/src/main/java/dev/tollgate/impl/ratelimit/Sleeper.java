package dev.tollgate.impl.ratelimit;

/**
 * Makes the current thread wait for its reserved turn. The default sleeps with
 * {@link Thread#sleep(long, int)}, which parks a virtual thread without pinning its carrier and
 * wakes at once on interruption. Tests replace it with one that moves a test clock.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the current thread. */
    Sleeper THREAD = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

    /**
     * @param nanos how long to wait, more than zero
     * @throws InterruptedException if the thread is interrupted before or while waiting
     */
    void sleep(long nanos) throws InterruptedException;
}
