package dev.tollgate.api.spi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The price of one model, per million tokens of each {@linkplain TokenKind kind}, in one currency.
 *
 * <p>A price has standard prices, and may have prices of its own for a {@linkplain Tier service
 * tier} (batch, flex, priority) and for long-context requests: a request whose
 * {@linkplain dev.tollgate.api.Usage#inputTokens() input tokens}, cache reads and writes included,
 * are strictly above the {@linkplain #longContextThreshold() long-context threshold} has every one
 * of its tokens billed at the long-context prices, as Anthropic and Gemini bill them.
 *
 * <p>{@link #forRequest(Tier, long)} gives the flat price that applies to one request. Each of its
 * prices is found by these rules, in order:
 * <ol>
 *   <li>the prices that may stand in are searched in this order: the request's tier with long
 *       context, the tiers it falls back to with long context, then the request's tier and the
 *       tiers it falls back to without long context (long-context prices only when the request is
 *       above the threshold). {@link Tier#FLEX} falls back to {@link Tier#BATCH}, then to
 *       {@link Tier#STANDARD}; {@link Tier#BATCH} and {@link Tier#PRIORITY} fall back to
 *       {@link Tier#STANDARD};</li>
 *   <li>{@link TokenKind#INPUT}, {@link TokenKind#OUTPUT}, {@link TokenKind#CACHED_INPUT},
 *       {@link TokenKind#CACHE_WRITE} and {@link TokenKind#CACHE_WRITE_1H} take the first price
 *       given for that kind in that order;</li>
 *   <li>{@link TokenKind#REASONING} takes, from the first of those that gives an output or a
 *       reasoning price, its reasoning price, else its output price: reasoning tokens are output
 *       tokens unless a price says otherwise;</li>
 *   <li>where none is given, cached input and cache write cost the input price, one-hour cache
 *       write the cache-write price, of the same request.</li>
 * </ol>
 * The standard input and output prices are required, so every request has a price for every kind.
 */
public final class ModelPrice {
    private final String currency;
    private final long longContextThreshold;
    /** Prices as given, indexed by {@link #slot(Tier, boolean)}; a missing kind is absent. */
    private final List<Map<TokenKind, BigDecimal>> given;
    /** The flat prices of each slot, or {@code null} in a flat price itself. */
    private final ModelPrice[] resolved;
    private final BigDecimal[] prices;

    private ModelPrice(String currency, long threshold, List<Map<TokenKind, BigDecimal>> given) {
        this.currency = currency;
        this.longContextThreshold = threshold;
        this.given = given;
        this.prices = resolve(given, Tier.STANDARD, false);
        this.resolved = new ModelPrice[given.size()];
        for (Tier tier : Tier.values()) {
            for (boolean longContext : new boolean[] {false, true}) {
                resolved[slot(tier, longContext)] = new ModelPrice(currency, resolve(given, tier, longContext));
            }
        }
    }

    private ModelPrice(String currency, BigDecimal[] prices) {
        this.currency = currency;
        this.longContextThreshold = -1;
        this.given = null;
        this.prices = prices;
        this.resolved = null;
    }

    /**
     * Starts a price.
     *
     * @param currency an ISO 4217 code such as {@code USD}
     * @return a builder
     */
    public static Builder builder(String currency) {
        return new Builder(currency);
    }

    /** @return the standard price of a million uncached input tokens */
    public BigDecimal input() {
        return prices[TokenKind.INPUT.ordinal()];
    }

    /** @return the standard price of a million output tokens */
    public BigDecimal output() {
        return prices[TokenKind.OUTPUT.ordinal()];
    }

    /** @return the standard price of a million input tokens read from cache */
    public BigDecimal cachedInput() {
        return prices[TokenKind.CACHED_INPUT.ordinal()];
    }

    /** @return the standard price of a million input tokens written to cache */
    public BigDecimal cacheWrite() {
        return prices[TokenKind.CACHE_WRITE.ordinal()];
    }

    /** @return the standard price of a million input tokens written to the one-hour cache */
    public BigDecimal cacheWrite1h() {
        return prices[TokenKind.CACHE_WRITE_1H.ordinal()];
    }

    /** @return the standard price of a million reasoning tokens */
    public BigDecimal reasoning() {
        return prices[TokenKind.REASONING.ordinal()];
    }

    /**
     * @param kind a kind of token
     * @return the standard price of a million tokens of that kind
     */
    public BigDecimal price(TokenKind kind) {
        return prices[kind.ordinal()];
    }

    /** @return the ISO 4217 currency code */
    public String currency() {
        return currency;
    }

    /**
     * The input tokens above which a request is billed at long-context prices.
     *
     * @return the threshold, or empty if this model has no long-context prices
     */
    public OptionalLong longContextThreshold() {
        return longContextThreshold < 0 ? OptionalLong.empty() : OptionalLong.of(longContextThreshold);
    }

    /**
     * The flat price of one request, by the rules of this class.
     *
     * @param tier the service tier the provider served the request in
     * @param inputTokens the request's input tokens, cache reads and writes included
     * @return a price without tiers or threshold whose {@link #input()} and the other standard
     *     prices are the prices of that request; this price itself if it is flat
     */
    public ModelPrice forRequest(Tier tier, long inputTokens) {
        if (resolved == null) {
            return this;
        }
        boolean longContext = longContextThreshold >= 0 && inputTokens > longContextThreshold;
        return resolved[slot(Objects.requireNonNull(tier, "tier"), longContext)];
    }

    private static int slot(Tier tier, boolean longContext) {
        return tier.ordinal() * 2 + (longContext ? 1 : 0);
    }

    private static BigDecimal[] resolve(List<Map<TokenKind, BigDecimal>> given, Tier tier, boolean longContext) {
        List<Map<TokenKind, BigDecimal>> order = new ArrayList<>();
        if (longContext) {
            for (Tier t = tier; t != null; t = t.fallback()) {
                order.add(given.get(slot(t, true)));
            }
        }
        for (Tier t = tier; t != null; t = t.fallback()) {
            order.add(given.get(slot(t, false)));
        }
        BigDecimal[] p = new BigDecimal[TokenKind.values().length];
        for (TokenKind kind : List.of(TokenKind.INPUT, TokenKind.OUTPUT, TokenKind.CACHED_INPUT,
                TokenKind.CACHE_WRITE, TokenKind.CACHE_WRITE_1H)) {
            p[kind.ordinal()] = first(order, kind);
        }
        p[TokenKind.REASONING.ordinal()] = reasoning(order);
        if (p[TokenKind.CACHED_INPUT.ordinal()] == null) {
            p[TokenKind.CACHED_INPUT.ordinal()] = p[TokenKind.INPUT.ordinal()];
        }
        if (p[TokenKind.CACHE_WRITE.ordinal()] == null) {
            p[TokenKind.CACHE_WRITE.ordinal()] = p[TokenKind.INPUT.ordinal()];
        }
        if (p[TokenKind.CACHE_WRITE_1H.ordinal()] == null) {
            p[TokenKind.CACHE_WRITE_1H.ordinal()] = p[TokenKind.CACHE_WRITE.ordinal()];
        }
        return p;
    }

    private static BigDecimal first(List<Map<TokenKind, BigDecimal>> order, TokenKind kind) {
        for (Map<TokenKind, BigDecimal> prices : order) {
            BigDecimal p = prices.get(kind);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static BigDecimal reasoning(List<Map<TokenKind, BigDecimal>> order) {
        for (Map<TokenKind, BigDecimal> prices : order) {
            BigDecimal reasoning = prices.get(TokenKind.REASONING);
            if (reasoning != null) {
                return reasoning;
            }
            BigDecimal output = prices.get(TokenKind.OUTPUT);
            if (output != null) {
                return output;
            }
        }
        throw new IllegalStateException("no output price");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ModelPrice p) || !currency.equals(p.currency)
                || longContextThreshold != p.longContextThreshold) {
            return false;
        }
        if (given == null || p.given == null) {
            return given == p.given && equalPrices(prices, p.prices);
        }
        for (int i = 0; i < given.size(); i++) {
            if (!equalPrices(given.get(i), p.given.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalPrices(BigDecimal[] a, BigDecimal[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].compareTo(b[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalPrices(Map<TokenKind, BigDecimal> a, Map<TokenKind, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<TokenKind, BigDecimal> e : a.entrySet()) {
            if (e.getValue().compareTo(b.get(e.getKey())) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, longContextThreshold, input().stripTrailingZeros(),
                output().stripTrailingZeros());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ModelPrice[input=").append(input())
                .append(", cachedInput=").append(cachedInput())
                .append(", cacheWrite=").append(cacheWrite())
                .append(", cacheWrite1h=").append(cacheWrite1h())
                .append(", output=").append(output())
                .append(", reasoning=").append(reasoning());
        if (given != null) {
            for (Tier tier : Tier.values()) {
                for (boolean longContext : new boolean[] {false, true}) {
                    Map<TokenKind, BigDecimal> g = given.get(slot(tier, longContext));
                    if (!g.isEmpty() && (tier != Tier.STANDARD || longContext)) {
                        s.append(", ").append(tier.key()).append(longContext ? " long-context" : "").append('=')
                                .append(g);
                    }
                }
            }
            if (longContextThreshold >= 0) {
                s.append(", long-context above ").append(longContextThreshold).append(" input tokens");
            }
        }
        return s.append(' ').append(currency).append(" per 1M tokens]").toString();
    }

    /** The kinds of token a model is priced for, each a part of {@link dev.tollgate.api.Usage}. */
    public enum TokenKind {
        /** Input neither read from nor written to cache. */
        INPUT("input"),
        /** Input read from cache. */
        CACHED_INPUT("cached-input"),
        /** Input written to cache, kept for the provider's default time (five minutes). */
        CACHE_WRITE("cache-write"),
        /** Input written to cache kept for an hour. */
        CACHE_WRITE_1H("cache-write-1h"),
        /** Output, reasoning excluded. */
        OUTPUT("output"),
        /** Reasoning output the answer does not show. */
        REASONING("reasoning");

        private final String key;

        TokenKind(String key) {
            this.key = key;
        }

        /** @return its name in price keys, such as {@code cached-input} */
        public String key() {
            return key;
        }
    }

    /**
     * A service tier with prices of its own, as {@link dev.tollgate.api.ChatResponse#serviceTier()}
     * names it.
     */
    public enum Tier {
        /** The default tier; every tier falls back to its prices. */
        STANDARD("standard", null),
        /** Batch results, typically at half price. */
        BATCH("batch", STANDARD),
        /** OpenAI's flex processing: slower, billed as batch where it has no price of its own. */
        FLEX("flex", BATCH),
        /** Priority processing at a premium. */
        PRIORITY("priority", STANDARD);

        private final String key;
        private final Tier fallback;

        Tier(String key, Tier fallback) {
            this.key = key;
            this.fallback = fallback;
        }

        /** @return its name in price keys and responses, such as {@code batch} */
        public String key() {
            return key;
        }

        /** @return the tier whose prices stand in for missing ones, or {@code null} for the standard tier */
        public Tier fallback() {
            return fallback;
        }

        /**
         * The tier of a response.
         *
         * @param serviceTier the tier the provider reported, or {@code null}
         * @return {@link #BATCH}, {@link #FLEX} or {@link #PRIORITY} for {@code batch}, {@code flex}
         *     or {@code priority} in any case; {@link #STANDARD} for anything else ({@code default},
         *     {@code standard}, {@code auto}, {@code scale}, none)
         */
        public static Tier of(String serviceTier) {
            if (serviceTier == null) {
                return STANDARD;
            }
            return switch (serviceTier.toLowerCase(Locale.ROOT)) {
                case "batch" -> BATCH;
                case "flex" -> FLEX;
                case "priority" -> PRIORITY;
                default -> STANDARD;
            };
        }
    }

    /** Builds a {@link ModelPrice}. The standard input and output prices are required. */
    public static final class Builder {
        private final String currency;
        private final List<Map<TokenKind, BigDecimal>> given = new ArrayList<>();
        private long longContextThreshold = -1;

        private Builder(String currency) {
            this.currency = currency;
            for (int i = 0; i < Tier.values().length * 2; i++) {
                given.add(new EnumMap<>(TokenKind.class));
            }
        }

        /**
         * @param perMillion standard price of a million uncached input tokens
         * @return this builder
         */
        public Builder input(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.INPUT, perMillion);
        }

        /**
         * @param perMillion standard price of a million output tokens
         * @return this builder
         */
        public Builder output(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.OUTPUT, perMillion);
        }

        /**
         * @param perMillion standard price of a million cached input tokens, or {@code null} for the input price
         * @return this builder
         */
        public Builder cachedInput(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.CACHED_INPUT, perMillion);
        }

        /**
         * @param perMillion standard price of a million cache-write tokens, or {@code null} for the input price
         * @return this builder
         */
        public Builder cacheWrite(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.CACHE_WRITE, perMillion);
        }

        /**
         * @param perMillion standard price of a million one-hour cache-write tokens, or {@code null}
         *     for the cache-write price
         * @return this builder
         */
        public Builder cacheWrite1h(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.CACHE_WRITE_1H, perMillion);
        }

        /**
         * @param perMillion standard price of a million reasoning tokens, or {@code null} for the output price
         * @return this builder
         */
        public Builder reasoning(BigDecimal perMillion) {
            return price(Tier.STANDARD, TokenKind.REASONING, perMillion);
        }

        /**
         * Sets a price of a tier, below the long-context threshold.
         *
         * @param tier the service tier
         * @param kind the kind of token
         * @param perMillion the price of a million tokens, or {@code null} to fall back by the rules of
         *     {@link ModelPrice}
         * @return this builder
         */
        public Builder price(Tier tier, TokenKind kind, BigDecimal perMillion) {
            return set(tier, false, kind, perMillion);
        }

        /**
         * Sets a price of a tier for requests above the {@linkplain #longContextThreshold(long) threshold}.
         *
         * @param tier the service tier
         * @param kind the kind of token
         * @param perMillion the price of a million tokens, or {@code null} to fall back by the rules of
         *     {@link ModelPrice}
         * @return this builder
         */
        public Builder longContextPrice(Tier tier, TokenKind kind, BigDecimal perMillion) {
            return set(tier, true, kind, perMillion);
        }

        /**
         * @param inputTokens the input tokens above which a request is billed at long-context prices
         * @return this builder
         */
        public Builder longContextThreshold(long inputTokens) {
            if (inputTokens < 0) {
                throw new IllegalArgumentException("negative long-context threshold: " + inputTokens);
            }
            this.longContextThreshold = inputTokens;
            return this;
        }

        private Builder set(Tier tier, boolean longContext, TokenKind kind, BigDecimal perMillion) {
            Map<TokenKind, BigDecimal> prices = given.get(slot(Objects.requireNonNull(tier, "tier"), longContext));
            if (perMillion == null) {
                prices.remove(Objects.requireNonNull(kind, "kind"));
            } else if (perMillion.signum() < 0) {
                throw new IllegalArgumentException("negative " + kind.key() + " price: " + perMillion);
            } else {
                prices.put(Objects.requireNonNull(kind, "kind"), perMillion);
            }
            return this;
        }

        /**
         * @return the price
         * @throws NullPointerException if the standard input or output price is missing
         * @throws IllegalArgumentException if long-context prices are given without a threshold
         */
        public ModelPrice build() {
            Map<TokenKind, BigDecimal> standard = given.get(slot(Tier.STANDARD, false));
            Objects.requireNonNull(standard.get(TokenKind.INPUT), "input price");
            Objects.requireNonNull(standard.get(TokenKind.OUTPUT), "output price");
            Objects.requireNonNull(currency, "currency");
            if (longContextThreshold < 0) {
                for (Tier tier : Tier.values()) {
                    if (!given.get(slot(tier, true)).isEmpty()) {
                        throw new IllegalArgumentException("long-context prices without a long-context threshold");
                    }
                }
            }
            List<Map<TokenKind, BigDecimal>> copy = new ArrayList<>();
            for (Map<TokenKind, BigDecimal> m : given) {
                copy.add(m.isEmpty() ? Map.of() : Map.copyOf(m));
            }
            return new ModelPrice(currency, longContextThreshold, List.copyOf(copy));
        }
    }
}
