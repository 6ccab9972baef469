package dev.tollgate.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a provider request, or several, cost, in one currency.
 *
 * <p>The parts add up to the {@linkplain #total() total}: {@link #input()} is the uncached,
 * unwritten input, {@link #cachedInput()} the input read from cache, {@link #cacheWrite()} the
 * input written to cache, and {@link #output()} every output token, reasoning included.
 *
 * <p>A provider that bills per request and says what it charged (OpenRouter's {@code usage.cost})
 * gives a {@linkplain #reported(BigDecimal, String) reported} cost: its amount is
 * {@link #reportedAmount()}, not split by token kind, and counts in the total.
 *
 * <p>Where no price is configured for a model, its cost is {@linkplain #unknown() unknown},
 * never a made-up number. A sum is {@linkplain #isKnown() known} only when every part is;
 * otherwise its amounts cover only the priced parts.
 */
public final class Cost {
    private static final Cost UNKNOWN = new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, null, false, false);

    private final BigDecimal input;
    private final BigDecimal cachedInput;
    private final BigDecimal cacheWrite;
    private final BigDecimal output;
    private final BigDecimal reportedAmount;
    private final String currency;
    private final boolean known;
    private final boolean reported;

    private Cost(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
            BigDecimal reportedAmount, String currency, boolean known, boolean reported) {
        this.input = input;
        this.cachedInput = cachedInput;
        this.cacheWrite = cacheWrite;
        this.output = output;
        this.reportedAmount = reportedAmount;
        this.currency = currency;
        this.known = known;
        this.reported = reported;
    }

    /** @return the cost of something no price is configured for */
    public static Cost unknown() {
        return UNKNOWN;
    }

    /**
     * A known cost of nothing in the given currency, the neutral element of {@link #plus(Cost)}.
     *
     * @param currency an ISO 4217 code such as {@code USD}
     * @return the cost
     */
    public static Cost zero(String currency) {
        return of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, currency);
    }

    /**
     * A known cost.
     *
     * @param input the uncached input
     * @param cachedInput the input read from cache
     * @param cacheWrite the input written to cache
     * @param output the output, reasoning included
     * @param currency an ISO 4217 code such as {@code USD}
     * @return the cost
     */
    public static Cost of(BigDecimal input, BigDecimal cachedInput, BigDecimal cacheWrite, BigDecimal output,
            String currency) {
        return new Cost(Objects.requireNonNull(input, "input"), Objects.requireNonNull(cachedInput, "cachedInput"),
                Objects.requireNonNull(cacheWrite, "cacheWrite"), Objects.requireNonNull(output, "output"),
                BigDecimal.ZERO, Objects.requireNonNull(currency, "currency"), true, false);
    }

    /**
     * A known cost that the provider reported as one amount.
     *
     * @param amount what the provider charged
     * @param currency an ISO 4217 code such as {@code USD}
     * @return the cost
     */
    public static Cost reported(BigDecimal amount, String currency) {
        return new Cost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                Objects.requireNonNull(amount, "amount"), Objects.requireNonNull(currency, "currency"), true, true);
    }

    /** @return the cost of the input that was neither read from nor written to cache */
    public BigDecimal input() {
        return input;
    }

    /** @return the cost of the input read from cache */
    public BigDecimal cachedInput() {
        return cachedInput;
    }

    /** @return the cost of the input written to cache */
    public BigDecimal cacheWrite() {
        return cacheWrite;
    }

    /** @return the cost of the output, reasoning included */
    public BigDecimal output() {
        return output;
    }

    /** @return the amount providers reported as a whole, not split by token kind; zero if none did */
    public BigDecimal reportedAmount() {
        return reportedAmount;
    }

    /** @return the sum of all parts, the reported amount included */
    public BigDecimal total() {
        return input.add(cachedInput).add(cacheWrite).add(output).add(reportedAmount);
    }

    /**
     * Whether a provider reported this cost, or a part of this sum, instead of Tollgate computing it
     * from a price table.
     *
     * @return {@code true} for {@link #reported(BigDecimal, String)} costs and sums that hold one
     */
    public boolean isReported() {
        return reported;
    }

    /** @return the ISO 4217 currency code; empty text for an {@linkplain #unknown() unknown} cost */
    public String currency() {
        return currency == null ? "" : currency;
    }

    /**
     * Whether every part of this cost was priced.
     *
     * @return {@code false} for {@link #unknown()} and for sums with an unpriced part
     */
    public boolean isKnown() {
        return known;
    }

    /**
     * The same amounts as a lower bound: the cost of what a provider reported of a request that did
     * not finish, such as a stream closed early.
     *
     * @return a cost that is not {@linkplain #isKnown() known} in full, with these amounts
     */
    public Cost partial() {
        return known ? new Cost(input, cachedInput, cacheWrite, output, reportedAmount, currency, false, reported)
                : this;
    }

    /**
     * The sum of this cost and another.
     *
     * @param other the cost to add
     * @return the sum, known only if both are
     * @throws IllegalArgumentException if both have a currency and they differ
     */
    public Cost plus(Cost other) {
        if (currency != null && other.currency != null && !currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Cost(input.add(other.input), cachedInput.add(other.cachedInput),
                cacheWrite.add(other.cacheWrite), output.add(other.output), reportedAmount.add(other.reportedAmount),
                currency != null ? currency : other.currency, known && other.known, reported || other.reported);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cost c
                && known == c.known
                && reported == c.reported
                && Objects.equals(currency, c.currency)
                && input.compareTo(c.input) == 0
                && cachedInput.compareTo(c.cachedInput) == 0
                && cacheWrite.compareTo(c.cacheWrite) == 0
                && output.compareTo(c.output) == 0
                && reportedAmount.compareTo(c.reportedAmount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, known, total().stripTrailingZeros());
    }

    @Override
    public String toString() {
        if (this == UNKNOWN) {
            return "Cost[unknown]";
        }
        return "Cost[" + total().toPlainString() + " " + currency() + (reported ? ", reported" : "")
                + (known ? "" : ", partly unknown") + "]";
    }
}
