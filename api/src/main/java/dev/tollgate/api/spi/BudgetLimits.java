package dev.tollgate.api.spi;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Gives one allowance of a configured budget a limit of its own, such as each API key of a
 * gateway its own monthly spend, where {@code tollgate.budgets.<name>.limit} is the default.
 *
 * <ol>
 *   <li>Tollgate asks it before each reservation on a budget, with the budget's name and the
 *       allowance's key (the call name, provider id or principal, as the budget's {@code per}
 *       says; empty for a budget shared by every request).</li>
 *   <li>An empty result keeps the configured limit; a result of zero or less refuses every
 *       request of that allowance.</li>
 *   <li>An application provides one as a CDI bean or with {@link java.util.ServiceLoader}; the
 *       first one found is used. It must be fast and thread-safe; a failure is logged, counted,
 *       and treated as an empty result.</li>
 * </ol>
 */
@FunctionalInterface
public interface BudgetLimits {

    /**
     * @param budget the budget's name, as configured
     * @param key the allowance's key
     * @return the limit of this allowance in the configured currency, or empty for the configured one
     */
    Optional<BigDecimal> limit(String budget, String key);
}
