package dev.tollgate.sample.access;

import dev.tollgate.api.spi.BudgetKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Names the gateway key of the current request as the principal of Tollgate's budgets, so that
 * the budget {@value GatewayKeys#BUDGET} ({@code per=principal}) charges each key its own allowance.
 * Tollgate asks when a request is reserved, on the request's thread; on a thread without a request
 * (a stream read elsewhere) there is no key to name.
 */
@ApplicationScoped
public class KeyBudgetKey implements BudgetKey {
    @Inject
    CallerKey caller;

    @Override
    public Optional<String> principal() {
        try {
            return caller.key().map(GatewayKey::id);
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
