package dev.tollgate.sample.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Each key's requests-per-minute limit, in memory: a key of {@code rpm} may make {@code rpm}
 * requests at once, then one every {@code 60 s / rpm} (the generic cell rate algorithm, in
 * exact nanoseconds).
 */
@ApplicationScoped
public class KeyRateLimiter {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final Map<String, Cell> cells = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    /** On the system's monotonic clock. */
    public KeyRateLimiter() {
        this(System::nanoTime);
    }

    KeyRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request of a key's allowance.
     *
     * @param keyId the key
     * @param rpm its requests per minute
     * @return empty if the request may go, else how long until one may
     */
    public Optional<Duration> acquire(String keyId, int rpm) {
        Cell cell = cells.compute(keyId, (id, old) -> old == null || old.rpm != rpm ? new Cell(rpm) : old);
        return cell.take(nanoTime.getAsLong());
    }

    /** @param keyId a key that no longer exists */
    public void forget(String keyId) {
        cells.remove(keyId);
    }

    private static final class Cell {
        private final int rpm;
        private final long interval;
        private final long tolerance;
        private long theoreticalArrival = Long.MIN_VALUE;

        Cell(int rpm) {
            this.rpm = rpm;
            this.interval = MINUTE / rpm;
            this.tolerance = interval * (rpm - 1);
        }

        synchronized Optional<Duration> take(long now) {
            long arrival = theoreticalArrival == Long.MIN_VALUE || theoreticalArrival - now < 0 ? now : theoreticalArrival;
            long early = arrival - now - tolerance;
            if (early > 0) {
                return Optional.of(Duration.ofNanos(early));
            }
            theoreticalArrival = arrival + interval;
            return Optional.empty();
        }
    }
}
