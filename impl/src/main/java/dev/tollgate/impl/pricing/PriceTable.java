package dev.tollgate.impl.pricing;

import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.api.spi.ModelPrice.TokenKind;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The prices configured under {@code tollgate.pricing.<provider>.<model>.<field>}, where
 * {@code <provider>} is a provider id or type and {@code <field>} one of {@link PriceField}.
 * Provider ids hold no dots and fields are known, so a model name between them may contain dots
 * ({@code gpt-4.1}) and may be quoted; the model {@value #WILDCARD} prices every model of its
 * provider that has no price of its own.
 *
 * <p>The prices of one model come from three {@linkplain Source sources}; a higher one overrides
 * a lower one:
 * <ol>
 *   <li>the application's configuration, field by field;</li>
 *   <li>the price file of {@value ConfigKeys#PRICING_FILE}, if set, model by model: a model it
 *       prices takes none of its fields from the shipped table;</li>
 *   <li>the shipped table, {@link DefaultPrices}, told apart by its config source name.</li>
 * </ol>
 * Each price keeps the highest source that gave one of its fields, so that a lookup can prefer the
 * application's price of a model's alias to the shipped price of the exact model.
 */
public final class PriceTable {
    /** The model that prices every model of its provider without a price of its own. */
    public static final String WILDCARD = "*";
    private static final String FILE_CURRENCY = "USD";

    private final Map<String, Map<String, Entry>> prices;

    private PriceTable(Map<String, Map<String, Entry>> prices) {
        this.prices = prices;
    }

    /**
     * Reads every price key and the price file; malformed keys, values and files are reported to
     * the reader's problems.
     *
     * @param reader the configuration
     * @param currency the currency of all prices
     * @return the table
     */
    public static PriceTable read(ConfigReader reader, String currency) {
        PriceEntries application = new PriceEntries();
        PriceEntries shipped = new PriceEntries();
        readConfig(reader, application, shipped);
        PriceEntries file = readFile(reader, currency);

        PriceEntries merged = new PriceEntries();
        Map<String, Source> sources = new HashMap<>();
        file.forEach((provider, model, fields) -> {
            merged.fields(provider, model).putAll(fields);
            sources.put(key(provider, model), Source.FILE);
        });
        shipped.forEach((provider, model, fields) -> {
            if (!file.contains(provider, model)) {
                merged.fields(provider, model).putAll(fields);
                sources.put(key(provider, model), Source.SHIPPED);
            }
        });
        application.forEach((provider, model, fields) -> {
            merged.fields(provider, model).putAll(fields);
            sources.put(key(provider, model), Source.APPLICATION);
        });

        Map<String, Map<String, Entry>> prices = new HashMap<>();
        merged.forEach((provider, model, fields) -> build(reader, provider, model, fields, currency)
                .ifPresent(price -> prices.computeIfAbsent(provider, p -> new HashMap<>())
                        .put(model, new Entry(price, sources.get(key(provider, model))))));
        return new PriceTable(prices);
    }

    private static void readConfig(ConfigReader reader, PriceEntries application, PriceEntries shipped) {
        for (String name : reader.config().getPropertyNames()) {
            if (!name.startsWith(ConfigKeys.PRICING_PREFIX) || name.equals(ConfigKeys.PRICING_CURRENCY)
                    || name.equals(ConfigKeys.PRICING_FILE)) {
                continue;
            }
            String rest = name.substring(ConfigKeys.PRICING_PREFIX.length());
            int firstDot = rest.indexOf('.');
            int lastDot = rest.lastIndexOf('.');
            Optional<PriceField> field = lastDot > firstDot ? PriceField.parse(rest.substring(lastDot + 1))
                    : Optional.empty();
            if (firstDot <= 0 || field.isEmpty()) {
                reader.problems().add(Messages.priceFieldUnknown(name, PriceField.GRAMMAR));
                continue;
            }
            String provider = rest.substring(0, firstDot);
            String model = unquote(rest.substring(firstDot + 1, lastDot));
            PriceEntries target = DefaultPrices.NAME.equals(reader.config().getConfigValue(name).getSourceName())
                    ? shipped
                    : application;
            reader.decimal(name).flatMap(value -> checked(reader, name, field.get(), value))
                    .ifPresent(value -> target.put(provider, model, field.get(), value));
        }
    }

    private static Optional<BigDecimal> checked(ConfigReader reader, String name, PriceField field, BigDecimal value) {
        if (field.isThreshold() && value.stripTrailingZeros().scale() > 0) {
            reader.problems().add(Messages.propertyInvalid(name, value.toPlainString(),
                    "a whole number of input tokens"));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static PriceEntries readFile(ConfigReader reader, String currency) {
        Optional<String> location = reader.string(ConfigKeys.PRICING_FILE);
        if (location.isEmpty()) {
            return new PriceEntries();
        }
        if (!currency.equals(FILE_CURRENCY)) {
            reader.problems().add(Messages.priceFileCurrency(ConfigKeys.PRICING_FILE, ConfigKeys.PRICING_CURRENCY,
                    currency));
            return new PriceEntries();
        }
        try {
            return LiteLlmPriceFile.read(LiteLlmPriceFile.load(location.get(), classLoader()));
        } catch (IOException | IllegalArgumentException e) {
            reader.problems().add(Messages.priceFileUnreadable(ConfigKeys.PRICING_FILE, location.get(),
                    e.getMessage()));
            return new PriceEntries();
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PriceTable.class.getClassLoader();
    }

    private static Optional<ModelPrice> build(ConfigReader reader, String provider, String model,
            Map<PriceField, BigDecimal> fields, String currency) {
        boolean complete = true;
        for (TokenKind required : new TokenKind[] {TokenKind.INPUT, TokenKind.OUTPUT}) {
            if (!fields.containsKey(PriceField.of(Tier.STANDARD, false, required))) {
                reader.problems().add(Messages.priceIncomplete(provider, model,
                        property(provider, model, PriceField.of(Tier.STANDARD, false, required))));
                complete = false;
            }
        }
        BigDecimal threshold = fields.get(PriceField.threshold());
        if (threshold == null && fields.keySet().stream().anyMatch(f -> f.longContext() && !f.isThreshold())) {
            reader.problems().add(Messages.priceIncomplete(provider, model,
                    property(provider, model, PriceField.threshold())));
            complete = false;
        }
        if (!complete) {
            return Optional.empty();
        }
        ModelPrice.Builder price = ModelPrice.builder(currency);
        fields.forEach((field, value) -> {
            if (field.isThreshold()) {
                price.longContextThreshold(value.longValue());
            } else if (field.longContext()) {
                price.longContextPrice(field.tier(), field.kind(), value);
            } else {
                price.price(field.tier(), field.kind(), value);
            }
        });
        return Optional.of(price.build());
    }

    private static String property(String provider, String model, PriceField field) {
        return ConfigKeys.PRICING_PREFIX + provider + "." + model + "." + field.key();
    }

    /**
     * @param provider a provider id or type
     * @param model a model name, or {@value #WILDCARD}
     * @return its price, if configured
     */
    public Optional<ModelPrice> find(String provider, String model) {
        return Optional.ofNullable(get(provider, model)).map(Entry::price);
    }

    /**
     * @param provider a provider id or type
     * @param model a model name, or {@value #WILDCARD}
     * @return its price and source, or {@code null} if it has none
     */
    Entry get(String provider, String model) {
        Map<String, Entry> models = prices.get(provider);
        return models == null ? null : models.get(model);
    }

    /** @return how many models are priced, wildcards included */
    public int size() {
        return prices.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * @param action receives each provider, model and price
     */
    void forEach(PriceConsumer action) {
        prices.forEach((provider, models) -> models.forEach((model, entry) -> action.accept(provider, model,
                entry.price())));
    }

    /** Takes a provider, a model and its price. */
    @FunctionalInterface
    interface PriceConsumer {
        void accept(String provider, String model, ModelPrice price);
    }

    private static String key(String provider, String model) {
        return provider + '\u0000' + model;
    }

    /** Where a price came from, the highest first. */
    enum Source {
        APPLICATION, FILE, SHIPPED
    }

    /**
     * A price and the highest source of its fields.
     *
     * @param price the price
     * @param source where it came from
     */
    record Entry(ModelPrice price, Source source) {
    }

    private static String unquote(String model) {
        return model.length() > 1 && model.startsWith("\"") && model.endsWith("\"")
                ? model.substring(1, model.length() - 1)
                : model;
    }
}
