package dev.tollgate.sample.dashboard;

import dev.tollgate.api.PersistenceStatus;

/**
 * The dashboard's headline numbers.
 *
 * @param totals sums over every stored call; {@code null} while the database cannot be read
 * @param currency the currency of the costs
 * @param persistence how the writing of records goes: stored, pending, dropped, failures
 * @param databaseError why the database cannot be read, or {@code null}
 */
public record Summary(Totals totals, String currency, PersistenceStatus persistence, String databaseError) {
}
