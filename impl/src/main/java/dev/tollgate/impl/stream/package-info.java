/**
 * The parsers of the streaming wire formats, one per format and shared by every provider:
 * server-sent events, newline-delimited JSON, and the stream they feed. Internal; not API.
 */
package dev.tollgate.impl.stream;
