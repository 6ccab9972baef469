package dev.tollgate.sample.dashboard;

import dev.tollgate.api.PersistenceStatus;

/**
 * The dashboard's headline numbers.
 *
 * @param totals sums over every stored call
 * @param currency the currency of the costs
 * @param persistence how the writing of records goes: stored, pending, dropped, failures
 */
public record Summary(Totals totals, String currency, PersistenceStatus persistence) {
}
