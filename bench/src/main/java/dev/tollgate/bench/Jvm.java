package dev.tollgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** What the JVM reports of its own heap and threads. */
final class Jvm {
    private Jvm() {
    }

    /**
     * Collects the whole heap and reads what each heap pool held right after that collection, not
     * what was allocated since.
     *
     * @return the bytes of heap in use after a full collection
     * @throws InterruptedException if interrupted between collections
     */
    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(50);
        }
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    /** @return the live threads */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
