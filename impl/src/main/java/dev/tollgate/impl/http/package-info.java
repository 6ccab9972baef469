/**
 * HTTP transport shared by the provider clients: one {@link java.net.http.HttpClient} per
 * provider, deadlines, and the mapping of transport failures, statuses and {@code retry-after}
 * headers to {@link dev.tollgate.api.LlmException}s.
 */
package dev.tollgate.impl.http;
