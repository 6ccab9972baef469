package dev.tollgate.api.spi;

import java.util.Optional;

/**
 * Prices models, in addition to the configured price table ({@code tollgate.pricing.*}), which
 * is asked first.
 *
 * <p>Tollgate asks for a price by provider id first, then by provider type, and for each by the
 * model the provider reported before the model that was requested. Implementations are found as
 * application-scoped CDI beans and with {@link java.util.ServiceLoader}; they must be thread-safe
 * and fast, since they are asked on every priced request unless they cache.
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
