/**
 * The configured providers: discovery of {@link dev.tollgate.api.spi.ProviderAdapter}s and the
 * registry of provider clients by id. One sub-package per wire protocol.
 */
package dev.tollgate.impl.provider;
