/**
 * Capture: the per-invocation call context of an {@link dev.tollgate.api.LlmCall} method, the
 * exchanges recorded into it, and the {@link dev.tollgate.api.LlmCallRecord} published when it
 * ends. Nothing here may fail or slow the business call: failures are logged once and counted.
 */
package dev.tollgate.impl.capture;
