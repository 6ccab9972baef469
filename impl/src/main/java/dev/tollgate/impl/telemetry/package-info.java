/**
 * Traces and metrics of calls and provider requests through the OpenTelemetry API, following the
 * OpenTelemetry GenAI semantic conventions. Every reference to OpenTelemetry stays in this package,
 * which is loaded only where the OpenTelemetry API is present. Not public API.
 */
package dev.tollgate.impl.telemetry;
