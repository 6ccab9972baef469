package dev.tollgate.impl.pricing;

import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The prices configured under {@code tollgate.pricing.<provider>.<model>.<field>}, where
 * {@code <provider>} is a provider id or type. Provider ids hold no dots and fields are known, so
 * a model name between them may contain dots ({@code gpt-4.1}) and may be quoted.
 */
public final class PriceTable {
    private final Map<String, ModelPrice> prices;

    private PriceTable(Map<String, ModelPrice> prices) {
        this.prices = prices;
    }

    /**
     * Reads every price key; malformed keys and values are reported to the reader's problems.
     *
     * @param reader the configuration
     * @param currency the currency of all prices
     * @return the table
     */
    public static PriceTable read(ConfigReader reader, String currency) {
        Map<String, Map<PriceField, BigDecimal>> fields = new TreeMap<>();
        for (String name : reader.config().getPropertyNames()) {
            if (!name.startsWith(ConfigKeys.PRICING_PREFIX) || name.equals(ConfigKeys.PRICING_CURRENCY)) {
                continue;
            }
            String rest = name.substring(ConfigKeys.PRICING_PREFIX.length());
            int firstDot = rest.indexOf('.');
            int lastDot = rest.lastIndexOf('.');
            Optional<PriceField> field = lastDot > firstDot ? PriceField.of(rest.substring(lastDot + 1))
                    : Optional.empty();
            if (firstDot <= 0 || field.isEmpty()) {
                reader.problems().add(Messages.priceFieldUnknown(name, PriceField.keys()));
                continue;
            }
            String provider = rest.substring(0, firstDot);
            String model = unquote(rest.substring(firstDot + 1, lastDot));
            reader.decimal(name).ifPresent(value ->
                    fields.computeIfAbsent(key(provider, model), k -> new EnumMap<>(PriceField.class))
                            .put(field.get(), value));
        }
        Map<String, ModelPrice> prices = new HashMap<>();
        for (Map.Entry<String, Map<PriceField, BigDecimal>> e : fields.entrySet()) {
            Map<PriceField, BigDecimal> f = e.getValue();
            String[] providerAndModel = e.getKey().split("\u0000", 2);
            for (PriceField required : new PriceField[] {PriceField.INPUT, PriceField.OUTPUT}) {
                if (!f.containsKey(required)) {
                    reader.problems().add(Messages.priceIncomplete(providerAndModel[0], providerAndModel[1],
                            ConfigKeys.PRICING_PREFIX + providerAndModel[0] + "." + providerAndModel[1] + "."
                                    + required.key()));
                }
            }
            if (f.containsKey(PriceField.INPUT) && f.containsKey(PriceField.OUTPUT)) {
                prices.put(e.getKey(), ModelPrice.builder(currency)
                        .input(f.get(PriceField.INPUT))
                        .output(f.get(PriceField.OUTPUT))
                        .cachedInput(f.get(PriceField.CACHED_INPUT))
                        .cacheWrite(f.get(PriceField.CACHE_WRITE))
                        .cacheWrite1h(f.get(PriceField.CACHE_WRITE_1H))
                        .reasoning(f.get(PriceField.REASONING))
                        .build());
            }
        }
        return new PriceTable(prices);
    }

    /**
     * @param provider a provider id or type
     * @param model a model name
     * @return its price, if configured
     */
    public Optional<ModelPrice> find(String provider, String model) {
        return Optional.ofNullable(prices.get(key(provider, model)));
    }

    /** @return how many models are priced */
    public int size() {
        return prices.size();
    }

    private static String key(String provider, String model) {
        return provider + '\u0000' + model;
    }

    private static String unquote(String model) {
        return model.length() > 1 && model.startsWith("\"") && model.endsWith("\"")
                ? model.substring(1, model.length() - 1)
                : model;
    }
}
