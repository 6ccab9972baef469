package dev.tollgate.bench;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by every live thread of the JVM, the caller's and the HTTP client's alike,
 * from HotSpot's per-thread counters. Threads that ended are not counted.
 */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** @return the bytes allocated so far by the live threads */
    static long total() {
        long sum = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (bytes > 0) {
                sum += bytes;
            }
        }
        return sum;
    }
}
