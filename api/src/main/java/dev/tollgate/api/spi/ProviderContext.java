package dev.tollgate.api.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The identity and configuration of one provider, as a {@link ProviderAdapter} sees it when
 * creating its {@link ProviderClient}.
 *
 * <p>Properties are read from MicroProfile Config under {@code tollgate.providers.<id>.}; a key
 * here is the part after that prefix, such as {@code base-url}. Secrets read from here must not
 * appear in log lines, exception messages or {@code toString()}.
 */
public interface ProviderContext {

    /** @return the provider id, the {@code <id>} of {@code tollgate.providers.<id>.type} */
    String id();

    /** @return the protocol, the value of {@code tollgate.providers.<id>.type} */
    String type();

    /**
     * A property of this provider.
     *
     * @param key the key after {@code tollgate.providers.<id>.}, such as {@code base-url}
     * @return its value, if set and not empty
     */
    Optional<String> property(String key);

    /**
     * A property this provider cannot work without.
     *
     * @param key the key after {@code tollgate.providers.<id>.}
     * @return its value
     * @throws java.util.NoSuchElementException naming the full property, if it is missing
     */
    String requiredProperty(String key);

    /**
     * The full name of a property, for error messages.
     *
     * @param key the key after {@code tollgate.providers.<id>.}
     * @return {@code tollgate.providers.<id>.<key>}
     */
    String propertyName(String key);

    /** @return how long one request may take, from {@code tollgate.providers.<id>.timeout} */
    Duration timeout();

    /**
     * The instances of an integration contract that the application provides, such as a supplier
     * of access tokens: its CDI beans, when running in a CDI container, then those registered with
     * {@link java.util.ServiceLoader}.
     *
     * @param <T> the contract
     * @param type the contract, an interface of this package
     * @return the instances, in that order; empty if there are none
     */
    default <T> List<T> services(Class<T> type) {
        return List.of();
    }
}
