package dev.tollgate.api;

/**
 * Token counts of one provider request, or the sum of several, normalised the same way for
 * every provider.
 *
 * <ol>
 *   <li>{@link #inputTokens()} counts every input token the provider processed, cache reads and
 *       cache writes included;</li>
 *   <li>{@link #cachedInputTokens()} and {@link #cacheWriteTokens()} are parts of
 *       {@link #inputTokens()}; {@link #cacheWrite1hTokens()}, the writes kept for an hour, is part
 *       of {@link #cacheWriteTokens()};</li>
 *   <li>{@link #outputTokens()} counts every billed output token, reasoning included;
 *       {@link #reasoningTokens()} is part of it;</li>
 *   <li>{@link #totalTokens()} is {@code inputTokens + outputTokens}.</li>
 * </ol>
 *
 * <p>A usage the provider never reported (a cut stream, a provider without usage data) is
 * {@linkplain #unknown() unknown}, not zero. A sum is {@linkplain #isKnown() known} only when
 * every part is; otherwise its counts are a lower bound, the sum of the parts that were reported.
 */
public final class Usage {
    private static final Usage UNKNOWN = new Usage(0, 0, 0, 0, 0, 0, false);
    private static final Usage ZERO = new Usage(0, 0, 0, 0, 0, 0, true);

    private final long inputTokens;
    private final long outputTokens;
    private final long cachedInputTokens;
    private final long cacheWriteTokens;
    private final long cacheWrite1hTokens;
    private final long reasoningTokens;
    private final boolean known;

    private Usage(long input, long output, long cached, long cacheWrite, long cacheWrite1h, long reasoning,
            boolean known) {
        this.inputTokens = input;
        this.outputTokens = output;
        this.cachedInputTokens = cached;
        this.cacheWriteTokens = cacheWrite;
        this.cacheWrite1hTokens = cacheWrite1h;
        this.reasoningTokens = reasoning;
        this.known = known;
    }

    /** @return the usage of a request whose provider reported none */
    public static Usage unknown() {
        return UNKNOWN;
    }

    /** @return a known usage of no tokens, the neutral element of {@link #plus(Usage)} */
    public static Usage zero() {
        return ZERO;
    }

    /**
     * A known usage with plain input and output tokens only.
     *
     * @param inputTokens all input tokens
     * @param outputTokens all output tokens
     * @return the usage
     */
    public static Usage of(long inputTokens, long outputTokens) {
        return builder().inputTokens(inputTokens).outputTokens(outputTokens).build();
    }

    /** @return a builder of a known usage, all counts zero */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every input token processed, cached reads and cache writes included */
    public long inputTokens() {
        return inputTokens;
    }

    /** @return every billed output token, reasoning included */
    public long outputTokens() {
        return outputTokens;
    }

    /** @return {@code inputTokens() + outputTokens()} */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** @return the input tokens read from the provider's prompt cache */
    public long cachedInputTokens() {
        return cachedInputTokens;
    }

    /** @return the input tokens written to the provider's prompt cache */
    public long cacheWriteTokens() {
        return cacheWriteTokens;
    }

    /**
     * The cache writes kept for an hour, which some providers (Anthropic) bill above the default
     * five-minute writes.
     *
     * @return the input tokens written to the one-hour cache, part of {@link #cacheWriteTokens()}
     */
    public long cacheWrite1hTokens() {
        return cacheWrite1hTokens;
    }

    /** @return the output tokens spent on reasoning that the answer does not show */
    public long reasoningTokens() {
        return reasoningTokens;
    }

    /**
     * Whether the counts are exactly what the provider reported.
     *
     * @return {@code false} for {@link #unknown()} and for sums with an unknown part
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * The same counts as a lower bound: what a provider reported of a request that did not finish,
     * such as a stream closed early.
     *
     * @return a usage that is not {@linkplain #isKnown() known} in full, with these counts
     */
    public Usage partial() {
        return known ? new Usage(inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, cacheWrite1hTokens,
                reasoningTokens, false) : this;
    }

