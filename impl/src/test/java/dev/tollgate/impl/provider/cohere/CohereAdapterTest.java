package dev.tollgate.impl.provider.cohere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** How the adapter reads its configuration. */
class CohereAdapterTest {

    private static String clientOf(Tollgate tollgate, String id) {
        return tollgate.providers().find(id).orElseThrow().client().toString();
    }

    @Test
    void defaultBaseUrl_isCoheresV2ChatEndpoint() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.cohere.type", "cohere",
                "tollgate.providers.cohere.api-key", CohereFixtures.API_KEY)).build();

        assertThat(clientOf(tollgate, "cohere")).contains("https://api.cohere.com/v2/chat")
                .doesNotContain(CohereFixtures.API_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.cohere.com", "https://API.cohere.ai/"})
    void cohereItselfWithoutApiKey_isAProblemNamingTheProperty(String baseUrl) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.co.type", "cohere",
                        "tollgate.providers.co.base-url", baseUrl)).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.co.api-key'", "CO_API_KEY");
    }

    @Test
    void privateDeploymentWithoutApiKey_isValid() {
        Tollgate tollgate = Tollgate.builder(TestConfig.of(
                "tollgate.providers.private-co.type", "cohere",
                "tollgate.providers.private-co.base-url", "http://cohere.internal:8080/",
                "tollgate.providers.private-co.model", "command-r-08-2024")).build();

        assertThat(clientOf(tollgate, "private-co")).contains("http://cohere.internal:8080/v2/chat");
    }

    @Test
    void baseUrlThatIsNoUrl_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.co.type", "cohere",
                        "tollgate.providers.co.base-url", "api.cohere.com",
                        "tollgate.providers.co.api-key", CohereFixtures.API_KEY)).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.co.base-url'")
                .doesNotContain(CohereFixtures.API_KEY);
    }
}
