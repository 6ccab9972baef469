package dev.tollgate.impl.ledger;

import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.Usage;
import dev.tollgate.api.UsageTotals;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The totals of one call name, provider and model. Updates hold the cell's lock for a few
 * additions only, so one request is in all of a snapshot's counts or in none, and costs add up
 * exactly as {@link BigDecimal}s. Cells of different keys never contend.
 */
final class LedgerCell {
    private static final ErrorCategory[] CATEGORIES = ErrorCategory.values();

    private long requests;
    private final long[] errors = new long[CATEGORIES.length];
    private long input;
    private long output;
    private long cachedInput;
    private long cacheWrite;
    private long reasoning;
    private final Map<String, BigDecimal> cost = new HashMap<>(2);
    private long unknownUsage;
    private long unknownCost;

    synchronized void add(Exchange exchange) {
        requests++;
        exchange.error().ifPresent(e -> errors[e.category().ordinal()]++);
        Usage u = exchange.usage();
        input += u.inputTokens();
        output += u.outputTokens();
        cachedInput += u.cachedInputTokens();
        cacheWrite += u.cacheWriteTokens();
        reasoning += u.reasoningTokens();
        if (!u.isKnown()) {
            unknownUsage++;
        }
        Cost c = exchange.cost();
        if (!c.currency().isEmpty()) {
            cost.merge(c.currency(), c.total(), BigDecimal::add);
        }
        if (!c.isKnown()) {
            unknownCost++;
        }
    }

    /**
     * @param reset whether to zero the cell after reading it
     * @return the totals, or {@code null} if the cell counted nothing
     */
    synchronized UsageTotals read(boolean reset) {
        if (requests == 0) {
            return null;
        }
        Map<ErrorCategory, Long> byCategory = new EnumMap<>(ErrorCategory.class);
        for (int i = 0; i < errors.length; i++) {
            byCategory.put(CATEGORIES[i], errors[i]);
        }
        UsageTotals totals = new UsageTotals(requests, byCategory, input, output, cachedInput, cacheWrite, reasoning,
                cost, unknownUsage, unknownCost);
        if (reset) {
            requests = 0;
            Arrays.fill(errors, 0);
            input = 0;
            output = 0;
            cachedInput = 0;
            cacheWrite = 0;
            reasoning = 0;
            cost.clear();
            unknownUsage = 0;
            unknownCost = 0;
        }
        return totals;
    }
}
