package dev.tollgate.api.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price of one model, per million tokens of each kind, in one currency.
 *
 * <p>Cached input, cache write and reasoning prices are optional: cached input and cache write
 * default to the input price, one-hour cache write to the cache-write price, reasoning to the
 * output price.
 */
public final class ModelPrice {
    private final BigDecimal input;
    private final BigDecimal output;
    private final BigDecimal cachedInput;
    private final BigDecimal cacheWrite;
    private final BigDecimal cacheWrite1h;
    private final BigDecimal reasoning;
    private final String currency;

    private ModelPrice(Builder b) {
        this.input = Objects.requireNonNull(b.input, "input price");
        this.output = Objects.requireNonNull(b.output, "output price");
        this.cachedInput = b.cachedInput != null ? b.cachedInput : input;
        this.cacheWrite = b.cacheWrite != null ? b.cacheWrite : input;
        this.cacheWrite1h = b.cacheWrite1h != null ? b.cacheWrite1h : cacheWrite;
        this.reasoning = b.reasoning != null ? b.reasoning : output;
        this.currency = Objects.requireNonNull(b.currency, "currency");
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

    /** @return the price of a million uncached input tokens */
    public BigDecimal input() {
        return input;
    }

    /** @return the price of a million output tokens */
    public BigDecimal output() {
        return output;
    }

    /** @return the price of a million input tokens read from cache */
    public BigDecimal cachedInput() {
        return cachedInput;
    }

    /** @return the price of a million input tokens written to cache */
    public BigDecimal cacheWrite() {
        return cacheWrite;
    }

    /** @return the price of a million input tokens written to the one-hour cache */
    public BigDecimal cacheWrite1h() {
        return cacheWrite1h;
    }

    /** @return the price of a million reasoning tokens */
    public BigDecimal reasoning() {
        return reasoning;
    }

    /** @return the ISO 4217 currency code */
    public String currency() {
        return currency;
    }

    @Override
    public String toString() {
        return "ModelPrice[input=" + input + ", cachedInput=" + cachedInput + ", cacheWrite=" + cacheWrite
                + ", cacheWrite1h=" + cacheWrite1h                + ", output=" + output + ", reasoning=" + reasoning + " " + currency + " per 1M tokens]";
    }

    /** Builds a {@link ModelPrice}. Input and output prices are required. */
    public static final class Builder {
        private final String currency;
        private BigDecimal input;
        private BigDecimal output;
        private BigDecimal cachedInput;
        private BigDecimal cacheWrite;
        private BigDecimal cacheWrite1h;
        private BigDecimal reasoning;

        private Builder(String currency) {
            this.currency = currency;
        }

        /**
         * @param perMillion price of a million uncached input tokens
         * @return this builder
         */
        public Builder input(BigDecimal perMillion) {
            this.input = nonNegative(perMillion, "input");
            return this;
        }

        /**
         * @param perMillion price of a million output tokens
         * @return this builder
         */
        public Builder output(BigDecimal perMillion) {
            this.output = nonNegative(perMillion, "output");
            return this;
        }

        /**
         * @param perMillion price of a million cached input tokens, or {@code null} for the input price
         * @return this builder
         */
        public Builder cachedInput(BigDecimal perMillion) {
            this.cachedInput = nonNegative(perMillion, "cached-input");
            return this;
        }

        /**
         * @param perMillion price of a million cache-write tokens, or {@code null} for the input price
         * @return this builder
         */
        public Builder cacheWrite(BigDecimal perMillion) {
            this.cacheWrite = nonNegative(perMillion, "cache-write");
            return this;
        }

        /**
         * @param perMillion price of a million one-hour cache-write tokens, or {@code null} for the
         *     cache-write price
         * @return this builder
         */
        public Builder cacheWrite1h(BigDecimal perMillion) {
            this.cacheWrite1h = nonNegative(perMillion, "cache-write-1h");
            return this;
        }

        /**
         * @param perMillion price of a million reasoning tokens, or {@code null} for the output price
         * @return this builder
         */
        public Builder reasoning(BigDecimal perMillion) {
            this.reasoning = nonNegative(perMillion, "reasoning");
            return this;
        }

        /**
         * @return the price
         * @throws NullPointerException if the input or output price is missing
         */
        public ModelPrice build() {
            return new ModelPrice(this);
        }

        private static BigDecimal nonNegative(BigDecimal value, String kind) {
            if (value != null && value.signum() < 0) {
                throw new IllegalArgumentException("negative " + kind + " price: " + value);
            }
            return value;
        }
    }
}
