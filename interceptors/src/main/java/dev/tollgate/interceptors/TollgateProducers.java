package dev.tollgate.interceptors;

import dev.tollgate.api.ChatClient;
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
}
