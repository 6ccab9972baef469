package dev.tollgate.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a set of provider requests used and cost, as the {@link UsageLedger} adds it up.
 *
 * <p>Every {@link Exchange} counts once: in {@link #requests()}, in {@link #errors()} by its
 * {@link ErrorCategory} if it failed, and with its token counts and cost. A request whose usage
 * the provider never sent (a cut stream) counts in {@link #unknownUsage()}, with whatever part of
 * it was reported; a request no price was configured for counts in {@link #unknownCost()}, with
 * whatever part was priced. Costs are kept per currency, exactly.
 *
 * @param requests provider requests, failed ones included
 * @param errors failed requests by category; categories with none are absent
 * @param inputTokens input tokens, cached reads and cache writes included
 * @param outputTokens output tokens, reasoning included
 * @param cachedInputTokens input tokens read from the provider's cache
 * @param cacheWriteTokens input tokens written to the provider's cache
 * @param reasoningTokens output tokens spent on reasoning
 * @param cost the cost per ISO 4217 currency code
 * @param unknownUsage requests whose usage was not known in full
 * @param unknownCost requests whose cost was not known in full
 */
public record UsageTotals(long requests, Map<ErrorCategory, Long> errors, long inputTokens, long outputTokens,
        long cachedInputTokens, long cacheWriteTokens, long reasoningTokens, Map<String, BigDecimal> cost,
        long unknownUsage, long unknownCost) {

    /** Nothing counted. */
    public static final UsageTotals EMPTY = new UsageTotals(0, Map.of(), 0, 0, 0, 0, 0, Map.of(), 0, 0);

    /**
     * Copies the maps.
     *
     * @param requests see above
     * @param errors not null
     * @param inputTokens see above
     * @param outputTokens see above
     * @param cachedInputTokens see above
     * @param cacheWriteTokens see above
     * @param reasoningTokens see above
     * @param cost not null
     * @param unknownUsage see above
     * @param unknownCost see above
     */
    public UsageTotals {
        Map<ErrorCategory, Long> sortedErrors = new EnumMap<>(ErrorCategory.class);
        Objects.requireNonNull(errors, "errors").forEach((k, v) -> {
            if (v != 0) {
                sortedErrors.put(k, v);
            }
        });
        errors = Collections.unmodifiableMap(sortedErrors);
        cost = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(cost, "cost")));
    }

    /** @return the requests that failed, of any category */
    public long failedRequests() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * @param category a category
     * @return the requests that failed with it
     */
    public long errors(ErrorCategory category) {
        return errors.getOrDefault(category, 0L);
    }

    /** @return {@code inputTokens() + outputTokens()} */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /**
     * @param currency an ISO 4217 code such as {@code USD}
     * @return the cost in that currency; zero if none was counted
     */
    public BigDecimal cost(String currency) {
        return cost.getOrDefault(currency, BigDecimal.ZERO);
    }

    /**
     * @param other totals to add
     * @return the sum of both
     */
    public UsageTotals plus(UsageTotals other) {
        Map<ErrorCategory, Long> e = new EnumMap<>(ErrorCategory.class);
        e.putAll(errors);
        other.errors.forEach((k, v) -> e.merge(k, v, Long::sum));
        Map<String, BigDecimal> c = new TreeMap<>(cost);
        other.cost.forEach((k, v) -> c.merge(k, v, BigDecimal::add));
        return new UsageTotals(requests + other.requests, e, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens, cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens, reasoningTokens + other.reasoningTokens, c,
                unknownUsage + other.unknownUsage, unknownCost + other.unknownCost);
    }
}
