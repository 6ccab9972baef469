/**
 * Persisting records: a bounded queue per {@link dev.tollgate.api.spi.RecordStore}, drained by one
 * writer thread that retries a failing store with backoff, so that the business call never waits
 * for a database. Not public API.
 */
package dev.tollgate.impl.store;
