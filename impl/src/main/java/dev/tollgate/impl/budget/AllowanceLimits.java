package dev.tollgate.impl.budget;

import dev.tollgate.api.spi.BudgetLimits;
import dev.tollgate.impl.capture.CaptureFailures;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The limit of one allowance of a budget: the application's {@link BudgetLimits} where it gives
 * one, else the configured limit. A failing {@link BudgetLimits} is counted and leaves the
 * configured limit.
 */
final class AllowanceLimits {
    private final BudgetLimits limits;
    private final CaptureFailures failures;

    AllowanceLimits(BudgetLimits limits, CaptureFailures failures) {
        this.limits = limits;
        this.failures = failures;
    }

    BigDecimal of(BudgetRule rule, String key) {
        Optional<BigDecimal> own;
        try {
            own = limits.limit(rule.name(), key);
        } catch (RuntimeException e) {
            failures.report("asking the limit of budget '" + rule.name() + "'", e);
            return rule.limit();
        }
        return own == null ? rule.limit() : own.orElse(rule.limit());
    }
}
