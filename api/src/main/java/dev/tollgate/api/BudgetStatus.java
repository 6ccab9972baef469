package dev.tollgate.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The state of one allowance of a budget in its current period.
 *
 * @param budget the budget's name
 * @param key whose allowance it is: a call name, a provider id or a principal, by the budget's
 *     {@code per}; empty text for a budget shared by every request
 * @param periodStart the first instant of the current period
 * @param periodEnd the first instant of the next period
 * @param limit the budget's limit
 * @param spent the cost settled in this period
 * @param reserved the estimated cost of requests still running
 * @param currency the ISO 4217 code of all amounts, {@code tollgate.pricing.currency}
 */
public record BudgetStatus(String budget, String key, Instant periodStart, Instant periodEnd, BigDecimal limit,
        BigDecimal spent, BigDecimal reserved, String currency) {

    /** @return {@code limit - spent - reserved}, never below zero */
    public BigDecimal remaining() {
        BigDecimal left = limit.subtract(spent).subtract(reserved);
        return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
}
