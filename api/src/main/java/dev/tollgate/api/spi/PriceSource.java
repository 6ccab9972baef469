package dev.tollgate.api.spi;

import java.util.Optional;

/**
 * Prices models, in addition to the configured price table ({@code tollgate.pricing.*}, the price
 * file and the shipped table), which is asked first.
 *
 * <p>Tollgate asks each source, in order, for the model the provider reported, its alias (the
 * name without a date, version or region, such as {@code gpt-4o} for {@code gpt-4o-2024-08-06}),
 * the model that was requested and its alias; for each, by provider id first, then by provider
 * type. Only when no source knows any of them is a provider's wildcard price
 * ({@code tollgate.pricing.<provider>."*".*}) used. Implementations are found as
 * application-scoped CDI beans and with {@link java.util.ServiceLoader}; they must be thread-safe
 * and fast, since they are asked on every priced request the table does not price, unless they
 * cache.
 */
public interface PriceSource {

    /**
     * The price of a model.
     *
     * @param provider a provider id or a provider type
     * @param model a model name
     * @return its price, or empty if this source does not know it
     */
    Optional<ModelPrice> price(String provider, String model);
}
