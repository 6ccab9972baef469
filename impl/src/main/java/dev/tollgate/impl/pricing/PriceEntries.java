package dev.tollgate.impl.pricing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Price fields as read from one place (configuration, a price file), by provider and model,
 * before they are checked and built into prices.
 */
final class PriceEntries {
    private final Map<String, Map<String, Map<PriceField, BigDecimal>>> entries = new LinkedHashMap<>();

    void put(String provider, String model, PriceField field, BigDecimal value) {
        fields(provider, model).put(field, value);
    }

    Map<PriceField, BigDecimal> fields(String provider, String model) {
        return entries.computeIfAbsent(provider, p -> new LinkedHashMap<>())
                .computeIfAbsent(model, m -> new HashMap<>());
    }

    boolean contains(String provider, String model) {
        Map<String, Map<PriceField, BigDecimal>> models = entries.get(provider);
        return models != null && models.containsKey(model);
    }

    void forEach(TriConsumer action) {
        entries.forEach((provider, models) -> models.forEach((model, fields) -> action.accept(provider, model,
                fields)));
    }

    /** Takes a provider, a model and its fields. */
    @FunctionalInterface
    interface TriConsumer {
        void accept(String provider, String model, Map<PriceField, BigDecimal> fields);
    }
}
