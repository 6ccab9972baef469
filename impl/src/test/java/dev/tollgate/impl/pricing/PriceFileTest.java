package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.api.spi.ModelPrice;
import dev.tollgate.api.spi.ModelPrice.Tier;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.TollgateConfigException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceFileTest {
    private static final String SMALL = "classpath:pricing/small-prices.json";

    private static PriceTable read(Config config) {
        ConfigProblems problems = new ConfigProblems();
        PriceTable table = PriceTable.read(new ConfigReader(config, problems), config.getOptionalValue(
                "tollgate.pricing.currency", String.class).orElse("USD"));
        problems.throwIfAny();
        return table;
    }

    private static PriceTable file(String location) {
        return read(TestConfig.of("tollgate.pricing.file", location));
    }

    private static ModelPrice price(PriceTable table, String provider, String model) {
        return table.find(provider, model).orElseThrow(() -> new AssertionError("no price for " + provider + "/"
                + model));
    }

    private static List<String> problemsOf(String... keysAndValues) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> read(TestConfig.of(keysAndValues)));
        assertThat(e).as("the configuration is refused").isNotNull();
        return e.problems();
    }

    @Test
    void fileOnTheClassPath_pricesItsChatModelsPerMillionTokens() {
        ModelPrice gpt = price(file(SMALL), "openai", "gpt-4.1");

        assertThat(gpt.input().toPlainString()).as("exactly, from the number's text").isEqualTo("2.1");
        assertThat(gpt.output()).isEqualByComparingTo("8");
        assertThat(gpt.cachedInput()).isEqualByComparingTo("0.5");
        ModelPrice priority = gpt.forRequest(Tier.PRIORITY, 1_000);
        assertThat(priority.input()).isEqualByComparingTo("3.5");
        assertThat(priority.cachedInput().toPlainString()).isEqualTo("0.875");
        assertThat(priority.output()).isEqualByComparingTo("14");
    }

    @Test
    void fileByPath_isReadToo() throws URISyntaxException {
        String path = Path.of(PriceFileTest.class.getResource("/pricing/small-prices.json").toURI()).toString();

        assertThat(file(path).find("anthropic", "claude-sonnet-4-5")).isPresent();
    }

    @Test
    void longContextAndOneHourCachePrices_areMapped() {
        ModelPrice claude = price(file(SMALL), "anthropic", "claude-sonnet-4-5");

        assertThat(claude.cacheWrite()).isEqualByComparingTo("3.75");
        assertThat(claude.cacheWrite1h()).isEqualByComparingTo("6");
        assertThat(claude.longContextThreshold()).hasValue(200_000);
        ModelPrice longContext = claude.forRequest(Tier.STANDARD, 200_001);
        assertThat(longContext.input()).isEqualByComparingTo("6");
        assertThat(longContext.cachedInput()).isEqualByComparingTo("0.6");
        assertThat(longContext.cacheWrite()).isEqualByComparingTo("7.5");
        assertThat(longContext.cacheWrite1h()).isEqualByComparingTo("12");
        assertThat(longContext.output()).isEqualByComparingTo("22.5");
    }

    @Test
    void tierPricesAboveTheThreshold_areMapped() {
        ModelPrice gemini = price(file(SMALL), "gemini", "gemini-2.5-pro");

        assertThat(gemini.forRequest(Tier.PRIORITY, 10).input()).isEqualByComparingTo("2.25");
        assertThat(gemini.forRequest(Tier.PRIORITY, 300_000).input()).isEqualByComparingTo("4.5");
        assertThat(gemini.forRequest(Tier.PRIORITY, 300_000).output()).isEqualByComparingTo("15");
    }

    @Test
    void batchFlexAndReasoningPrices_areMapped() {
        ModelPrice o4 = price(file(SMALL), "openai", "o4-mini");

        assertThat(o4.reasoning()).isEqualByComparingTo("5");
        assertThat(o4.forRequest(Tier.BATCH, 10).input()).isEqualByComparingTo("0.55");
        assertThat(o4.forRequest(Tier.FLEX, 10).output()).isEqualByComparingTo("2.2");
    }

    @Test
    void providersAreMappedToTypes_andTheirPrefixesCut() {
        PriceTable table = file(SMALL);

        assertThat(price(table, "azure-openai", "gpt-4.1").input()).as("not the EU region's price")
                .isEqualByComparingTo("2.2");
        assertThat(table.find("vertex", "claude-opus-4-6@default")).isPresent();
        assertThat(table.find("bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0")).isPresent();
        assertThat(table.find("mistral", "mistral-large-latest")).isPresent();
        assertThat(table.find("cohere", "command-r")).isPresent();
        assertThat(price(table, "ollama", "llama3").input()).isEqualByComparingTo("0");
    }

    @Test
    void entriesTollgateCannotUse_areLeftOut() {
        PriceTable table = file(SMALL);

        assertThat(table.find("bedrock", "zai.glm-5")).as("one region's price").isEmpty();
        assertThat(table.find("azure-openai", "eu/gpt-4.1")).isEmpty();
        assertThat(table.find("openai", "text-embedding-3-small")).as("not a chat model").isEmpty();
        assertThat(table.find("openai", "dall-e-3")).isEmpty();
        assertThat(table.find("openai", "gpt-input-only")).as("no output price").isEmpty();
        assertThat(table.find("deepseek", "deepseek-chat")).as("no such provider type").isEmpty();
        assertThat(table.size()).isEqualTo(12);
    }

    @Test
    void entryWithTheProviderPrefix_winsOverTheSameModelWithout() {
        PriceTable table = file(SMALL);

        assertThat(price(table, "gemini", "gemini-flash-latest").cachedInput()).isEqualByComparingTo("0.075");
        assertThat(price(table, "gemini", "gemini-flash-lite-latest").cachedInput()).isEqualByComparingTo("0.025");
    }

    @Test
    void liteLlmsWholeFile_isRead() {
        PriceTable table = file("classpath:litellm/model_prices_and_context_window.json");

        assertThat(table.size()).isGreaterThan(600);
        assertThat(price(table, "anthropic", "claude-sonnet-4-5").longContextThreshold()).hasValue(200_000);
    }

    @Test
    void missingFile_isAProblemNamingTheProperty(@TempDir Path dir) {
        String missing = dir.resolve("prices.json").toString();

        assertThat(problemsOf("tollgate.pricing.file", missing)).singleElement().asString()
                .startsWith("TOLLGATE-0023").contains("'tollgate.pricing.file'", missing, "no such file");
    }

    @Test
    void missingClassPathResource_isAProblemNamingTheProperty() {
        assertThat(problemsOf("tollgate.pricing.file", "classpath:nowhere/prices.json")).singleElement().asString()
                .startsWith("TOLLGATE-0023").contains("'tollgate.pricing.file'", "classpath:nowhere/prices.json");
    }

    @Test
    void malformedFile_isAProblemNamingTheProperty(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), "{\"gpt-4o\": {\"input_cost_per_token\": 2.5e-06,");

        assertThat(problemsOf("tollgate.pricing.file", file.toString())).singleElement().asString()
                .startsWith("TOLLGATE-0023").contains("'tollgate.pricing.file'", "malformed JSON");
    }

    @Test
    void fileThatIsNoObject_isAProblem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("prices.json"), "[1, 2]");

        assertThat(problemsOf("tollgate.pricing.file", file.toString())).singleElement().asString()
                .startsWith("TOLLGATE-0023").contains("not a JSON object");
    }

    @Test
    void fileWithAnotherCurrency_isAProblemNamingBothProperties() {
        assertThat(problemsOf("tollgate.pricing.file", SMALL, "tollgate.pricing.currency", "EUR"))
                .singleElement().asString()
                .startsWith("TOLLGATE-0024").contains("'tollgate.pricing.file'", "'tollgate.pricing.currency'", "EUR");
    }

    @Test
    void applicationConfig_overridesTheFile_fieldByField() {
        PriceTable table = read(TestConfig.of(
                "tollgate.pricing.file", SMALL,
                "tollgate.pricing.openai.gpt-4.1.output", "9"));

        ModelPrice gpt = price(table, "openai", "gpt-4.1");
        assertThat(gpt.output()).as("the application's").isEqualByComparingTo("9");
        assertThat(gpt.input()).as("the file's").isEqualByComparingTo("2.1");
    }

    @Test
    void file_replacesAShippedModelWhole_andLeavesTheOthers() {
        PriceTable table = read(TestConfig.properties().set("tollgate.pricing.file", SMALL)
                .buildWith(new DefaultPrices()));

        ModelPrice gpt = price(table, "openai", "gpt-4.1");
        assertThat(gpt.input()).as("the file's").isEqualByComparingTo("2.1");
        assertThat(gpt.forRequest(Tier.BATCH, 10).input()).as("no batch price in the file: not the shipped one")
                .isEqualByComparingTo("2.1");
        assertThat(price(table, "openai", "gpt-4o-mini").input()).as("shipped, not in the file")
                .isEqualByComparingTo("0.15");
    }

    @Test
    void applicationConfig_overridesFileAndShippedTable() {
        PriceTable table = read(TestConfig.properties()
                .set("tollgate.pricing.file", SMALL)
                .set("tollgate.pricing.openai.gpt-4.1.input", "1.9")
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.2")
                .buildWith(new DefaultPrices()));

        assertThat(price(table, "openai", "gpt-4.1").input()).isEqualByComparingTo("1.9");
        assertThat(price(table, "openai", "gpt-4.1").output()).as("the file's").isEqualByComparingTo("8");
        assertThat(price(table, "openai", "gpt-4o-mini").input()).isEqualByComparingTo("0.2");
        assertThat(price(table, "openai", "gpt-4o-mini").output()).as("shipped").isEqualByComparingTo("0.6");
    }
}
