/**
 * A deterministic local provider ({@code type=simulated}) for development, demos and tests: no
 * network, configurable reply, latency, failures and token counts.
 */
package dev.tollgate.impl.provider.simulated;
