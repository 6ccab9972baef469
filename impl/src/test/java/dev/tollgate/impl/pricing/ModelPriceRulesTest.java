package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.api.spi.ModelPrice.TokenKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelPriceRulesTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Claude Sonnet 4.5 as Anthropic bills it: every token of a request above 200k at the long-context price. */
    private static ModelPrice longContext() {
        return ModelPrice.builder("USD")
                .input(d("3")).cachedInput(d("0.3")).cacheWrite(d("3.75")).cacheWrite1h(d("6")).output(d("15"))
                .longContextThreshold(200_000)
                .longContextPrice(Tier.STANDARD, TokenKind.INPUT, d("6"))
                .longContextPrice(Tier.STANDARD, TokenKind.CACHED_INPUT, d("0.6"))
                .longContextPrice(Tier.STANDARD, TokenKind.CACHE_WRITE, d("7.5"))
                .longContextPrice(Tier.STANDARD, TokenKind.OUTPUT, d("22.5"))
                .build();
    }

    @Test
    void requestAtTheThreshold_paysStandardPrices() {
        ModelPrice price = longContext().forRequest(Tier.STANDARD, 200_000);

        assertThat(price.input()).isEqualByComparingTo("3");
        assertThat(price.output()).isEqualByComparingTo("15");
        assertThat(price.longContextThreshold()).isEmpty();
    }

    @Test
    void requestAboveTheThreshold_paysLongContextPricesForEveryKind() {
        ModelPrice price = longContext().forRequest(Tier.STANDARD, 200_001);

        assertThat(price.input()).isEqualByComparingTo("6");
        assertThat(price.cachedInput()).isEqualByComparingTo("0.6");
        assertThat(price.cacheWrite()).isEqualByComparingTo("7.5");
        assertThat(price.output()).isEqualByComparingTo("22.5");
        assertThat(price.reasoning()).as("reasoning is output of the same request").isEqualByComparingTo("22.5");
    }

    @Test
    void missingLongContextPrice_fallsBackToTheStandardPriceOfThatKind() {
        ModelPrice price = longContext().forRequest(Tier.STANDARD, 300_000);

        assertThat(price.cacheWrite1h()).isEqualByComparingTo("6");
    }

    @Test
    void kindWithoutAnyPrice_costsWhatItsDefaultCostsInTheSameRequest() {
        ModelPrice price = ModelPrice.builder("USD").input(d("1.25")).output(d("10"))
                .longContextThreshold(200_000)
                .longContextPrice(Tier.STANDARD, TokenKind.INPUT, d("2.5"))
                .build()
                .forRequest(Tier.STANDARD, 250_000);

        assertThat(price.cachedInput()).isEqualByComparingTo("2.5");
        assertThat(price.cacheWrite()).isEqualByComparingTo("2.5");
        assertThat(price.cacheWrite1h()).isEqualByComparingTo("2.5");
        assertThat(price.output()).isEqualByComparingTo("10");
    }

    /** GPT-5.4 as OpenAI bills it, with a flex price for input only and a batch price for both. */
    private static ModelPrice tiers() {
        return ModelPrice.builder("USD")
                .input(d("2.5")).cachedInput(d("0.25")).output(d("15"))
                .price(Tier.BATCH, TokenKind.INPUT, d("1.25"))
                .price(Tier.BATCH, TokenKind.OUTPUT, d("7.5"))
                .price(Tier.FLEX, TokenKind.INPUT, d("1.2"))
                .price(Tier.FLEX, TokenKind.CACHED_INPUT, d("0.13"))
                .price(Tier.PRIORITY, TokenKind.INPUT, d("5"))
                .price(Tier.PRIORITY, TokenKind.OUTPUT, d("30"))
                .longContextThreshold(272_000)
                .longContextPrice(Tier.STANDARD, TokenKind.INPUT, d("5"))
                .longContextPrice(Tier.STANDARD, TokenKind.OUTPUT, d("22.5"))
                .longContextPrice(Tier.PRIORITY, TokenKind.INPUT, d("10"))
                .build();
    }

    @ParameterizedTest(name = "{0} below the threshold: input {1}, cached {2}, output {3}")
    @CsvSource({
        "STANDARD, 2.5,  0.25, 15",
        "BATCH,    1.25, 0.25, 7.5",
        "FLEX,     1.2,  0.13, 7.5",
        "PRIORITY, 5,    0.25, 30",
    })
    void serviceTier_takesItsOwnPrices_thenItsFallbacks(Tier tier, String input, String cached, String output) {
        ModelPrice price = tiers().forRequest(tier, 10_000);

        assertThat(price.input()).isEqualByComparingTo(input);
        assertThat(price.cachedInput()).isEqualByComparingTo(cached);
        assertThat(price.output()).isEqualByComparingTo(output);
    }

    @ParameterizedTest(name = "{0} above the threshold: input {1}, output {2}")
    @CsvSource({
        "STANDARD, 5,   22.5",
        "PRIORITY, 10,  22.5",
        "BATCH,    5,   22.5",
    })
    void longContextInATier_prefersLongContextPricesOfAnyTier_thenTheTiersOwn(Tier tier, String input,
            String output) {
        ModelPrice price = tiers().forRequest(tier, 300_000);

        assertThat(price.input()).isEqualByComparingTo(input);
        assertThat(price.output()).isEqualByComparingTo(output);
    }

    @Test
    void reasoning_followsTheOutputOfTheTierThatPricesOutput() {
        ModelPrice price = ModelPrice.builder("USD").input(d("1")).output(d("4")).reasoning(d("3.5"))
                .price(Tier.PRIORITY, TokenKind.OUTPUT, d("8"))
                .build();

        assertThat(price.forRequest(Tier.STANDARD, 1).reasoning()).isEqualByComparingTo("3.5");
        assertThat(price.forRequest(Tier.PRIORITY, 1).reasoning()).as("the tier's own output price")
                .isEqualByComparingTo("8");
        assertThat(price.forRequest(Tier.BATCH, 1).reasoning()).as("no batch prices: standard")
                .isEqualByComparingTo("3.5");
    }

    @ParameterizedTest(name = "service tier ''{0}'' is {1}")
    @CsvSource(value = {
        "batch, BATCH", "flex, FLEX", "priority, PRIORITY", "PRIORITY, PRIORITY",
        "default, STANDARD", "standard, STANDARD", "auto, STANDARD", "scale, STANDARD", "NULL, STANDARD",
    }, nullValues = "NULL")
    void reportedServiceTier_mapsToAPricedTier(String reported, Tier tier) {
        assertThat(Tier.of(reported)).isEqualTo(tier);
    }

    @Test
    void longContextPricesWithoutAThreshold_areRefused() {
        ModelPrice.Builder builder = ModelPrice.builder("USD").input(d("1")).output(d("2"))
                .longContextPrice(Tier.STANDARD, TokenKind.INPUT, d("2"));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
    }

    @Test
    void flatPrice_isItsOwnPriceForEveryRequest() {
        ModelPrice flat = ModelPrice.builder("EUR").input(d("1")).output(d("2")).build().forRequest(Tier.FLEX, 5);

        assertThat(flat.forRequest(Tier.PRIORITY, 1_000_000)).isSameAs(flat);
        assertThat(flat.currency()).isEqualTo("EUR");
    }

    @Test
    void pricesGivenAlike_areEqual() {
        assertThat(tiers()).isEqualTo(tiers()).hasSameHashCodeAs(tiers());
        assertThat(tiers()).isNotEqualTo(longContext());
        assertThat(tiers().toString()).contains("priority", "long-context above 272000");
    }
}
