package dev.tollgate.impl.provider;

import dev.tollgate.api.spi.ProviderClient;
import java.util.Optional;

/**
 * One provider as configured: its id, its type, its default model and its client.
 *
 * @param id the provider id
 * @param type the provider type
 * @param defaultModel the configured or built-in default model, or {@code null}
 * @param client the client
 */
public record ConfiguredProvider(String id, String type, String defaultModel, ProviderClient client) {

    /** @return the default model, if there is one */
    public Optional<String> defaultModelIfSet() {
        return Optional.ofNullable(defaultModel);
    }
}
