/**
 * Traces and metrics: the span of each {@code @LlmCall} method, the GenAI {@code CLIENT} span of each
 * provider request under it, and the GenAI client metrics, read from in-memory exporters: the
 * container's OpenTelemetry SDK exporting to {@link dev.tollgate.tck.telemetry.TckSpans} through the
 * autoconfigure SPI (MicroProfile Telemetry), or, where the container has none, an SDK the
 * deployment builds ({@link dev.tollgate.tck.telemetry.TckOpenTelemetry}).
 */
package dev.tollgate.tck.telemetry;
