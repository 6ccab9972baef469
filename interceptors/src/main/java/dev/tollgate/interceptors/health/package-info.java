/**
 * The MicroProfile Health integration of Tollgate: a readiness check over the providers'
 * circuits, registered only where the MicroProfile Health API is present. Not public API;
 * applications inject {@link dev.tollgate.api.ProviderHealth}.
 */
package dev.tollgate.interceptors.health;
