/**
 * Provider health: per provider, the outcomes of its requests, their latency, and a circuit that
 * stops sending requests to a provider after transient failures in a row. The engine asks a
 * {@link dev.tollgate.impl.health.ProviderTracker} for permission before each request and
 * records how it ended; {@link dev.tollgate.impl.health.ProviderHealthRegistry} implements the
 * public {@link dev.tollgate.api.ProviderHealth}. Not public API.
 */
package dev.tollgate.impl.health;
