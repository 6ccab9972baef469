/**
 * Spend limits: budgets read from configuration, the reservation of a request's estimated cost
 * before it is sent and its settlement after, and the stores that keep the balances (in memory,
 * or in a database several servers share). Not public API.
 */
package dev.tollgate.impl.budget;
