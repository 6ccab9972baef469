package dev.tollgate.impl;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor that runs nothing until the test says so, on the test's own thread, so that
 * asynchronous flows are exercised in a fixed order.
 */
public final class TestExecutor implements Executor {
    private final Queue<Runnable> pending = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        pending.add(task);
    }

    /** @return how many tasks wait to run */
    public synchronized int pending() {
        return pending.size();
    }

    /** Runs every waiting task, including tasks they submit. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return pending.poll();
    }
}
