/**
 * Who may use the gateway: keys stored as SHA-256 hashes, each with its own budget (a Tollgate
 * budget {@code per=principal}, the key id as principal) and requests-per-minute limit, checked on
 * every {@code /v1} request; created, listed and revoked under {@code /admin/keys} by the
 * {@code admin} role of the server's user registry.
 */
package dev.tollgate.sample.access;
