package dev.tollgate.tck.route;

import dev.tollgate.api.spi.BudgetLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Optional;

/** Gives the key {@code gold} a budget of its own. */
@ApplicationScoped
public class KeyLimits implements BudgetLimits {

    @Override
    public Optional<BigDecimal> limit(String budget, String key) {
        return budget.equals("keys") && key.equals("gold") ? Optional.of(new BigDecimal("0.5")) : Optional.empty();
    }
}
