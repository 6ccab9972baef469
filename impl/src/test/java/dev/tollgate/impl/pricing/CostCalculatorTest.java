package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import java.math.BigDecimal;
import dev.tollgate.api.spi.ModelPrice.TokenKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostCalculatorTest {

    private static ModelPrice price(String input, String output) {
        return ModelPrice.builder("USD").input(new BigDecimal(input)).output(new BigDecimal(output)).build();
    }

    @Test
    void everyKindOfToken_isPricedAtItsOwnRate() {
        ModelPrice price = ModelPrice.builder("USD")
                .input(new BigDecimal("3"))
                .cachedInput(new BigDecimal("0.30"))
                .cacheWrite(new BigDecimal("3.75"))
                .output(new BigDecimal("15"))
                .reasoning(new BigDecimal("60"))
                .build();
        Usage usage = Usage.builder()
                .inputTokens(12_345)
                .cachedInputTokens(2_000)
                .cacheWriteTokens(345)
                .outputTokens(6_789)
                .reasoningTokens(1_234)
                .build();

        Cost cost = CostCalculator.cost(usage, price);

        // input:       (12345 - 2000 - 345) x 3    = 30000       -> 0.03
        // cached:       2000 x 0.30                 = 600         -> 0.0006
        // cache write:  345 x 3.75                  = 1293.75     -> 0.00129375
        // output:      (6789 - 1234) x 15 + 1234 x 60 = 83325 + 74040 = 157365 -> 0.157365
        assertThat(cost.input()).isEqualByComparingTo("0.03");
        assertThat(cost.cachedInput()).isEqualByComparingTo("0.0006");
        assertThat(cost.cacheWrite()).isEqualByComparingTo("0.00129375");
        assertThat(cost.output()).isEqualByComparingTo("0.157365");
        assertThat(cost.total()).isEqualByComparingTo("0.18925875");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(cost.isKnown()).isTrue();
    }

    @Test
    void reasoning_defaultsToTheOutputPrice() {
        Usage usage = Usage.builder().inputTokens(1_000).outputTokens(3_000).reasoningTokens(2_000).build();

        Cost cost = CostCalculator.cost(usage, price("1.1", "4.4"));

        // 1000 x 1.1 = 1100 -> 0.0011; 3000 x 4.4 = 13200 -> 0.0132
        assertThat(cost.input()).isEqualByComparingTo("0.0011");
        assertThat(cost.output()).isEqualByComparingTo("0.0132");
        assertThat(cost.total()).isEqualByComparingTo("0.0143");
    }

    @Test
    void smallUsage_isPricedExactlyWithoutRounding() {
        Cost cost = CostCalculator.cost(Usage.of(1, 1), price("0.075", "0.3"));

        assertThat(cost.input()).isEqualTo(new BigDecimal("0.000000075"));
        assertThat(cost.output()).isEqualByComparingTo("0.0000003");
        assertThat(cost.total()).isEqualByComparingTo("0.000000375");
    }

    @Test
    void zeroUsage_costsZero() {
        Cost cost = CostCalculator.cost(Usage.zero(), price("2", "8"));

        assertThat(cost.isKnown()).isTrue();
        assertThat(cost.total()).isEqualByComparingTo("0");
    }

    /** Each kind at a power of ten, so that each count shows as one digit of the total. */
    private static ModelPrice digits(ModelPrice.Builder builder) {
        for (ModelPrice.Tier tier : ModelPrice.Tier.values()) {
            for (boolean longContext : new boolean[] {false, true}) {
                BigDecimal step = BigDecimal.ONE;
                for (TokenKind kind : new TokenKind[] {TokenKind.INPUT, TokenKind.CACHED_INPUT, TokenKind.CACHE_WRITE,
                        TokenKind.CACHE_WRITE_1H, TokenKind.OUTPUT, TokenKind.REASONING}) {
                    if (longContext) {
                        builder.longContextPrice(tier, kind, step);
                    } else {
                        builder.price(tier, kind, step);
                    }
                    step = step.movePointRight(1);
                }
            }
        }
        return builder.longContextThreshold(15).build();
    }

    @ParameterizedTest(name = "{0}, {1} input tokens")
    @CsvSource({"STANDARD, 10", "STANDARD, 20", "BATCH, 20", "FLEX, 10", "PRIORITY, 20"})
    void everyTokenKind_isBilledOnceAtItsOwnPrice(ModelPrice.Tier tier, long billedInputTokens) {
        // 1 uncached, 2 cached, 3 five-minute writes, 4 one-hour writes, 5 visible output, 6 reasoning
        Usage usage = Usage.builder().inputTokens(10).cachedInputTokens(2).cacheWriteTokens(7).cacheWrite1hTokens(4)
                .outputTokens(11).reasoningTokens(6).build();
        ModelPrice price = digits(ModelPrice.builder("USD"));

        Cost cost = CostCalculator.cost(usage, price.forRequest(tier, billedInputTokens));

        assertThat(cost.total()).isEqualByComparingTo("0.654321");
        assertThat(cost.input()).isEqualByComparingTo("0.000001");
        assertThat(cost.cachedInput()).isEqualByComparingTo("0.00002");
        assertThat(cost.cacheWrite()).isEqualByComparingTo("0.0043");
        assertThat(cost.output()).isEqualByComparingTo("0.65");
    }

    @Test
    void unknownUsage_hasUnknownCost() {
        assertThat(CostCalculator.cost(Usage.unknown(), price("2", "8"))).isEqualTo(Cost.unknown());
    }
}
