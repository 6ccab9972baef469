/**
 * The contracts through which integrators extend Tollgate.
 *
 * <ul>
 *   <li>{@link dev.tollgate.api.spi.ProviderAdapter}: one per wire protocol, found with
 *       {@link java.util.ServiceLoader} and chosen by {@code tollgate.providers.<id>.type};</li>
 *   <li>{@link dev.tollgate.api.spi.PriceSource}: prices of models, besides the configured
 *       table;</li>
 *   <li>{@link dev.tollgate.api.spi.UsageExtractor}: reads usage from results of other LLM
 *       clients, so {@link dev.tollgate.api.LlmCall} captures them too;</li>
 *   <li>{@link dev.tollgate.api.spi.PromptRedactor}: rewrites captured prompts and answers;</li>
 *   <li>{@link dev.tollgate.api.spi.RecordStore}: persists call records, off the business call's
 *       thread;</li>
 *   <li>{@link dev.tollgate.api.spi.AccessTokenSupplier}: OAuth access tokens for providers that
 *       authenticate with bearer tokens, such as Vertex AI;</li>
 *   <li>{@link dev.tollgate.api.spi.BudgetStore}: keeps budget balances, instead of the in-memory
 *       or JDBC store;</li>
 *   <li>{@link dev.tollgate.api.spi.BudgetKey}: names the caller for budgets per principal and
 *       for {@link dev.tollgate.api.LlmCallRecord#principal()};</li>
 *   <li>{@link dev.tollgate.api.spi.BudgetLimits}: limits of single allowances of a budget.</li>
 * </ul>
 *
 * <p>Price sources, usage extractors, redactors, record stores, token suppliers, budget stores,
 * budget keys and budget limits are found as CDI beans of the application and with
 * {@link java.util.ServiceLoader}. This package is public API for
 * integrators; applications use {@link dev.tollgate.api}.
 */
package dev.tollgate.api.spi;
