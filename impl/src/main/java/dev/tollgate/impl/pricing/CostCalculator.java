package dev.tollgate.impl.pricing;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import java.math.BigDecimal;

/**
 * Prices a usage exactly, in {@link BigDecimal}, without rounding, at the standard prices of a
 * price; {@link ModelPrice#forRequest} gives the one that applies to a request:
 * <pre>
 * (input − cached − cacheWrite) × input + cached × cachedInput
 *   + (cacheWrite − cacheWrite1h) × cacheWrite + cacheWrite1h × cacheWrite1h
 *   + (output − reasoning) × output + reasoning × reasoning
 * </pre>
 * every price being per million tokens.
 */
public final class CostCalculator {
    private CostCalculator() {
    }

    /**
     * @param usage the tokens; an unknown usage has an unknown cost
     * @param price the model's price
     * @return the cost
     */
    public static Cost cost(Usage usage, ModelPrice price) {
        if (!usage.isKnown()) {
            return Cost.unknown();
        }
        long uncachedInput = usage.inputTokens() - usage.cachedInputTokens() - usage.cacheWriteTokens();
        long visibleOutput = usage.outputTokens() - usage.reasoningTokens();
        BigDecimal output = perMillion(visibleOutput, price.output())
                .add(perMillion(usage.reasoningTokens(), price.reasoning()));
        return Cost.of(
                perMillion(uncachedInput, price.input()),
                perMillion(usage.cachedInputTokens(), price.cachedInput()),
                perMillion(usage.cacheWriteTokens() - usage.cacheWrite1hTokens(), price.cacheWrite())
                        .add(perMillion(usage.cacheWrite1hTokens(), price.cacheWrite1h())),
                output,
                price.currency());
    }

    private static BigDecimal perMillion(long tokens, BigDecimal pricePerMillion) {
        if (tokens == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(tokens).multiply(pricePerMillion).movePointLeft(6);
    }
}
