package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private static PriceTable read(Config config) {
        ConfigProblems problems = new ConfigProblems();
        PriceTable table = PriceTable.read(new ConfigReader(config, problems), "USD");
        problems.throwIfAny();
        return table;
    }

    private static List<String> problemsOf(String... keysAndValues) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> read(TestConfig.of(keysAndValues)));
        assertThat(e).as("the price table is refused").isNotNull();
        return e.problems();
    }

    @Test
    void quotedModelNameWithDots_isPriced() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.openai.\"gpt-4.1\".input", "2",
                "tollgate.pricing.openai.\"gpt-4.1\".output", "8",
                "tollgate.pricing.openai.\"gpt-4.1\".cached-input", "0.5"));

        ModelPrice price = table.find("openai", "gpt-4.1").orElseThrow();
        assertThat(price.input()).isEqualByComparingTo("2");
        assertThat(price.output()).isEqualByComparingTo("8");
        assertThat(price.cachedInput()).isEqualByComparingTo("0.5");
        assertThat(table.find("openai", "\"gpt-4.1\"")).isEmpty();
    }

    @Test
    void unquotedModelNameWithDots_isPriced() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.openai.gpt-4.1-mini.input", "0.4",
                "tollgate.pricing.openai.gpt-4.1-mini.output", "1.6",
                "tollgate.pricing.vllm.meta-llama/Llama-3.1-8B-Instruct.input", "0",
                "tollgate.pricing.vllm.meta-llama/Llama-3.1-8B-Instruct.output", "0"));

        assertThat(table.find("openai", "gpt-4.1-mini")).hasValueSatisfying(p -> {
            assertThat(p.input()).isEqualByComparingTo("0.4");
            assertThat(p.output()).isEqualByComparingTo("1.6");
        });
        assertThat(table.find("vllm", "meta-llama/Llama-3.1-8B-Instruct")).isPresent();
        assertThat(table.find("openai", "gpt-4")).isEmpty();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void optionalPrices_defaultToInputAndOutput() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.anthropic.claude-sonnet-4.input", "3",
                "tollgate.pricing.anthropic.claude-sonnet-4.output", "15"));

        ModelPrice price = table.find("anthropic", "claude-sonnet-4").orElseThrow();
        assertThat(price.cachedInput()).isEqualByComparingTo("3");
        assertThat(price.cacheWrite()).isEqualByComparingTo("3");
        assertThat(price.reasoning()).isEqualByComparingTo("15");
        assertThat(price.currency()).isEqualTo("USD");
    }

    @Test
    void everyField_isRead() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.anthropic.claude-sonnet-4.input", "3",
                "tollgate.pricing.anthropic.claude-sonnet-4.output", "15",
                "tollgate.pricing.anthropic.claude-sonnet-4.cached-input", "0.30",
                "tollgate.pricing.anthropic.claude-sonnet-4.cache-write", "3.75",
                "tollgate.pricing.anthropic.claude-sonnet-4.reasoning", "20"));

        ModelPrice price = table.find("anthropic", "claude-sonnet-4").orElseThrow();
        assertThat(price.cachedInput()).isEqualByComparingTo("0.30");
        assertThat(price.cacheWrite()).isEqualByComparingTo("3.75");
        assertThat(price.reasoning()).isEqualByComparingTo("20");
    }

    @Test
    void inputWithoutOutput_isAProblemNamingTheMissingProperty() {
        List<String> problems = problemsOf("tollgate.pricing.openai.gpt-4.1.input", "2");

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0010")
                .contains("'gpt-4.1'", "'tollgate.pricing.openai.gpt-4.1.output'");
    }

    @Test
    void outputWithoutInput_isAProblemNamingTheMissingProperty() {
        List<String> problems = problemsOf(
                "tollgate.pricing.openai.o3.output", "8",
                "tollgate.pricing.openai.o3.cached-input", "0.5");

        assertThat(problems).singleElement().asString().contains("'tollgate.pricing.openai.o3.input'");
    }

    @Test
    void unknownField_isAProblemListingTheFields() {
        List<String> problems = problemsOf(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10",
                "tollgate.pricing.openai.gpt-4o.cached_input", "1.25");

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0011")
                .contains("'tollgate.pricing.openai.gpt-4o.cached_input'", "cached-input", "cache-write", "reasoning");
    }

    @Test
    void keyWithoutModel_isAProblem() {
        List<String> problems = problemsOf("tollgate.pricing.openai.input", "2.5");

        assertThat(problems).singleElement().asString().contains("'tollgate.pricing.openai.input'");
    }

    @Test
    void negativeOrNonNumericPrice_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(
                "tollgate.pricing.openai.gpt-4o.input", "-2.5",
                "tollgate.pricing.openai.gpt-4o.output", "ten");

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.pricing.openai.gpt-4o.input'", "'-2.5'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.pricing.openai.gpt-4o.output'", "'ten'"));
    }

    @Test
    void tierAndLongContextFields_areRead() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.gemini.gemini-2.5-pro.input", "1.25",
                "tollgate.pricing.gemini.gemini-2.5-pro.output", "10",
                "tollgate.pricing.gemini.gemini-2.5-pro.long-context-threshold", "200000",
                "tollgate.pricing.gemini.gemini-2.5-pro.long-context-input", "2.5",
                "tollgate.pricing.gemini.gemini-2.5-pro.batch-input", "0.625",
                "tollgate.pricing.gemini.gemini-2.5-pro.flex-output", "5",
                "tollgate.pricing.gemini.gemini-2.5-pro.priority-long-context-cached-input", "0.45",
                "tollgate.pricing.gemini.gemini-2.5-pro.batch-long-context-cache-write-1h", "4"));

        ModelPrice price = table.find("gemini", "gemini-2.5-pro").orElseThrow();
        assertThat(price.longContextThreshold()).hasValue(200_000);
        assertThat(price.forRequest(Tier.STANDARD, 200_001).input()).isEqualByComparingTo("2.5");
        assertThat(price.forRequest(Tier.BATCH, 1).input()).isEqualByComparingTo("0.625");
        assertThat(price.forRequest(Tier.FLEX, 1).output()).isEqualByComparingTo("5");
        assertThat(price.forRequest(Tier.PRIORITY, 200_001).cachedInput()).isEqualByComparingTo("0.45");
        assertThat(price.forRequest(Tier.BATCH, 200_001).cacheWrite1h()).isEqualByComparingTo("4");
    }

    @Test
    void longContextPriceWithoutThreshold_isAProblemNamingTheThresholdProperty() {
        List<String> problems = problemsOf(
                "tollgate.pricing.anthropic.claude-sonnet-4-5.input", "3",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.output", "15",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-input", "6");

        assertThat(problems).singleElement().asString().startsWith("TOLLGATE-0010")
                .contains("'tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-threshold'");
    }

    @Test
    void fractionalThreshold_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(
                "tollgate.pricing.anthropic.claude-sonnet-4-5.input", "3",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.output", "15",
                "tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-threshold", "200000.5");

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("TOLLGATE-0006")
                .contains("'tollgate.pricing.anthropic.claude-sonnet-4-5.long-context-threshold'", "whole number"));
    }

    @Test
    void unknownTierOrMisplacedPrefix_isAProblem() {
        List<String> problems = problemsOf(
                "tollgate.pricing.openai.gpt-4o.input", "2.5",
                "tollgate.pricing.openai.gpt-4o.output", "10",
                "tollgate.pricing.openai.gpt-4o.scale-input", "3",
                "tollgate.pricing.openai.gpt-4o.long-context-batch-input", "3");

        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("TOLLGATE-0011")
                .contains("batch-, flex- or priority-"));
    }

    @Test
    void quotedWildcardModel_isPriced() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.my-vllm.\"*\".input", "0",
                "tollgate.pricing.my-vllm.\"*\".output", "0"));

        assertThat(table.find("my-vllm", PriceTable.WILDCARD)).isPresent();
    }

    @Test
    void currencyKey_isNotAPrice() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.pricing.currency", "EUR",
                "tollgate.pricing.sim.simulated-1.input", "1",
                "tollgate.pricing.sim.simulated-1.output", "2")).build();

        assertThat(tollgate.pricing().currency()).isEqualTo("EUR");
    }
}
