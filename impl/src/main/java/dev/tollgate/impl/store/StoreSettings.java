package dev.tollgate.impl.store;

import dev.tollgate.impl.Messages;
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
        int capacity = atLeastOne(reader, ConfigKeys.STORE_QUEUE_CAPACITY, DEFAULTS.queueCapacity());
        int batch = atLeastOne(reader, ConfigKeys.STORE_BATCH_SIZE, DEFAULTS.batchSize());
        Duration retry = reader.duration(ConfigKeys.STORE_RETRY_DELAY, DEFAULTS.retryDelay());
        if (retry.isZero()) {
            reader.problems().add(Messages.propertyInvalid(ConfigKeys.STORE_RETRY_DELAY,
                    reader.string(ConfigKeys.STORE_RETRY_DELAY).orElse(""), "a positive duration"));
            retry = DEFAULTS.retryDelay();
        }
        return new StoreSettings(capacity, batch, retry,
                reader.duration(ConfigKeys.STORE_SHUTDOWN_TIMEOUT, DEFAULTS.shutdownTimeout()));
    }

    private static int atLeastOne(ConfigReader reader, String name, int defaultValue) {
        int value = reader.integer(name, defaultValue);
        if (value < 1) {
            reader.problems().add(Messages.propertyInvalid(name, Integer.toString(value), "a whole number of at least 1"));
            return defaultValue;
        }
        return value;
    }
}
