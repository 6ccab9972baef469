/**
 * The public API of Tollgate: what an application uses to make, capture, price and fall back
 * LLM calls.
 *
 * <ul>
 *   <li>{@link dev.tollgate.api.LlmCall} marks a CDI service method whose provider calls are
 *       captured into one {@link dev.tollgate.api.LlmCallRecord} event;</li>
 *   <li>{@link dev.tollgate.api.Fallback} names the ordered targets tried when a provider fails;</li>
 *   <li>{@link dev.tollgate.api.ChatClient} is the injectable client;</li>
 *   <li>{@link dev.tollgate.api.ChatRequest}, {@link dev.tollgate.api.ChatResponse},
 *       {@link dev.tollgate.api.Usage} and {@link dev.tollgate.api.Cost} are immutable values;</li>
 *   <li>{@link dev.tollgate.api.LlmException} and its two subclasses carry every failure, with an
 *       {@link dev.tollgate.api.ErrorCategory};</li>
 *   <li>{@link dev.tollgate.api.ProviderHealth} reports each provider's
 *       {@link dev.tollgate.api.ProviderStatus}: outcomes, latency and
 *       {@link dev.tollgate.api.CircuitState};</li>
 *   <li>{@link dev.tollgate.api.UsageLedger} keeps running totals of requests, tokens, errors and
 *       cost by call name, provider and model ({@link dev.tollgate.api.LedgerSnapshot},
 *       {@link dev.tollgate.api.UsageTotals}), and how persisting records fares
 *       ({@link dev.tollgate.api.PersistenceStatus}).</li>
 * </ul>
 *
 * <p>This package is public API. Integrators extend Tollgate through {@link dev.tollgate.api.spi}.
 */
package dev.tollgate.api;
