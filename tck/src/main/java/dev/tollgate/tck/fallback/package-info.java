/**
 * When providers fail: fallback chains and their composition with MicroProfile Fault Tolerance,
 * {@code Retry-After}, provider circuits, client-side rate limits, and options a provider cannot
 * honour.
 */
package dev.tollgate.tck.fallback;
