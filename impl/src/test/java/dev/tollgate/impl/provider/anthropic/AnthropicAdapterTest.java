package dev.tollgate.impl.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"api.anthropic.com", "ftp://api.anthropic.com", "https://"})
    void badBaseUrl_isAProblemNamingTheProperty(String url) {
        TollgateConfigException e = problemOf(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude.base-url", url);

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.claude.base-url'", "http or https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "lots", "4096.5", "99999999999"})
    void badMaxTokens_isAProblemNamingThePropertyAndValue(String value) {
        TollgateConfigException e = problemOf(
                "tollgate.providers.claude.type", "anthropic",
                "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                "tollgate.providers.claude.max-tokens", value);

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.claude.max-tokens'", "'" + value + "'", "positive integer");
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
    void everyAnthropicProperty_isRead_soNoneIsReportedAsUnused() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Tollgate.class.getName());
        logger.addHandler(handler);
        try {
            Tollgate.builder(TestConfig.of(
                    "tollgate.providers.claude.type", "anthropic",
                    "tollgate.providers.claude.api-key", AnthropicFixtures.API_KEY,
                    "tollgate.providers.claude.version", "2023-06-01",
                    "tollgate.providers.claude.beta", "extended-cache-ttl-2025-04-11",
                    "tollgate.providers.claude.max-tokens", "2048",
                    "tollgate.providers.claude.model", "claude-sonnet-4-5",
                    "tollgate.providers.claude.verison", "typo")).build();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(warnings).singleElement().extracting(LogRecord::getMessage).asString()
                .contains("TOLLGATE-0100", "'tollgate.providers.claude.verison'");
    }
}
