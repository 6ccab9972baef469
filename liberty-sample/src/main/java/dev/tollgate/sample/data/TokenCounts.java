package dev.tollgate.sample.data;

import dev.tollgate.api.Usage;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Token counts by kind, as columns of a call or an exchange. */
@Embeddable
public class TokenCounts {
    @Column(name = "INPUT_TOKENS")
    private long inputTokens;
    @Column(name = "CACHED_INPUT_TOKENS")
    private long cachedInputTokens;
    @Column(name = "CACHE_WRITE_TOKENS")
    private long cacheWriteTokens;
    @Column(name = "OUTPUT_TOKENS")
    private long outputTokens;
    @Column(name = "REASONING_TOKENS")
    private long reasoningTokens;
    @Column(name = "TOTAL_TOKENS")
    private long totalTokens;
    @Column(name = "USAGE_KNOWN")
    private boolean known;

    /** For JPA. */
    protected TokenCounts() {
    }

    static TokenCounts of(Usage usage) {
        TokenCounts t = new TokenCounts();
        t.inputTokens = usage.inputTokens();
        t.cachedInputTokens = usage.cachedInputTokens();
        t.cacheWriteTokens = usage.cacheWriteTokens();
        t.outputTokens = usage.outputTokens();
        t.reasoningTokens = usage.reasoningTokens();
        t.totalTokens = usage.totalTokens();
        t.known = usage.isKnown();
        return t;
    }

    /** @return every input token */
    public long inputTokens() {
        return inputTokens;
    }

    /** @return input tokens read from cache */
    public long cachedInputTokens() {
        return cachedInputTokens;
    }

    /** @return input tokens written to cache */
    public long cacheWriteTokens() {
        return cacheWriteTokens;
    }

    /** @return every output token */
    public long outputTokens() {
        return outputTokens;
    }

    /** @return output tokens spent on reasoning */
    public long reasoningTokens() {
        return reasoningTokens;
    }

    /** @return input plus output */
    public long totalTokens() {
        return totalTokens;
    }

    /** @return whether the provider reported every count */
    public boolean known() {
        return known;
    }
}
