package dev.tollgate.api.spi;

/**
 * One wire protocol of LLM providers, such as OpenAI's Chat Completions.
 *
 * <p>Adapters are found with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.tollgate.api.spi.ProviderAdapter}. For every configured provider,
 * Tollgate calls {@link #create(ProviderContext)} on the adapter whose {@link #type()} equals
 * {@code tollgate.providers.<id>.type}, once, at deployment.
 */
public interface ProviderAdapter {

    /**
     * The protocol name used in {@code tollgate.providers.<id>.type}.
     *
     * @return a lower-case name such as {@code openai}; unique among adapters
     */
    String type();

    /**
     * Creates the client of one configured provider, validating its configuration.
     *
     * @param context the provider's id and configuration
     * @return the client
     * @throws java.util.NoSuchElementException if a required property is missing
     * @throws IllegalArgumentException if a property is invalid; the message names the property
     */
    ProviderClient create(ProviderContext context);
}
