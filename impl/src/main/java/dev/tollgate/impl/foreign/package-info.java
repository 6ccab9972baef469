/**
 * Metering of provider requests that other client libraries make inside
 * {@link dev.tollgate.api.LlmCall} methods: the engine's entry point for them, and the built-in
 * integrations, each loaded only when its library is on the class path. Not public API.
 */
package dev.tollgate.impl.foreign;
