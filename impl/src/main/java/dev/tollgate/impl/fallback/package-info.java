/**
 * Fallback chains: the targets an {@link dev.tollgate.api.Fallback} method moves through when a
 * provider fails, resolved and validated once at deployment, and the loop that runs the attempts.
 * Internal; not API.
 */
package dev.tollgate.impl.fallback;
