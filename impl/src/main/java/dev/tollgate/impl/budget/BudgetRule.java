package dev.tollgate.impl.budget;

import dev.tollgate.api.spi.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One configured budget.
 *
 * @param name its name, {@code tollgate.budgets.<name>}
 * @param limit the most its requests may cost in one period
 * @param period the period
 * @param per what gets its own allowance
 * @param call the only call name it applies to, or {@code null} for every call
 * @param provider the only provider id it applies to, or {@code null} for every provider
 * @param principal the only principal it applies to, or {@code null} for every principal
 */
public record BudgetRule(String name, BigDecimal limit, BudgetPeriod period, BudgetPer per, String call,
        String provider, String principal) {

    /** @return whether it needs the caller's principal to decide if and how it applies */
    boolean needsPrincipal() {
        return per == BudgetPer.PRINCIPAL || principal != null;
    }

    /**
     * @param callName the request's call name, or {@code null} outside an {@code @LlmCall} method
     * @param providerId the request's provider id
     * @param principalName the caller's name, or empty
     * @return whose allowance the request is charged on, or empty if the budget does not apply to it
     */
    Optional<String> keyFor(String callName, String providerId, Supplier<Optional<String>> principalName) {
        if (call != null && !call.equals(callName) || provider != null && !provider.equals(providerId)) {
            return Optional.empty();
        }
        Optional<String> who = needsPrincipal() ? principalName.get() : Optional.empty();
        if (principal != null && !who.map(principal::equals).orElse(false)) {
            return Optional.empty();
        }
        return switch (per) {
            case ALL -> Optional.of("");
            case CALL -> Optional.ofNullable(callName);
            case PROVIDER -> Optional.of(providerId);
            case PRINCIPAL -> who;
        };
    }

    /**
     * @param key whose allowance
     * @param now the current instant
     * @param zone where periods begin
     * @return the allowance of that key in the period holding {@code now}
     */
    BudgetWindow window(String key, Instant now, ZoneId zone) {
        Instant[] bounds = period.around(now, zone);
        return new BudgetWindow(name, key, bounds[0], bounds[1]);
    }
}
