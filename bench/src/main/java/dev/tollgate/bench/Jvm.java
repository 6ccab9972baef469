package dev.tollgate.bench;

import java.lang.management.ManagementFactory;

/** What the JVM reports of its own heap and threads. */
final class Jvm {
    private Jvm() {
    }

    /**
     * @return the bytes of heap in use after full collections
     * @throws InterruptedException if interrupted between collections
     */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** @return the live threads */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
