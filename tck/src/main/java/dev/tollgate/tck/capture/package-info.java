/** TCK: what {@link dev.tollgate.api.LlmCall} captures into {@link dev.tollgate.api.LlmCallRecord}s. */
package dev.tollgate.tck.capture;
