package dev.tollgate.interceptors;

import dev.tollgate.api.Budgets;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ProviderHealth;
import dev.tollgate.api.UsageLedger;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Makes the engine's parts injectable. */
@Dependent
public class TollgateProducers {

    /**
     * @param runtime the engine
     * @return the shared, thread-safe client
     */
    @Produces
    @Dependent
    public ChatClient chatClient(TollgateRuntime runtime) {
        return runtime.engine().chatClient();
    }

    /**
     * @param runtime the engine
     * @return the health of the configured providers, shared and thread-safe
     */
    @Produces
    @Dependent
    public ProviderHealth providerHealth(TollgateRuntime runtime) {
        return runtime.engine().health();
    }

    /**
     * @param runtime the engine
     * @return the configured budgets and what is left of them, shared and thread-safe
     */
    @Produces
    @Dependent
    public Budgets budgets(TollgateRuntime runtime) {
        return runtime.engine().budgets();
    }

    /**
     * @param runtime the engine
     * @return the engine's one usage ledger, shared and thread-safe
     */
    @Produces
    @Dependent
    public UsageLedger usageLedger(TollgateRuntime runtime) {
        return runtime.engine().ledger();
    }
}
