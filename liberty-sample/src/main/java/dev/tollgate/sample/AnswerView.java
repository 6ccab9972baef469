package dev.tollgate.sample;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import java.math.BigDecimal;

/**
 * What {@code GET /api/ask} returns.
 *
 * @param answer the model's text
 * @param provider the provider id that answered
 * @param model the model as the provider reported it
 * @param latencyMillis how long the provider took
 * @param usage the tokens used
 * @param cost what it cost
 */
public record AnswerView(String answer, String provider, String model, long latencyMillis, UsageView usage,
        CostView cost) {

    static AnswerView of(ChatResponse response) {
        return new AnswerView(response.text(), response.provider(), response.model(),
                response.latency().toMillis(), UsageView.of(response.usage()), CostView.of(response.cost()));
    }

    /**
     * Token counts.
     *
     * @param known whether the provider reported usage
     * @param inputTokens all input tokens
     * @param cachedInputTokens input tokens read from cache
     * @param outputTokens all output tokens
     * @param reasoningTokens reasoning tokens
     * @param totalTokens input plus output
     */
    public record UsageView(boolean known, long inputTokens, long cachedInputTokens, long outputTokens,
            long reasoningTokens, long totalTokens) {
        static UsageView of(Usage u) {
            return new UsageView(u.isKnown(), u.inputTokens(), u.cachedInputTokens(), u.outputTokens(),
                    u.reasoningTokens(), u.totalTokens());
        }
    }

    /**
     * Cost, or {@code known=false} and no amount when the model has no price.
     *
     * @param known whether the model is priced
     * @param total the total amount, or {@code null}
     * @param currency the currency, or {@code null}
     */
    public record CostView(boolean known, BigDecimal total, String currency) {
        static CostView of(Cost c) {
            return c.isKnown() ? new CostView(true, c.total(), c.currency()) : new CostView(false, null, null);
        }
    }
}
