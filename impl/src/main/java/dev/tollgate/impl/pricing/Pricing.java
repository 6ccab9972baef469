package dev.tollgate.impl.pricing;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the price of a request and computes its cost.
 *
 * <p>The model names tried, in order: the model the provider reported, its
 * {@linkplain ModelAliases alias}, the model requested, its alias. The price is the first found:
 * <ol>
 *   <li>in the {@link PriceTable}, for each of its sources from the highest (the application's
 *       configuration, the price file, the shipped table), for each name, by provider id, then by
 *       provider type;</li>
 *   <li>in each {@link PriceSource}, in order, for each name by provider id, then by type;</li>
 *   <li>in the table under the wildcard model {@value PriceTable#WILDCARD}, by id, then by type.</li>
 * </ol>
 * So the application's price of {@code gpt-4.1} applies to a response naming
 * {@code gpt-4.1-2025-04-14} even though the shipped table prices that snapshot.
 * The price then applies by the {@linkplain ModelPrice.Tier service tier} the provider reported
 * and the request's input tokens ({@link ModelPrice#forRequest(Tier, long)}). An unpriced model
 * costs {@link Cost#unknown()} and is warned about once per provider and model.
 */
public final class Pricing {
    private static final System.Logger LOG = System.getLogger(Pricing.class.getName());

    private final PriceTable table;
    private final List<PriceSource> sources;
    private final String currency;
    private final ModelAliases aliases = new ModelAliases();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param table the configured prices
     * @param sources further sources, asked in order after the table
     * @param currency the currency all prices must be in
     */
    public Pricing(PriceTable table, List<PriceSource> sources, String currency) {
        this.table = table;
        this.sources = List.copyOf(sources);
        this.currency = currency;
    }

    /** @return the currency of all costs */
    public String currency() {
        return currency;
    }

    /**
     * The cost of a request served in the standard tier.
     *
     * @param provider the provider that answered
     * @param responseModel the model it reported, or {@code null}
     * @param requestedModel the model requested, or {@code null}
     * @param usage the tokens it reported
     * @return the cost, {@link Cost#unknown()} if the usage is unknown or no price is found
     */
    public Cost cost(ConfiguredProvider provider, String responseModel, String requestedModel, Usage usage) {
        return cost(provider, responseModel, requestedModel, null, usage);
    }

    /**
     * @param provider the provider that answered
     * @param responseModel the model it reported, or {@code null}
     * @param requestedModel the model requested, or {@code null}
     * @param serviceTier the service tier it reported, or {@code null}
     * @param usage the tokens it reported
     * @return the cost, {@link Cost#unknown()} if the usage is unknown or no price is found
     */
    public Cost cost(ConfiguredProvider provider, String responseModel, String requestedModel, String serviceTier,
            Usage usage) {
        if (!usage.isKnown()) {
            return Cost.unknown();
        }
        Optional<ModelPrice> price = find(provider, responseModel, requestedModel);
        if (price.isEmpty()) {
            String model = responseModel != null && !responseModel.isEmpty() ? responseModel : requestedModel;
            if (warned.add(provider.id() + '/' + model)) {
                LOG.log(Level.WARNING, Messages.modelUnpriced(provider.id(), model));
            }
            return Cost.unknown();
        }
        if (!price.get().currency().equals(currency)) {
            warnCurrency(price.get().currency());
            return Cost.unknown();
        }
        return CostCalculator.cost(usage, price.get().forRequest(Tier.of(serviceTier), usage.inputTokens()));
    }

    /**
     * @param reported a cost the provider reported
     * @return that cost, or {@link Cost#unknown()} if it is in another currency than all other costs
     */
    public Cost reported(Cost reported) {
        if (reported.currency().equals(currency)) {
            return reported;
        }
        warnCurrency(reported.currency());
        return Cost.unknown();
    }

    private void warnCurrency(String other) {
        if (warned.add("currency/" + other)) {
            LOG.log(Level.WARNING, Messages.propertyInvalid(ConfigKeys.PRICING_CURRENCY, currency,
                    "the currency of every price source; one priced in " + other + " is ignored"));
        }
    }

    /**
     * @param provider the provider
     * @param responseModel the model it reported, or {@code null}
     * @param requestedModel the model requested, or {@code null}
     * @return the first price found, by the order of this class
     */
    public Optional<ModelPrice> find(ConfiguredProvider provider, String responseModel, String requestedModel) {
        String[] names = names(responseModel, requestedModel);
        PriceTable.Entry best = null;
        for (int i = 0; i < names.length && (best == null || best.source() != PriceTable.Source.APPLICATION); i++) {
            if (names[i] != null) {
                PriceTable.Entry entry = inTable(provider, names[i]);
                if (entry != null && (best == null || entry.source().compareTo(best.source()) < 0)) {
                    best = entry;
                }
            }
        }
        if (best != null) {
            return Optional.of(best.price());
        }
        for (PriceSource source : sources) {
            for (String model : names) {
                if (model != null) {
                    Optional<ModelPrice> price = source.price(provider.id(), model)
                            .or(() -> source.price(provider.type(), model));
                    if (price.isPresent()) {
                        return price;
                    }
                }
            }
        }
        return Optional.ofNullable(inTable(provider, PriceTable.WILDCARD)).map(PriceTable.Entry::price);
    }

    private PriceTable.Entry inTable(ConfiguredProvider provider, String model) {
        PriceTable.Entry byId = table.get(provider.id(), model);
        PriceTable.Entry byType = table.get(provider.type(), model);
        return byType == null || byId != null && byId.source().compareTo(byType.source()) <= 0 ? byId : byType;
    }

    /** The names to try in order; a name that repeats an earlier one is {@code null}. */
    private String[] names(String responseModel, String requestedModel) {
        String response = responseModel == null || responseModel.isEmpty() ? null : responseModel;
        String requested = requestedModel == null || requestedModel.isEmpty() ? null : requestedModel;
        String[] names = {response, response == null ? null : aliases.aliasOf(response),
            requested, requested == null ? null : aliases.aliasOf(requested)};
        for (int i = 1; i < names.length; i++) {
            for (int j = 0; j < i && names[i] != null; j++) {
                if (names[i].equals(names[j])) {
                    names[i] = null;
                }
            }
        }
        return names;
    }
}
