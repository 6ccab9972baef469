package dev.tollgate.impl.client;

import dev.tollgate.api.Usage;

/** Prices a partial usage by its counts: what was reported is what was spent at least. */
final class PartialUsage {
    private PartialUsage() {
    }

    /**
     * @param usage a usage, possibly partial
     * @return a known usage with the same counts, or {@link Usage#unknown()} if nothing was counted
     */
    static Usage counted(Usage usage) {
        if (usage.isKnown() || usage.equals(Usage.unknown())) {
            return usage;
        }
        return Usage.builder()
                .inputTokens(usage.inputTokens())
                .cachedInputTokens(usage.cachedInputTokens())
                .cacheWriteTokens(usage.cacheWriteTokens())
                .cacheWrite1hTokens(usage.cacheWrite1hTokens())
                .outputTokens(usage.outputTokens())
                .reasoningTokens(usage.reasoningTokens())
                .build();
    }
}
