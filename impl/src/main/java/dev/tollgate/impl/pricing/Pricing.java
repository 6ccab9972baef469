package dev.tollgate.impl.pricing;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the price of a request and computes its cost. Looks first for the model the provider
 * reported, then for the model requested; for each, by provider id, then by provider type; in the
 * configured table first, then in each {@link PriceSource}. An unpriced model costs
 * {@link Cost#unknown()} and is warned about once.
 */
public final class Pricing {
    private static final System.Logger LOG = System.getLogger(Pricing.class.getName());

    private final PriceTable table;
    private final List<PriceSource> sources;
    private final String currency;
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
     * @param provider the provider that answered
     * @param responseModel the model it reported, or {@code null}
     * @param requestedModel the model requested
     * @param usage the tokens it reported
     * @return the cost, {@link Cost#unknown()} if the usage is unknown or no price is found
     */
    public Cost cost(ConfiguredProvider provider, String responseModel, String requestedModel, Usage usage) {
        if (!usage.isKnown()) {
            return Cost.unknown();
        }
        Optional<ModelPrice> price = find(provider, responseModel, requestedModel);
        if (price.isEmpty()) {
            String model = responseModel != null ? responseModel : requestedModel;
            if (warned.add(provider.id() + '/' + model)) {
                LOG.log(Level.WARNING, Messages.modelUnpriced(provider.id(), model));
            }
            return Cost.unknown();
        }
        if (!price.get().currency().equals(currency)) {
            if (warned.add("currency/" + price.get().currency())) {
                LOG.log(Level.WARNING, Messages.propertyInvalid("tollgate.pricing.currency", currency,
                        "the currency of every price source; one priced in " + price.get().currency()
                                + " is ignored"));
            }
            return Cost.unknown();
        }
        return CostCalculator.cost(usage, price.get());
    }

    /**
     * @param reported a cost the provider reported
     * @return that cost, or {@link Cost#unknown()} if it is in another currency than all other costs
     */
    public Cost reported(Cost reported) {
        if (reported.currency().equals(currency)) {
            return reported;
        }
        if (warned.add("currency/" + reported.currency())) {
            LOG.log(Level.WARNING, Messages.propertyInvalid("tollgate.pricing.currency", currency,
                    "the currency of every price source; one priced in " + reported.currency() + " is ignored"));
        }
        return Cost.unknown();
    }

    /**
     * @param provider the provider
     * @param responseModel the model it reported, or {@code null}
     * @param requestedModel the model requested, or {@code null}
     * @return the first price found
     */
    public Optional<ModelPrice> find(ConfiguredProvider provider, String responseModel, String requestedModel) {
        Optional<ModelPrice> price = findModel(provider, responseModel);
        if (price.isEmpty() && requestedModel != null && !requestedModel.equals(responseModel)) {
            price = findModel(provider, requestedModel);
        }
        return price;
    }

    private Optional<ModelPrice> findModel(ConfiguredProvider provider, String model) {
        if (model == null) {
            return Optional.empty();
        }
        Optional<ModelPrice> price = table.find(provider.id(), model).or(() -> table.find(provider.type(), model));
        for (int i = 0; price.isEmpty() && i < sources.size(); i++) {
            PriceSource source = sources.get(i);
            price = source.price(provider.id(), model).or(() -> source.price(provider.type(), model));
        }
        return price;
    }
}
