package dev.tollgate.sample.access;

import dev.tollgate.api.spi.BudgetLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/** Gives each key's allowance of the budget {@value GatewayKeys#BUDGET} the key's own budget. */
@ApplicationScoped
public class KeyBudgetLimits implements BudgetLimits {
    @Inject
    GatewayKeys keys;

    @Override
    public Optional<BigDecimal> limit(String budget, String key) {
        return GatewayKeys.BUDGET.equals(budget) ? Optional.of(keys.budget(key)) : Optional.empty();
    }
}