    /**
     * The sum of this usage and another. The sum is known only if both are.
     *
     * @param other the usage to add
     * @return the sum
     */
    public Usage plus(Usage other) {
        return new Usage(
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                cachedInputTokens + other.cachedInputTokens,
                cacheWriteTokens + other.cacheWriteTokens,
                cacheWrite1hTokens + other.cacheWrite1hTokens,
                reasoningTokens + other.reasoningTokens,
                known && other.known);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Usage u
                && inputTokens == u.inputTokens
                && outputTokens == u.outputTokens
                && cachedInputTokens == u.cachedInputTokens
                && cacheWriteTokens == u.cacheWriteTokens
                && cacheWrite1hTokens == u.cacheWrite1hTokens
                && reasoningTokens == u.reasoningTokens
                && known == u.known;
    }

    @Override
    public int hashCode() {
        long h = inputTokens;
        h = 31 * h + outputTokens;
        h = 31 * h + cachedInputTokens;
        h = 31 * h + cacheWriteTokens;
        h = 31 * h + cacheWrite1hTokens;
        h = 31 * h + reasoningTokens;
        return 31 * Long.hashCode(h) + (known ? 1 : 0);
    }

    @Override
    public String toString() {
        if (this == UNKNOWN) {
            return "Usage[unknown]";
        }
        return "Usage[input=" + inputTokens + ", cachedInput=" + cachedInputTokens
                + ", cacheWrite=" + cacheWriteTokens
                + (cacheWrite1hTokens == 0 ? "" : " (1h " + cacheWrite1hTokens + ")") + ", output=" + outputTokens
                + ", reasoning=" + reasoningTokens + (known ? "" : ", partly unknown") + "]";
    }

    /** Builds a known {@link Usage}; every count defaults to zero. */
    public static final class Builder {
        private long input;
        private long output;
        private long cached;
        private long cacheWrite;
        private long cacheWrite1h;
        private long reasoning;

        private Builder() {
        }

        /**
         * @param tokens every input token, cached reads and cache writes included
         * @return this builder
         */
        public Builder inputTokens(long tokens) {
            this.input = tokens;
            return this;
        }

        /**
         * @param tokens every output token, reasoning included
         * @return this builder
         */
        public Builder outputTokens(long tokens) {
            this.output = tokens;
            return this;
        }

        /**
         * @param tokens input tokens read from the cache, part of the input tokens
         * @return this builder
         */
        public Builder cachedInputTokens(long tokens) {
            this.cached = tokens;
            return this;
        }

        /**
         * @param tokens input tokens written to the cache, part of the input tokens
         * @return this builder
         */
        public Builder cacheWriteTokens(long tokens) {
            this.cacheWrite = tokens;
            return this;
        }

        /**
         * @param tokens input tokens written to the one-hour cache, part of the cache-write tokens
         * @return this builder
         */
        public Builder cacheWrite1hTokens(long tokens) {
            this.cacheWrite1h = tokens;
            return this;
        }

        /**
         * @param tokens reasoning tokens, part of the output tokens
         * @return this builder
         */
        public Builder reasoningTokens(long tokens) {
            this.reasoning = tokens;
            return this;
        }

        /**
         * @return the usage
         * @throws IllegalArgumentException if a count is negative or a part exceeds its whole
         */
        public Usage build() {
            if (input < 0 || output < 0 || cached < 0 || cacheWrite < 0 || cacheWrite1h < 0 || reasoning < 0) {
                throw new IllegalArgumentException("negative token count");
            }
            if (cached + cacheWrite > input) {
                throw new IllegalArgumentException("cached (" + cached + ") and cache-write (" + cacheWrite
                        + ") tokens exceed input tokens (" + input + ")");
            }
            if (cacheWrite1h > cacheWrite) {
                throw new IllegalArgumentException("one-hour cache-write tokens (" + cacheWrite1h
                        + ") exceed cache-write tokens (" + cacheWrite + ")");
            }
            if (reasoning > output) {
                throw new IllegalArgumentException(
                        "reasoning tokens (" + reasoning + ") exceed output tokens (" + output + ")");
            }
            return new Usage(input, output, cached, cacheWrite, cacheWrite1h, reasoning, true);
        }
    }
}
