package dev.tollgate.impl.capture;

import dev.tollgate.impl.Messages;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts failures of capture (pricing, redaction, publishing) and logs the first of each kind
 * with its stack trace; later ones are logged at FINE so a broken observer cannot flood the log.
 */
public final class CaptureFailures {
    private static final System.Logger LOG = System.getLogger(CaptureFailures.class.getName());

    private final LongAdder count = new LongAdder();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param stage what was being done, such as "pricing an exchange"
     * @param failure what went wrong
     */
    public void report(String stage, Throwable failure) {
        count.increment();
        String kind = stage + '|' + failure.getClass().getName();
        LOG.log(seen.add(kind) ? Level.WARNING : Level.DEBUG, Messages.captureFailed(stage), failure);
    }

    /** @return how many capture failures occurred */
    public long count() {
        return count.sum();
    }
}
