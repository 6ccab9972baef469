package dev.tollgate.api;

/**
 * How handing records to the application's {@link dev.tollgate.api.spi.RecordStore}s fares, summed
 * over every store. All counts start at zero with the application.
 *
 * @param stored records a store accepted
 * @param pending records waiting in the queue, or being handed over
 * @param dropped records given up: the queue was full, or the application shut down before a
 *     store accepted them
 * @param failures times a store threw; each is retried
 */
public record PersistenceStatus(long stored, long pending, long dropped, long failures) {
    /** No store, nothing counted. */
    public static final PersistenceStatus NONE = new PersistenceStatus(0, 0, 0, 0);

    /**
     * @param other the status of another store
     * @return the sum of both
     */
    public PersistenceStatus plus(PersistenceStatus other) {
        return new PersistenceStatus(stored + other.stored, pending + other.pending, dropped + other.dropped,
                failures + other.failures);
    }
}
