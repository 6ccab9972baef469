package dev.tollgate.impl.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import org.junit.jupiter.api.Test;

/** The configuration an Azure OpenAI provider needs, and the startup errors when it is wrong. */
class AzureOpenAiAdapterTest {
    private static final String ENDPOINT = "https://contoso-eu.openai.azure.com";

    private static String problemOf(TestConfig config) {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(config.build()).build());
        assertThat(e).as("the configuration is refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static TestConfig withKey() {
        return TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.base-url", ENDPOINT)
                .set("tollgate.providers.azure.api-key", AzureOpenAiClientTest.API_KEY);
    }

    @Test
    void resourceEndpointAndKey_areEnough() {
        Tollgate tollgate = Tollgate.builder(withKey().build()).build();

        assertThat(tollgate.providers().find("azure")).hasValueSatisfying(p -> {
            assertThat(p.type()).isEqualTo("azure-openai");
            assertThat(p.client().toString()).contains(ENDPOINT, "2024-10-21")
                    .doesNotContain(AzureOpenAiClientTest.API_KEY);
        });
    }

    @Test
    void missingBaseUrl_isAProblemNamingIt() {
        String problem = problemOf(TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.api-key", AzureOpenAiClientTest.API_KEY));

        assertThat(problem).startsWith("TOLLGATE-0005").contains("'tollgate.providers.azure.base-url'");
    }

    @Test
    void missingCredentials_isAProblemNamingBothWaysToAuthenticate() {
        String problem = problemOf(TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.base-url", ENDPOINT));

        assertThat(problem).startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.azure.api-key'", "'tollgate.providers.azure.access-token'");
    }

    @Test
    void bothCredentials_isAProblemThatShowsNeither() {
        String problem = problemOf(withKey()
                .set("tollgate.providers.azure.access-token", AzureOpenAiClientTest.ACCESS_TOKEN));

        assertThat(problem).contains("'tollgate.providers.azure.api-key'", "'tollgate.providers.azure.access-token'")
                .doesNotContain(AzureOpenAiClientTest.API_KEY, AzureOpenAiClientTest.ACCESS_TOKEN);
    }

    @Test
    void malformedApiVersion_isAProblemNamingIt() {
        String problem = problemOf(withKey().set("tollgate.providers.azure.api-version", "v1"));

        assertThat(problem).startsWith("TOLLGATE-0006").contains("'tollgate.providers.azure.api-version'", "'v1'");
    }

    @Test
    void maxCompletionTokensWithAnApiVersionThatPredatesIt_isAProblem() {
        String problem = problemOf(withKey()
                .set("tollgate.providers.azure.api-version", "2024-06-01")
                .set("tollgate.providers.azure.max-tokens-field", "max_completion_tokens"));

        assertThat(problem).startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.azure.max-tokens-field'", "2024-06-01", "2024-09-01-preview");
    }

    @Test
    void plainHttpBaseUrlOfAGateway_isAccepted() {
        Tollgate tollgate = Tollgate.builder(withKey()
                .set("tollgate.providers.azure.base-url", "http://apim.internal:8080/aoai")
                .build()).build();

        assertThat(tollgate.providers().ids()).containsExactly("azure");
    }
}
