package dev.tollgate.impl.budget;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.BudgetBalance;
import dev.tollgate.api.spi.BudgetLimits;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.capture.Callers;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.pricing.Pricing;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.ratelimit.TokenEstimate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reserves a request's estimated cost on every budget that applies to it, all or none.
 *
 * <ol>
 *   <li>The estimate prices the request's {@linkplain TokenEstimate#input(ChatRequest) estimated
 *       input tokens} and, as output, its {@code maxTokens} or else the configured default, at the
 *       target's price. A target without a price reserves zero: its requests go ahead until the
 *       budget is used up, and their unknown cost is charged as zero.</li>
 *   <li>If a budget refuses, the reservations already taken are given back and the request fails
 *       with {@link ErrorCategory#QUOTA_EXCEEDED}, naming the budget, its limit and its period.</li>
 *   <li>A store that fails lets the request go ahead without that budget; the failure is logged
 *       and counted.</li>
 * </ol>
 */
public final class BudgetGuard {
    private final List<BudgetRule> rules;
    private final BudgetStore store;
    private final Callers principals;
    private final AllowanceLimits limits;
    private final Pricing pricing;
    private final Clock clock;
    private final ZoneId zone;
    private final int outputTokens;
    private final CaptureFailures failures;

    /**
     * @param config the budgets
     * @param store keeps the balances
     * @param principals names the caller
     * @param limits the limits of single allowances, where the application sets them
     * @param pricing prices the estimates
     * @param clock tells which period it is
     * @param failures where store and principal failures are counted
     */
    public BudgetGuard(BudgetConfig config, BudgetStore store, Callers principals, BudgetLimits limits,
            Pricing pricing, Clock clock, CaptureFailures failures) {
        this.rules = config.rules();
        this.store = store;
        this.principals = principals;
        this.limits = new AllowanceLimits(limits, failures);
        this.pricing = pricing;
        this.clock = clock;
        this.zone = config.zone();
        this.outputTokens = config.outputTokens();
        this.failures = failures;
    }

    /**
     * @param context the call the request belongs to, or {@code null} outside an {@code @LlmCall}
     *     method; its caller, named when it began, is the request's principal
     * @param provider the target's provider
     * @param target the target
     * @param request the request about to be sent
     * @return the reservations to settle when the request ends
     * @throws LlmException of category {@link ErrorCategory#QUOTA_EXCEEDED} if a budget is used up
     */
    public BudgetHold reserve(LlmCallContext context, ConfiguredProvider provider, Target target,
            ChatRequest request) {
        if (rules.isEmpty()) {
            return BudgetHold.NONE;
        }
        List<Allowance> allowances = allowances(context, provider);
        if (allowances.isEmpty()) {
            return BudgetHold.NONE;
        }
        BigDecimal estimate = estimate(provider, target, request);
        List<BudgetWindow> taken = new ArrayList<>(allowances.size());
        for (Allowance a : allowances) {
            BigDecimal limit = limits.of(a.rule(), a.window().key());
            boolean reserved;
            try {
                reserved = store.reserve(a.window(), estimate, limit);
            } catch (RuntimeException e) {
                failures.report("reserving budget '" + a.rule().name() + "' (the request goes ahead without it)", e);
                continue;
            }
            if (!reserved) {
                new BudgetHold(store, taken, estimate, failures).release();
                throw exhausted(a.rule(), a.window(), limit, estimate, provider, target);
            }
            taken.add(a.window());
        }
        return new BudgetHold(store, taken, estimate, failures);
    }

    /**
     * Charges the cost of a request that was not reserved, such as one another client made and
     * only its answer told of, on every budget that applies to it. A budget this takes beyond its
     * limit refuses the next reservation.
     *
     * @param context the call the request belonged to, or {@code null}
     * @param provider the request's provider
     * @param cost its cost; an unknown cost charges nothing
     */
    public void charge(LlmCallContext context, ConfiguredProvider provider, Cost cost) {
        if (rules.isEmpty() || !cost.isKnown()) {
            return;
        }
        for (Allowance a : allowances(context, provider)) {
            try {
                // a zero reservation opens the period's balance, if this is its first request, even when the budget is spent
                store.reserve(a.window(), BigDecimal.ZERO, limits.of(a.rule(), a.window().key()));
                store.settle(a.window(), BigDecimal.ZERO, cost.total());
            } catch (RuntimeException e) {
                failures.report("charging budget '" + a.rule().name() + "'", e);
            }
        }
    }

    /** A budget that applies to a request, and the allowance of it the request is charged on. */
    private record Allowance(BudgetRule rule, BudgetWindow window) {
    }

    private List<Allowance> allowances(LlmCallContext context, ConfiguredProvider provider) {
        String callName = context == null ? null : context.point().callName();
        Instant now = clock.instant();
        Supplier<Optional<String>> principal = new Supplier<>() {
            private Optional<String> name;

            @Override
            public Optional<String> get() {
                if (name == null) {
                    name = context == null ? principals.current() : Optional.ofNullable(context.principal());
                }
                return name;
            }
        };
        List<Allowance> allowances = new ArrayList<>(rules.size());
        for (BudgetRule rule : rules) {
            rule.keyFor(callName, provider.id(), principal)
                    .ifPresent(key -> allowances.add(new Allowance(rule, rule.window(key, now, zone))));
        }
        return allowances;
    }

    private BigDecimal estimate(ConfiguredProvider provider, Target target, ChatRequest request) {
        Usage usage = Usage.of(TokenEstimate.input(request), request.maxTokens().orElse(outputTokens));
        try {
            Cost cost = pricing.cost(provider, null, request.model().orElse(target.model()), usage);
            return cost.isKnown() ? cost.total() : BigDecimal.ZERO;
        } catch (RuntimeException e) {
            failures.report("estimating the cost of a request", e);
            return BigDecimal.ZERO;
        }
    }

    private LlmException exhausted(BudgetRule rule, BudgetWindow window, BigDecimal limit, BigDecimal estimate,
            ConfiguredProvider provider, Target target) {
        BudgetBalance balance;
        try {
            balance = store.balance(window);
        } catch (RuntimeException e) {
            balance = null;
        }
        String currency = " " + pricing.currency();
        return LlmException.builder(ErrorCategory.QUOTA_EXCEEDED)
                .provider(provider.id())
                .model(target.model())
                .message(Messages.budgetExhausted(rule.name(), window.key(), limit.stripTrailingZeros().toPlainString() + currency,
                        rule.period().word(), window.end().toString(),
                        balance == null ? "unknown" : balance.spent().stripTrailingZeros().toPlainString() + currency,
                        balance == null ? "unknown" : balance.reserved().stripTrailingZeros().toPlainString() + currency,
                        estimate.stripTrailingZeros().toPlainString() + currency))
                .build();
    }
}
