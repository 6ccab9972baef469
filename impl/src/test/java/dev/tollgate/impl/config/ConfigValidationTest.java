package dev.tollgate.impl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestLogs;
import dev.tollgate.impl.Tollgate;
import java.util.List;
import java.util.logging.Level;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigValidationTest {

    private static List<String> problemsOf(Config config) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(), e.problems()));
        return e.problems();
    }

    @Test
    void missingType_isAProblemNamingTheTypeProperty() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.local.base-url", "http://localhost:11434/v1",
                "tollgate.providers.local.model", "llama3.2"));

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0003")
                .contains("'tollgate.providers.local.type'");
    }

    @Test
    void unknownType_isAProblemListingTheKnownTypes() {
        List<String> problems = problemsOf(TestConfig.of("tollgate.providers.main.type", "open-ai"));

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0004")
                .contains("'tollgate.providers.main.type'", "'open-ai'", "openai", "simulated");
    }

    @Test
    void missingApiKeyForOpenAi_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.openai.base-url", "https://api.openai.com/v1/"));

        assertThat(problems).singleElement().asString().contains("'tollgate.providers.openai.api-key'");
    }

    @Test
    void blankApiKeyForOpenAi_isMissing() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.openai.api-key", "   "));

        assertThat(problems).singleElement().asString().contains("'tollgate.providers.openai.api-key'");
    }

    @Test
    void apiKeyFromAnUnsetVariable_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.openai.api-key", "${TOLLGATE_TEST_UNSET_OPENAI_KEY}"));

        assertThat(problems).singleElement().asString().contains("'tollgate.providers.openai.api-key'");
    }

    @Test
    void apiKeyFromAVariable_isExpandedAndValid() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.openai.api-key", "${TOLLGATE_TEST_OPENAI_KEY}",
                "TOLLGATE_TEST_OPENAI_KEY", "sk-test-expanded")).build();

        assertThat(tollgate.providers().ids()).containsExactly("openai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a url", "api.openai.com/v1", "ftp://files.example.com/v1", "/v1"})
    void badBaseUrl_isAProblemNamingTheProperty(String baseUrl) {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.vllm.type", "openai",
                "tollgate.providers.vllm.base-url", baseUrl));

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.vllm.base-url'", "'" + baseUrl + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5s", "PT-1S", "10 minutes", "s"})
    void badTimeout_isAProblemNamingTheProperty(String timeout) {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.timeout", timeout));

        assertThat(problems).singleElement().asString()
                .contains("'tollgate.providers.sim.timeout'", "'" + timeout + "'", "PT60S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT2M", "2m", "500ms", "45s", "1h", " 30s "})
    void timeout_acceptsIsoAndUnitForms(String timeout) {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.timeout", timeout)).build();

        assertThat(tollgate.providers().ids()).containsExactly("sim");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "often", "NaN"})
    void badFailureRate_isAProblemNamingTheProperty(String rate) {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.failure-rate", rate));

        assertThat(problems).singleElement().asString()
                .contains("'tollgate.providers.sim.failure-rate'", "'" + rate + "'", "0 to 1");
    }

    @Test
    void badFailureCategory_isAProblemListingTheCategories() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.failure-category", "flaky"));

        assertThat(problems).singleElement().asString()
                .contains("'tollgate.providers.sim.failure-category'", "'flaky'", "RATE_LIMITED");
    }

    @Test
    void defaultProviderNotConfigured_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.provider", "anthropic",
                "tollgate.providers.sim.type", "simulated"));

        assertThat(problems).singleElement().asString()
                .startsWith("TOLLGATE-0002")
                .contains("'tollgate.provider'", "'anthropic'", "[sim]");
    }

    @Test
    void badCapturePromptsFlag_isAProblemNamingTheProperty() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.providers.sim.type", "simulated",
                "tollgate.capture.prompts", "yes"));

        assertThat(problems).singleElement().asString().contains("'tollgate.capture.prompts'", "'yes'");
    }

    @Test
    void severalProblems_areReportedAtOnce() {
        List<String> problems = problemsOf(TestConfig.of(
                "tollgate.provider", "primary",
                "tollgate.providers.openai.type", "openai",
                "tollgate.providers.sim.type", "simulated",
                "tollgate.providers.sim.failure-rate", "2",
                "tollgate.providers.broken.model", "x",
                "tollgate.pricing.openai.gpt-4o.input", "2.5"));

        assertThat(problems).hasSize(5);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.providers.openai.api-key'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.providers.sim.failure-rate'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.providers.broken.type'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.provider'", "'primary'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'tollgate.pricing.openai.gpt-4o.output'"));
    }

    @Test
    void invalidProviderId_isAProblem() {
        List<String> problems = problemsOf(TestConfig.of("tollgate.providers.my$llm.type", "simulated"));

        assertThat(problems).singleElement().asString().startsWith("TOLLGATE-0007").contains("'my$llm'");
    }

    @Test
    void unusedProviderProperty_isOnlyAWarningNamingIt() {
        TestLogs logs = TestLogs.of(Tollgate.class);
        try {
            Tollgate tollgate = Tollgate.builder(TestConfig.of(
                    "tollgate.providers.sim.type", "simulated",
                    "tollgate.providers.sim.modle", "simulated-2",
                    "tollgate.providers.sim.timeout", "5s")).build();

            assertThat(tollgate.providers().ids()).containsExactly("sim");
        } finally {
            logs.close();
        }
        assertThat(logs.records()).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).startsWith("TOLLGATE-0100").contains("'tollgate.providers.sim.modle'");
        });
    }

    @Test
    void singleProvider_isTheDefault_andSeveralNeedOneNamed() {
        Tollgate single = Tollgate.builder(TestConfig.of("tollgate.providers.sim.type", "simulated")).build();
        Tollgate several = Tollgate.builder(TestConfig.of(
                "tollgate.providers.a.type", "simulated",
                "tollgate.providers.b.type", "simulated")).build();
        Tollgate named = Tollgate.builder(TestConfig.of(
                "tollgate.provider", "b",
                "tollgate.providers.a.type", "simulated",
                "tollgate.providers.b.type", "simulated")).build();

        assertThat(single.providers().defaultId()).contains("sim");
        assertThat(several.providers().defaultId()).isEmpty();
        assertThat(named.providers().defaultId()).contains("b");
    }
}
