package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.ConfiguredProvider;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

class PricingTest {
    /** A provider of id {@code acme}, speaking the OpenAI protocol. */
    private static final ConfiguredProvider ACME = new ConfiguredProvider("acme", "openai", null, null);
    private static final Usage MILLION_IN_MILLION_OUT = Usage.of(1_000_000, 1_000_000);

    private static Pricing pricing(Config config, PriceSource... sources) {
        return Tollgate.builder(config).priceSources(List.of(sources)).build().pricing();
    }

    @Test
    void responseModel_isPricedBeforeTheRequestedModel() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o-mini.input", "0.15",
                "tollgate.pricing.openai.gpt-4o-mini.output", "0.6",
                "tollgate.pricing.openai.gpt-4o-mini-2024-07-18.input", "1",
                "tollgate.pricing.openai.gpt-4o-mini-2024-07-18.output", "2"));

        Cost cost = pricing.cost(ACME, "gpt-4o-mini-2024-07-18", "gpt-4o-mini", MILLION_IN_MILLION_OUT);

        assertThat(cost.total()).isEqualByComparingTo("3");
    }

    @Test
    void unpricedResponseModel_fallsBackToTheRequestedModel() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o-mini.input", "0.15",
                "tollgate.pricing.openai.gpt-4o-mini.output", "0.6"));

        Cost cost = pricing.cost(ACME, "gpt-4o-mini-2024-07-18", "gpt-4o-mini", MILLION_IN_MILLION_OUT);

        assertThat(cost.total()).isEqualByComparingTo("0.75");
    }

    @Test
    void providerId_isPricedBeforeProviderType() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o-mini.input", "0.15",
                "tollgate.pricing.openai.gpt-4o-mini.output", "0.6",
                "tollgate.pricing.acme.gpt-4o-mini.input", "0",
                "tollgate.pricing.acme.gpt-4o-mini.output", "0"));

        Cost acme = pricing.cost(ACME, "gpt-4o-mini", "gpt-4o-mini", MILLION_IN_MILLION_OUT);
        Cost other = pricing.cost(new ConfiguredProvider("openai", "openai", null, null), "gpt-4o-mini",
                "gpt-4o-mini", MILLION_IN_MILLION_OUT);

        assertThat(acme.isKnown()).isTrue();
        assertThat(acme.total()).isEqualByComparingTo("0");
        assertThat(other.total()).isEqualByComparingTo("0.75");
    }

    @Test
    void providerType_pricesEveryProviderOfThatType() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10"));

        assertThat(pricing.cost(ACME, "gpt-4o", null, MILLION_IN_MILLION_OUT).total()).isEqualByComparingTo("12.5");
    }

    @Test
    void unpricedModel_hasUnknownCost() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10"));

        assertThat(pricing.cost(ACME, "gpt-4o-mini-2024-07-18", "gpt-4o-mini", MILLION_IN_MILLION_OUT))
                .isEqualTo(Cost.unknown());
    }

    @Test
    void unknownUsage_hasUnknownCostEvenWhenPriced() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10"));

        assertThat(pricing.cost(ACME, "gpt-4o", "gpt-4o", Usage.unknown())).isEqualTo(Cost.unknown());
    }

    @Test
    void priceSources_areAskedAfterTheTable_byIdThenType() {
        PriceSource source = (provider, model) -> provider.equals("openai") && model.equals("o3")
                ? Optional.of(ModelPrice.builder("USD").input(BigDecimal.ONE).output(BigDecimal.TEN).build())
                : Optional.empty();
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10"), source);

        assertThat(pricing.cost(ACME, "o3-2025-04-16", "o3", MILLION_IN_MILLION_OUT).total())
                .isEqualByComparingTo("11");
        assertThat(pricing.cost(ACME, "gpt-4o", null, MILLION_IN_MILLION_OUT).total())
                .as("the table answers first")
                .isEqualByComparingTo("12.5");
    }

    @Test
    void priceInAnotherCurrency_isNotUsed() {
        PriceSource euros = (provider, model) ->
                Optional.of(ModelPrice.builder("EUR").input(BigDecimal.ONE).output(BigDecimal.ONE).build());

        Pricing pricing = pricing(TestConfig.of(), euros);

        assertThat(pricing.cost(ACME, "gpt-4o", null, MILLION_IN_MILLION_OUT)).isEqualTo(Cost.unknown());
    }

    @Test
    void shippedDefaultPrices_areReadWithoutProblems() {
        Config config = TestConfig.properties().buildWith(new DefaultPrices());

        Pricing pricing = pricing(config);

        ConfiguredProvider openai = new ConfiguredProvider("openai", "openai", null, null);
        assertThat(pricing.find(openai, "gpt-4o-mini", null)).hasValueSatisfying(p -> {
            assertThat(p.input()).isEqualByComparingTo("0.15");
            assertThat(p.output()).isEqualByComparingTo("0.6");
            assertThat(p.cachedInput()).isEqualByComparingTo("0.075");
        });
        assertThat(pricing.find(openai, "gpt-4.1", null)).as("a dotted model name").isPresent();
    }

    @Test
    void shippedDefaultPrices_areOverriddenByAHigherOrdinalSource() {
        Config config = TestConfig.properties()
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.2")
                .buildWith(new DefaultPrices());

        Pricing pricing = pricing(config);

        ConfiguredProvider openai = new ConfiguredProvider("openai", "openai", null, null);
        assertThat(pricing.find(openai, "gpt-4o-mini", null)).hasValueSatisfying(p -> {
            assertThat(p.input()).as("the application's price").isEqualByComparingTo("0.2");
            assertThat(p.output()).as("the shipped price").isEqualByComparingTo("0.6");
        });
        assertThat(config.getConfigValue("tollgate.pricing.openai.gpt-4o-mini.output").getSourceName())
                .isEqualTo(DefaultPrices.NAME);
    }

    @Test
    void shippedDefaultPrices_rankBelowMicroProfileConfigProperties() {
        assertThat(new DefaultPrices().getOrdinal()).isLessThan(ConfigSource.DEFAULT_ORDINAL);
    }

    @Test
    void shippedDefaultPrices_areDiscoveredAsAConfigSource() {
        Config config = new SmallRyeConfigBuilder().addDiscoveredSources().build();

        assertThat(config.getConfigValue("tollgate.pricing.openai.gpt-4o.input").getSourceName())
                .isEqualTo(DefaultPrices.NAME);
    }

    @Test
    void pricedAnswer_carriesItsCost_andTheExchangeToo() {
        TestRecordSink sink = new TestRecordSink();
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                        "tollgate.providers.local.type", "simulated",
                        "tollgate.providers.local.input-tokens", "1200",
                        "tollgate.providers.local.output-tokens", "300",
                        "tollgate.pricing.local.simulated-1.input", "0.5",
                        "tollgate.pricing.local.simulated-1.output", "1.5"))
                .recordSink(sink)
                .build();

        ChatResponse response = tollgate.chatClient().chat(ChatRequest.of("hi"));

        // 1200 x 0.5 + 300 x 1.5 = 600 + 450 -> 0.00105
        assertThat(response.cost().total()).isEqualByComparingTo("0.00105");
        assertThat(sink.single().exchanges().get(0).cost()).isEqualTo(response.cost());
        assertThat(sink.single().cost().total()).isEqualByComparingTo("0.00105");
        assertThat(sink.single().cost().isKnown()).isTrue();
    }
}
