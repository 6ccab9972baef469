package dev.tollgate.impl.budget;

import dev.tollgate.api.BudgetStatus;
import dev.tollgate.api.Budgets;
import dev.tollgate.api.spi.BudgetBalance;
import dev.tollgate.api.spi.BudgetLimits;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import dev.tollgate.impl.capture.CaptureFailures;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The configured budgets as applications see them, read from the store on each call. */
public final class BudgetView implements Budgets {
    private final Map<String, BudgetRule> rules = new LinkedHashMap<>();
    private final BudgetConfig config;
    private final BudgetStore store;
    private final Clock clock;
    private final String currency;
    private final AllowanceLimits limits;

    /**
     * @param config the budgets
     * @param store keeps the balances
     * @param clock tells which period it is
     * @param currency the currency of all amounts
     * @param limits the limits of single allowances, where the application sets them
     * @param failures where failures of those limits are counted
     */
    public BudgetView(BudgetConfig config, BudgetStore store, Clock clock, String currency, BudgetLimits limits,
            CaptureFailures failures) {
        config.rules().forEach(rule -> rules.put(rule.name(), rule));
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.currency = currency;
        this.limits = new AllowanceLimits(limits, failures);
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(rules.keySet());
    }

    @Override
    public BudgetStatus status(String budget, String key) {
        BudgetRule rule = rules.get(budget);
        if (rule == null) {
            throw new IllegalArgumentException("no budget is named '" + budget + "'; configured budgets: "
                    + rules.keySet());
        }
        String k = rule.per() == BudgetPer.ALL ? "" : Objects.requireNonNull(key, "key");
        BudgetWindow window = rule.window(k, clock.instant(), config.zone());
        BudgetBalance balance = store.balance(window);
        return new BudgetStatus(budget, k, window.start(), window.end(), limits.of(rule, k), balance.spent(),
                balance.reserved(), currency);
    }

    @Override
    public String toString() {
        return "Budgets" + rules.keySet();
    }
}
