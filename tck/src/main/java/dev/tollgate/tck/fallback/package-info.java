/**
 * Fallback chains and their composition with MicroProfile Fault Tolerance: attempts, retries that
 * honour {@code Retry-After}, and what the record shows.
 */
package dev.tollgate.tck.fallback;
