package dev.tollgate.impl.capture;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The call context of the current thread. Contexts nest: opening one inside another makes the
 * outer one its parent, and closing it makes the parent current again.
 */
public final class CallContexts {
    private final ThreadLocal<LlmCallContext> current = new ThreadLocal<>();
    private final Clock clock;
    private final String idPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param clock the clock of record timestamps
     */
    public CallContexts(Clock clock) {
        this.clock = clock;
    }

    /** @return the context of the innermost running call on this thread, or {@code null} */
    public LlmCallContext current() {
        return current.get();
    }

    /**
     * Opens a context and makes it current.
     *
     * @param point the intercepted method
     * @return the new context
     */
    public LlmCallContext open(CallPoint point) {
        LlmCallContext parent = current.get();
        LlmCallContext context = new LlmCallContext(nextId(), parent, point, clock.instant(), System.nanoTime());
        current.set(context);
        return context;
    }

    /**
     * Makes the parent of a context current again, on the thread that opened it.
     *
     * @param context the context opened last on this thread
     */
    public void leave(LlmCallContext context) {
        if (context.parent() == null) {
            current.remove();
        } else {
            current.set(context.parent());
        }
    }

    /**
     * Makes a context current on this thread, to run part of its call elsewhere than the thread
     * that opened it (an attempt started when an asynchronous one failed).
     *
     * @param context the context
     * @return the context that was current, to give to {@link #restore(LlmCallContext)}
     */
    public LlmCallContext enter(LlmCallContext context) {
        LlmCallContext previous = current.get();
        current.set(context);
        return previous;
    }

    /**
     * @param previous what {@link #enter(LlmCallContext)} returned
     */
    public void restore(LlmCallContext previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }

    /** @return a new unique record id */
    public String nextId() {
        return idPrefix + "-" + Long.toHexString(sequence.incrementAndGet());
    }

    /** @return the clock of record timestamps */
    public Clock clock() {
        return clock;
    }
}
