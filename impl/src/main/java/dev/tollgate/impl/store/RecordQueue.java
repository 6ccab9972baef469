package dev.tollgate.impl.store;

import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.PersistenceStatus;
import dev.tollgate.api.spi.RecordStore;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.capture.RecordSink;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands the records published to one {@link RecordStore}, through a bounded queue drained by one
 * writer thread. Publishing never blocks: a record that finds the queue full is dropped and
 * counted. A batch the store throws on is handed over again, whole and first, after a growing
 * delay, so the store sees every record once and in order.
 */
public final class RecordQueue implements RecordSink {
    private static final System.Logger LOG = System.getLogger(RecordQueue.class.getName());
    private static final long IDLE_POLL_MILLIS = 200;

    private final RecordStore store;
    private final String name;
    private final StoreSettings settings;
    private final BlockingQueue<LlmCallRecord> queue;
    private final LongAdder stored = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder settled = new LongAdder();
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final Object signal = new Object();
    private final Thread writer;
    private volatile int inFlight;
    private volatile boolean closing;
    private volatile boolean closed;
    private volatile long deadline;

    /**
     * Starts the writer.
     *
     * @param store the store
     * @param settings the queue's settings
     * @param threads makes the writer thread
     */
    public RecordQueue(RecordStore store, StoreSettings settings, ThreadFactory threads) {
        this.store = store;
        this.name = className(store);
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = threads.newThread(this::drain);
        writer.setName("tollgate-record-store-" + name.substring(name.lastIndexOf('.') + 1));
        writer.start();
    }

    /** The class of a store, without the suffix of a container's proxy of it. */
    private static String className(RecordStore store) {
        String n = store.getClass().getName();
        int proxy = n.indexOf("$Proxy$");
        if (proxy < 0) {
            proxy = n.indexOf("$$");
        }
        return proxy > 0 ? n.substring(0, proxy) : n;
    }

    @Override
    public void publish(LlmCallRecord record) {
        if (closed) {
            dropped.increment();
            return;
        }
        if (queue.offer(record)) {
            accepted.increment();
        } else {
            dropped.increment();
            if (dropping.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, Messages.recordsDropping(name, settings.queueCapacity()));
            }
        }
    }

    /** @return the counts of this store */
    public PersistenceStatus status() {
        long done = settled.sum();
        return new PersistenceStatus(stored.sum(), accepted.sum() - done, dropped.sum(), failures.sum());
    }

    /**
     * Hands over what is pending, for at most the shutdown timeout, and stops the writer. Records
     * not stored by then are dropped and counted.
     */
    public void close() {
        if (closing) {
            return;
        }
        Duration timeout = settings.shutdownTimeout();
        deadline = System.nanoTime() + timeout.toNanos();
        closing = true;
        wake();
        try {
            writer.join(Math.max(1, timeout.toMillis() + IDLE_POLL_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        List<LlmCallRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        dropped.add(rest.size());
        settled.add(rest.size());
        long left = rest.size() + inFlight;
        if (left > 0) {
            LOG.log(Level.WARNING, Messages.recordsLeftAtShutdown(name, left, timeout));
        }
    }

    private void drain() {
        List<LlmCallRecord> batch = new ArrayList<>(settings.batchSize());
        while (!closing || System.nanoTime() - deadline < 0) {
            LlmCallRecord first;
            try {
                first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, settings.batchSize() - 1);
            inFlight = batch.size();
            hand(Collections.unmodifiableList(new ArrayList<>(batch)));
            inFlight = 0;
            batch.clear();
        }
    }

    private void hand(List<LlmCallRecord> batch) {
        long delay = settings.retryDelay().toNanos();
        long maxDelay = delay * StoreSettings.MAX_BACKOFF;
        long failed = 0;
        boolean triedWhileClosing = false;
        while (true) {
            triedWhileClosing |= closing;
            try {
                store.store(batch);
                stored.add(batch.size());
                settled.add(batch.size());
                if (failed > 0) {
                    LOG.log(Level.INFO, Messages.storeRecovered(name, failed));
                }
                if (dropping.compareAndSet(true, false)) {
                    LOG.log(Level.INFO, Messages.recordsDropped(name, dropped.sum()));
                }
                return;
            } catch (Exception | LinkageError e) {
                failures.increment();
                failed++;
                LOG.log(failed == 1 ? Level.WARNING : Level.DEBUG,
                        Messages.storeFailed(name, batch.size(), Duration.ofNanos(delay)), e);
            }
            if (closing && !triedWhileClosing) {
                continue;
            }
            long wait = closing ? Math.min(delay, deadline - System.nanoTime()) : delay;
            if (wait <= 0 || !pause(wait)) {
                dropped.add(batch.size());
                settled.add(batch.size());
                return;
            }
            delay = Math.min(delay * 2, maxDelay);
        }
    }

    /**
     * Waits before the next attempt; the start of shutdown ends the wait at once, to try again
     * while there is time.
     *
     * @return {@code false} if interrupted
     */
    private boolean pause(long nanos) {
        boolean wasClosing = closing;
        long until = System.nanoTime() + nanos;
        synchronized (signal) {
            for (long left = nanos; left > 0 && closing == wasClosing; left = remaining(until)) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } catch (InterruptedException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private long remaining(long until) {
        long now = System.nanoTime();
        return closing ? Math.min(until - now, deadline - now) : until - now;
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
