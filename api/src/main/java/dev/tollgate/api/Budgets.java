package dev.tollgate.api;

import java.util.Set;

/**
 * The configured budgets and what is left of them. Inject it: {@code @Inject Budgets budgets}.
 * Budgets are configured as {@code tollgate.budgets.<name>.*} (see the README's "Budgets"
 * section); a request that would exceed one fails unsent with an {@link LlmException} of category
 * {@link ErrorCategory#QUOTA_EXCEEDED} whose message names the budget, its limit and its period.
 * Implementations are thread-safe.
 */
public interface Budgets {

    /** @return the names of the configured budgets */
    Set<String> names();

    /**
     * The state of one allowance in the current period, read from the budget store.
     *
     * @param budget a configured budget's name
     * @param key whose allowance: the call name, provider id or principal by the budget's
     *     {@code per}; ignored for a budget without {@code per}
     * @return its state
     * @throws IllegalArgumentException if no budget has that name
     */
    BudgetStatus status(String budget, String key);
}
