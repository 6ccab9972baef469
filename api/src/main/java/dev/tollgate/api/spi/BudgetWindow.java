package dev.tollgate.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One allowance of one budget: the budget, whose share it is (a call name, a provider id, a
 * principal, or empty text for a budget shared by every request), and the period it covers.
 *
 * @param budget the budget's name, as configured under {@code tollgate.budgets.<name>}
 * @param key whose allowance it is; empty text for a budget without {@code per}
 * @param start the first instant of the period
 * @param end the first instant after the period
 */
public record BudgetWindow(String budget, String key, Instant start, Instant end) {

    /**
     * Validates the parts.
     *
     * @param budget not null
     * @param key not null
     * @param start not null
     * @param end not null, after start
     */
    public BudgetWindow {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " is not after its start " + start);
        }
    }
}
