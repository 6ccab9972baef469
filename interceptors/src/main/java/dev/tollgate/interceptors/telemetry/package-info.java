/**
 * The OpenTelemetry integration of Tollgate: traces and metrics of calls and provider requests,
 * created only where the OpenTelemetry API is present and {@code tollgate.telemetry.enabled} is not
 * {@code false}, on the application's {@code OpenTelemetry} bean (MicroProfile Telemetry) or else
 * {@code GlobalOpenTelemetry}. Not public API.
 */
package dev.tollgate.interceptors.telemetry;
