package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class PricingLookupTest {
    private static final ConfiguredProvider OPENAI = new ConfiguredProvider("openai", "openai", null, null);
    private static final Usage MILLION_IN = Usage.of(1_000_000, 0);

    private static Pricing pricing(Config config, PriceSource... sources) {
        return Tollgate.builder(config).priceSources(List.of(sources)).build().pricing();
    }

    /** Prices {@code model} at {@code input} per million input tokens and 1 per million output tokens. */
    private static TestConfig price(TestConfig config, String provider, String model, String input) {
        return config.set("tollgate.pricing." + provider + ".\"" + model + "\".input", input)
                .set("tollgate.pricing." + provider + ".\"" + model + "\".output", "1");
    }

    private static String inputPrice(Pricing pricing, ConfiguredProvider provider, String response, String requested) {
        return pricing.find(provider, response, requested).map(p -> p.input().toPlainString()).orElse("none");
    }

    @Test
    void lookup_triesResponseModel_itsAlias_requestedModel_itsAlias() {
        TestConfig config = TestConfig.properties();
        price(config, "openai", "gpt-4o-2024-08-06", "1");
        price(config, "openai", "gpt-4o", "2");
        price(config, "openai", "gpt-4.1-2025-04-14", "3");
        price(config, "openai", "gpt-4.1", "4");
        Pricing pricing = pricing(config.build());

        assertThat(inputPrice(pricing, OPENAI, "gpt-4o-2024-08-06", "gpt-4.1-2025-04-14")).isEqualTo("1");
        assertThat(inputPrice(pricing, OPENAI, "gpt-4o-2024-11-20", "gpt-4.1-2025-04-14")).isEqualTo("2");
        assertThat(inputPrice(pricing, OPENAI, "o3-2025-04-16", "gpt-4.1-2025-04-14")).isEqualTo("3");
        assertThat(inputPrice(pricing, OPENAI, "o3-2025-04-16", "gpt-4.1-latest")).isEqualTo("4");
        assertThat(inputPrice(pricing, OPENAI, null, "gpt-4.1-2025-05-01")).isEqualTo("4");
        assertThat(inputPrice(pricing, OPENAI, "", "gpt-4.1")).as("an empty response model").isEqualTo("4");
    }

    @Test
    void bedrockInferenceProfile_isPricedByItsBaseModel() {
        Pricing pricing = pricing(price(TestConfig.properties(), "bedrock", "anthropic.claude-sonnet-4-5", "3").build());
        ConfiguredProvider bedrock = new ConfiguredProvider("aws", "bedrock", null, null);

        assertThat(inputPrice(pricing, bedrock, null, "global.anthropic.claude-sonnet-4-5-20250929-v1:0"))
                .isEqualTo("3");
    }

    @Test
    void applicationPriceOfTheAlias_beatsTheShippedPriceOfTheExactModel() {
        Config config = price(TestConfig.properties(), "openai", "gpt-4o", "9").buildWith(new DefaultPrices());

        Pricing pricing = pricing(config);

        assertThat(pricing.find(OPENAI, "gpt-4o-2024-05-13", null).orElseThrow().input()).isEqualByComparingTo("9");
        assertThat(pricing(TestConfig.properties().buildWith(new DefaultPrices()))
                .find(OPENAI, "gpt-4o-2024-05-13", null).orElseThrow().input())
                .as("without it, the snapshot's own shipped price").isEqualByComparingTo("5");
    }

    @Test
    void wildcardModel_pricesEveryOtherModelOfItsProvider_inTwoLines() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.my-vllm.\"*\".input", "0",
                "tollgate.pricing.my-vllm.\"*\".output", "0"));
        ConfiguredProvider vllm = new ConfiguredProvider("my-vllm", "openai", null, null);

        Cost cost = pricing.cost(vllm, "meta-llama/Llama-3.1-8B-Instruct", null, Usage.of(1_000, 500));

        assertThat(cost.isKnown()).isTrue();
        assertThat(cost.total()).isEqualByComparingTo("0");
        assertThat(pricing.find(OPENAI, "meta-llama/Llama-3.1-8B-Instruct", null)).as("another provider").isEmpty();
    }

    @Test
    void wildcardOfAProviderType_pricesEveryProviderOfThatType() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.ollama.*.input", "0",
                "tollgate.pricing.ollama.*.output", "0"));

        assertThat(pricing.find(new ConfiguredProvider("local", "ollama", null, null), "llama3:70b", null))
                .isPresent();
    }

    @Test
    void wildcard_isUsedLast_afterModelPricesAndPriceSources() {
        PriceSource source = (provider, model) -> model.equals("from-source")
                ? Optional.of(ModelPrice.builder("USD").input(BigDecimal.TEN).output(BigDecimal.ONE).build())
                : Optional.empty();
        TestConfig config = price(TestConfig.properties(), "my-vllm", "*", "0");
        price(config, "my-vllm", "priced", "5");
        Pricing pricing = pricing(config.build(), source);
        ConfiguredProvider vllm = new ConfiguredProvider("my-vllm", "openai", null, null);

        assertThat(inputPrice(pricing, vllm, "priced", null)).isEqualTo("5");
        assertThat(inputPrice(pricing, vllm, "from-source", null)).isEqualTo("10");
        assertThat(inputPrice(pricing, vllm, "anything", null)).isEqualTo("0");
    }

    @Test
    void shippedTable_isAskedBeforePriceSources() {
        PriceSource source = (provider, model) ->
                Optional.of(ModelPrice.builder("USD").input(BigDecimal.TEN).output(BigDecimal.TEN).build());

        Pricing pricing = pricing(TestConfig.properties().buildWith(new DefaultPrices()), source);

        assertThat(inputPrice(pricing, OPENAI, "gpt-4o-mini", null)).isEqualTo("0.15");
        assertThat(inputPrice(pricing, OPENAI, "not-shipped", null)).isEqualTo("10");
    }

    @Test
    void serviceTierTheProviderReported_picksTheTiersPrices() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.openai.gpt-4.1.input", "2",
                "tollgate.pricing.openai.gpt-4.1.output", "8",
                "tollgate.pricing.openai.gpt-4.1.batch-input", "1",
                "tollgate.pricing.openai.gpt-4.1.priority-input", "3.5"));

        assertThat(pricing.cost(OPENAI, "gpt-4.1", null, "batch", MILLION_IN).total()).isEqualByComparingTo("1");
        assertThat(pricing.cost(OPENAI, "gpt-4.1", null, "flex", MILLION_IN).total()).as("flex as batch")
                .isEqualByComparingTo("1");
        assertThat(pricing.cost(OPENAI, "gpt-4.1", null, "priority", MILLION_IN).total()).isEqualByComparingTo("3.5");
        assertThat(pricing.cost(OPENAI, "gpt-4.1", null, "default", MILLION_IN).total()).isEqualByComparingTo("2");
        assertThat(pricing.cost(OPENAI, "gpt-4.1", null, MILLION_IN).total()).isEqualByComparingTo("2");
    }

    @Test
    void requestAboveTheThreshold_isBilledWhollyAtLongContextPrices() {
        Pricing pricing = pricing(TestConfig.of(
                "tollgate.pricing.anthropic.claude-sonnet-4-5.input", "3",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.output", "15",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-threshold", "200000",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-input", "6",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-output", "22.5"));
        ConfiguredProvider anthropic = new ConfiguredProvider("anthropic", "anthropic", null, null);

        // 200000 x 3 + 1000 x 15 = 615000 -> 0.615; one token more: 200001 x 6 + 1000 x 22.5 = 1222506 -> 1.222506
        assertThat(pricing.cost(anthropic, "claude-sonnet-4-5-20250929", null, Usage.of(200_000, 1_000)).total())
                .isEqualByComparingTo("0.615");
        assertThat(pricing.cost(anthropic, "claude-sonnet-4-5-20250929", null, Usage.of(200_001, 1_000)).total())
                .isEqualByComparingTo("1.222506");
    }

    @Test
    void unpricedModel_isUnknown_andWarnedAboutExactlyOnce() {
        Pricing pricing = pricing(TestConfig.of());
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Pricing.class.getName());
        logger.addHandler(handler);
        try {
            Cost first = pricing.cost(OPENAI, "gpt-9", "gpt-9", Usage.of(10, 10));
            Cost second = pricing.cost(OPENAI, "gpt-9", "gpt-9", Usage.of(20, 20));

            assertThat(first).isEqualTo(Cost.unknown());
            assertThat(second).isEqualTo(Cost.unknown());
            assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getMessage())
                    .startsWith("TOLLGATE-0101").contains("'gpt-9'", "'openai'"));
        } finally {
            logger.removeHandler(handler);
        }
    }
}
