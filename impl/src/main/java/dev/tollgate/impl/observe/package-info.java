/** Hooks through which telemetry and other observers follow calls and provider requests. */
package dev.tollgate.impl.observe;
