package dev.tollgate.impl.budget;

import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.ratelimit.TokenEstimate;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The budget properties, read and checked: every invalid value is reported to the reader's
 * problems with the property's name.
 *
 * @param rules the budgets, in name order
 * @param zone where days and months begin
 * @param jdbc whether the balances are kept in a database
 * @param dataSource the JNDI name of the database, or {@code null}
 * @param table the database table
 * @param outputTokens the output tokens estimated for a request that sets no {@code maxTokens}
 */
public record BudgetConfig(List<BudgetRule> rules, ZoneId zone, boolean jdbc, String dataSource, String table,
        int outputTokens) {
    /** The table of the JDBC store unless configured. */
    public static final String DEFAULT_TABLE = "tollgate_budget";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Set<String> FIELDS = Set.of(ConfigKeys.BUDGET_LIMIT, ConfigKeys.BUDGET_PERIOD,
            ConfigKeys.BUDGET_PER, ConfigKeys.BUDGET_CALL, ConfigKeys.BUDGET_PROVIDER, ConfigKeys.BUDGET_PRINCIPAL);

    /**
     * @param reader the configuration
     * @param providerIds the configured providers, which a budget's provider selector must name
     * @return the budget configuration; with problems reported, its content is incomplete
     */
    public static BudgetConfig read(ConfigReader reader, Collection<String> providerIds) {
        List<BudgetRule> rules = names(reader).stream()
                .map(name -> rule(reader, name, providerIds))
                .flatMap(Optional::stream)
                .toList();
        ZoneId zone = reader.string(ConfigKeys.BUDGET_ZONE).map(z -> {
            try {
                return ZoneId.of(z);
            } catch (DateTimeException e) {
                reader.problems().add(Messages.propertyInvalid(ConfigKeys.BUDGET_ZONE, z,
                        "a time zone id such as UTC or Europe/Paris"));
                return ZoneOffset.UTC;
            }
        }).orElse(ZoneOffset.UTC);
        String store = reader.string(ConfigKeys.BUDGET_STORE).orElse("memory");
        if (!store.equals("memory") && !store.equals("jdbc")) {
            reader.problems().add(Messages.propertyInvalid(ConfigKeys.BUDGET_STORE, store, "memory or jdbc"));
        }
        String table = reader.string(ConfigKeys.BUDGET_TABLE).orElse(DEFAULT_TABLE);
        if (!TABLE.matcher(table).matches()) {
            reader.problems().add(Messages.propertyInvalid(ConfigKeys.BUDGET_TABLE, table,
                    "a table name of letters, digits and '_', optionally after a schema name and '.'"));
        }
        int outputTokens = reader.integer(ConfigKeys.BUDGET_OUTPUT_TOKENS, TokenEstimate.DEFAULT_OUTPUT_TOKENS);
        if (outputTokens < 0) {
            reader.problems().add(Messages.propertyInvalid(ConfigKeys.BUDGET_OUTPUT_TOKENS,
                    String.valueOf(outputTokens), "a whole number of tokens, zero or more"));
        }
        return new BudgetConfig(rules, zone, store.equals("jdbc"), reader.string(ConfigKeys.BUDGET_DATASOURCE)
                .orElse(null), table, outputTokens);
    }

    /** The budget names among the property names, reporting keys that are not budget keys. */
    private static Set<String> names(ConfigReader reader) {
        Set<String> names = new TreeSet<>();
        for (String property : reader.config().getPropertyNames()) {
            if (!property.startsWith(ConfigKeys.BUDGETS_PREFIX)) {
                continue;
            }
            String rest = property.substring(ConfigKeys.BUDGETS_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || !FIELDS.contains(rest.substring(dot + 1))) {
                reader.problems().add(Messages.budgetKeyUnknown(property));
            } else if (!NAME.matcher(rest.substring(0, dot)).matches()) {
                reader.problems().add(Messages.budgetNameInvalid(property, rest.substring(0, dot)));
            } else {
                names.add(rest.substring(0, dot));
            }
        }
        return names;
    }

    private static Optional<BudgetRule> rule(ConfigReader reader, String name, Collection<String> providerIds) {
        String limitProperty = ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_LIMIT);
        Optional<BigDecimal> limit = reader.string(limitProperty).flatMap(v -> positive(reader, limitProperty, v));
        if (reader.string(limitProperty).isEmpty()) {
            reader.problems().add(Messages.propertyMissing(limitProperty,
                    "set the most the budget's requests may cost in one period, in tollgate.pricing.currency"));
        }
        String periodProperty = ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_PERIOD);
        Optional<BudgetPeriod> period = choice(reader, periodProperty, BudgetPeriod.class, "day or month");
        if (reader.string(periodProperty).isEmpty()) {
            reader.problems().add(Messages.propertyMissing(periodProperty, "set it to day or month"));
        }
        Optional<BudgetPer> per = choice(reader, ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_PER),
                BudgetPer.class, "call, provider or principal");
        String providerProperty = ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_PROVIDER);
        String provider = reader.string(providerProperty).orElse(null);
        if (provider != null && !providerIds.contains(provider)) {
            reader.problems().add(Messages.budgetProviderUnknown(providerProperty, provider, providerIds));
        }
        if (limit.isEmpty() || period.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetRule(name, limit.get(), period.get(), per.orElse(BudgetPer.ALL),
                reader.string(ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_CALL)).orElse(null), provider,
                reader.string(ConfigKeys.budgetProperty(name, ConfigKeys.BUDGET_PRINCIPAL)).orElse(null)));
    }

    private static Optional<BigDecimal> positive(ConfigReader reader, String property, String value) {
        try {
            BigDecimal d = new BigDecimal(value);
            if (d.signum() > 0) {
                return Optional.of(d);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reader.problems().add(Messages.propertyInvalid(property, value, "a decimal number above zero"));
        return Optional.empty();
    }

    private static <E extends Enum<E>> Optional<E> choice(ConfigReader reader, String property, Class<E> type,
            String expected) {
        Map<String, E> words = new TreeMap<>();
        for (E e : type.getEnumConstants()) {
            words.put(e.name().toLowerCase(Locale.ROOT), e);
        }
        words.remove("all");
        return reader.string(property).flatMap(v -> {
            E e = words.get(v);
            if (e == null) {
                reader.problems().add(Messages.propertyInvalid(property, v, expected));
            }
            return Optional.ofNullable(e);
        });
    }
}
