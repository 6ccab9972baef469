package dev.tollgate.impl.store;

import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.time.Duration;

/**
 * How records are handed to record stores.
 *
 * @param queueCapacity how many records may wait per store
 * @param batchSize how many records one hand-over holds at most
 * @param retryDelay the first wait after a failure; it doubles up to {@link #MAX_BACKOFF} times
 * @param shutdownTimeout how long pending records are handed over at shutdown
 */
public record StoreSettings(int queueCapacity, int batchSize, Duration retryDelay, Duration shutdownTimeout) {
    /** How many times the first retry delay the wait between retries grows to at most. */
    public static final int MAX_BACKOFF = 64;

    /** The defaults. */
    public static final StoreSettings DEFAULTS = new StoreSettings(10_000, 100, Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    /**
     * @param reader reads and reports problems
     * @return the settings
     */
    public static StoreSettings read(ConfigReader reader) {
        int capacity = reader.atLeastOne(ConfigKeys.STORE_QUEUE_CAPACITY, DEFAULTS.queueCapacity());
        int batch = reader.atLeastOne(ConfigKeys.STORE_BATCH_SIZE, DEFAULTS.batchSize());
        Duration retry = reader.positiveDuration(ConfigKeys.STORE_RETRY_DELAY, DEFAULTS.retryDelay(),
                "a positive duration");
        return new StoreSettings(capacity, batch, retry,
                reader.duration(ConfigKeys.STORE_SHUTDOWN_TIMEOUT, DEFAULTS.shutdownTimeout()));
    }
}
