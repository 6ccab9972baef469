package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.spi.ProviderContext;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The configuration of a provider {@code bedrock} of type {@code bedrock}, given as a map.
 *
 * @param properties the properties, by the key after {@code tollgate.providers.bedrock.}
 */
record TestProviderContext(Map<String, String> properties) implements ProviderContext {
    @Override
    public String id() {
        return "bedrock";
    }

    @Override
    public String type() {
        return "bedrock";
    }

    @Override
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key)).filter(v -> !v.isEmpty());
    }

    @Override
    public String requiredProperty(String key) {
        return property(key).orElseThrow(() -> new NoSuchElementException(propertyName(key)));
    }

    @Override
    public String propertyName(String key) {
        return "tollgate.providers.bedrock." + key;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
