package dev.tollgate.impl.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the adapter reads and checks its configuration at startup. */
class AnthropicAdapterTest {

    private static TollgateConfigException problemOf(String... keysAndValues) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(keysAndValues)).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        return e;
    }

    @Test
    void anthropicItselfWithoutApiKey_isAProblemNamingTheProperty() {
        TollgateConfigException e = problemOf("tollgate.providers.claude.type", "anthropic");

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.claude.api-key'", "ANTHROPIC_API_KEY");
    }

    @Test
    void explicitAnthropicBaseUrlWithoutApiKey_isAProblemToo() {
        TollgateConfigException e = problemOf(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.base-url", "https://API.anthropic.com/");

        assertThat(e.problems()).singleElement().asString().contains("'tollgate.providers.claude.api-key'");
    }

    @Test
    void anthropicItselfWithApiKey_isValid() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude.model", "claude-sonnet-4-5")).build();

        assertThat(tollgate.providers().ids()).containsExactly("claude");
    }

    @Test
    void gatewayWithoutApiKey_isValid() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.gw.type", "anthropic",
                "tollgate.providers.gw.base-url", "https://llm-gateway.internal/anthropic")).build();

        assertThat(tollgate.providers().ids()).containsExactly("gw");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "base-url   | api.anthropic.com       | an absolute http or https URL",
        "base-url   | ftp://api.anthropic.com | an absolute http or https URL",
        "base-url   | https://                | an absolute http or https URL",
        "max-tokens | 0                       | a positive integer",
        "max-tokens | -5                      | a positive integer",
        "max-tokens | lots                    | a positive integer",
        "max-tokens | 4096.5                  | a positive integer",
        "max-tokens | 99999999999             | a positive integer",
    })
    void badValue_isAProblemNamingThePropertyTheValueAndWhatIsExpected(String key, String value, String expected) {
        TollgateConfigException e = problemOf(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude." + key, value);

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.claude." + key + "'", "'" + value + "'", expected);
    }

    @Test
    void apiKey_neverAppearsInAConfigurationProblem() {
        TollgateConfigException e = problemOf(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude.max-tokens", "none");

        assertThat(e.getMessage()).doesNotContain(AnthropicFixtures.API_KEY);
    }

    @Test
    void everyAnthropicProperty_isRead_soOnlyATypoIsReportedAsUnused() {
        Config config = TestConfig.of(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude.version", "2023-06-01",
                "tollgate.providers.claude.beta", "extended-cache-ttl-2025-04-11",
                "tollgate.providers.claude.max-tokens", "2048",
                "tollgate.providers.claude.model", "claude-sonnet-4-5",
                "tollgate.providers.claude.verison", "typo");

        Tollgate tollgate = Tollgate.builder(config).build();

        assertThat(tollgate.providers().properties()).singleElement()
                .satisfies(p -> assertThat(p.unreadProperties(config.getPropertyNames()))
                        .containsExactly("tollgate.providers.claude.verison"));
    }
}
