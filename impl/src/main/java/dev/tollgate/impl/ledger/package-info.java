/**
 * The usage ledger: running totals of every published {@link dev.tollgate.api.LlmCallRecord} by
 * call name, provider and model, exact under concurrency. Not public API; applications use
 * {@link dev.tollgate.api.UsageLedger}.
 */
package dev.tollgate.impl.ledger;
