package dev.tollgate.impl.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.openai.OpenAiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requests sent to an Azure OpenAI deployment and what is read from its answers. */
class AzureOpenAiClientTest {
    static final String API_KEY = "3f0c9a7e1b2d4c6e8a0b2c4d6e8f0a1b";
    static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJjb2duaXRpdmUifQ.c2lnbmF0dXJl";
    private static final String PATH = "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21";

    @RegisterExtension
    static WireMockExtension azure = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.base-url", baseUrl)
                .set("tollgate.providers.azure.api-key", API_KEY)
                .set("tollgate.providers.azure.model", "gpt-4o-prod")
                .set("tollgate.providers.azure.timeout", "5s");
    }

    static String fixture(String name) {
        return OpenAiFixtures.resource("azure/" + name);
    }

    private ChatResponse chat(TestConfig config, ChatRequest request, String fixture) {
        azure.stubFor(post(urlPathMatching("/openai/deployments/.*/chat/completions")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("apim-request-id", "6b1c2f3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e")
                .withHeader("x-request-id", "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d")
                .withHeader("x-ms-region", "Sweden Central")
                .withBody(fixture(fixture))));
        return Tollgate.builder(config.build()).build().chatClient().chat(request);
    }

    @Test
    void request_goesToTheDeploymentWithTheApiVersionAndTheApiKeyHeader() {
        chat(config(azure.baseUrl()), ChatRequest.builder()
                .system("You talk like a pirate.")
                .user("How do I care for a parrot?")
                .temperature(0.7)
                .topP(0.95)
                .maxTokens(800)
                .stop("Arr!")
                .seed(42L)
                .extra("user", "crew-17")
                .build(), "chat-completion.json");

        azure.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("api-key", equalTo(API_KEY))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-prod",
                         "messages": [{"role": "system", "content": "You talk like a pirate."},
                                      {"role": "user", "content": "How do I care for a parrot?"}],
                         "temperature": 0.7, "top_p": 0.95, "max_completion_tokens": 800, "stop": ["Arr!"],
                         "seed": 42, "user": "crew-17"}
                        """)));
    }

    @Test
    void requestNamingAModel_goesToTheDeploymentOfThatName_encoded() {
        chat(config(azure.baseUrl()), ChatRequest.builder().user("hi").model("gpt-4.1 mini eu").build(),
                "chat-completion.json");

        azure.verify(1, postRequestedFor(
                urlEqualTo("/openai/deployments/gpt-4.1%20mini%20eu/chat/completions?api-version=2024-10-21")));
    }

    @Test
    void accessToken_isSentAsABearerToken_withoutAnApiKeyHeader() {
        TestConfig config = TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.base-url", azure.baseUrl() + "/")
                .set("tollgate.providers.azure.access-token", ACCESS_TOKEN)
                .set("tollgate.providers.azure.model", "gpt-4o-prod");

        chat(config, ChatRequest.of("hi"), "chat-completion.json");

        azure.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("api-key", absent()));
    }

    @ParameterizedTest(name = "api-version {0} -> {1}")
    @CsvSource({
        "2024-06-01,         max_tokens",
        "2024-08-01-preview, max_tokens",
        "2024-09-01-preview, max_completion_tokens",
        "2025-04-01-preview, max_completion_tokens",
    })
    void apiVersion_isSent_andChoosesTheOutputLimitField(String apiVersion, String field) {
        chat(config(azure.baseUrl()).set("tollgate.providers.azure.api-version", apiVersion),
                ChatRequest.builder().user("hi").maxTokens(100).build(), "chat-completion.json");

        azure.verify(1, postRequestedFor(urlEqualTo(
                        "/openai/deployments/gpt-4o-prod/chat/completions?api-version=" + apiVersion))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-prod", "messages": [{"role": "user", "content": "hi"}], "%s": 100}
                        """.formatted(field))));
    }

    @Test
    void maxTokensField_canBeSetForDeploymentsOfOlderModels() {
        chat(config(azure.baseUrl()).set("tollgate.providers.azure.max-tokens-field", "max_tokens"),
                ChatRequest.builder().user("hi").maxTokens(100).build(), "chat-completion.json");

        azure.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-prod", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 100}
                        """)));
    }

    @Test
    void answer_isReadPastTheFilterResults_withCachedUsageAndTheApimRequestId() {
        ChatResponse response = chat(config(azure.baseUrl()), ChatRequest.of("hi"), "chat-completion.json");

        assertThat(response.text()).isEqualTo("Ahoy! Keep yer parrot's cage clean and its water fresh.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.provider()).isEqualTo("azure");
        assertThat(response.model()).isEqualTo("gpt-4o-2024-11-20");
        assertThat(response.responseId()).contains("chatcmpl-C2aB3cD4eF5gH6iJ7kL8mN9oP0qRs");
        assertThat(response.requestId()).contains("6b1c2f3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e");
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(1210).cachedInputTokens(1024).outputTokens(14).build());
    }

    @Test
    void outputCutByTheContentFilter_isAContentFilterAnswerWithWhatCameBefore() {
        ChatResponse response = chat(config(azure.baseUrl()), ChatRequest.of("Tell me about the duel"),
                "chat-completion-content-filter.json");

        assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(response.rawFinishReason()).contains("content_filter");
        assertThat(response.text()).isEqualTo("The duel ended when");
        assertThat(response.usage()).isEqualTo(Usage.of(42, 5));
    }

    @Test
    void cost_isPricedByDeploymentWithTheCachedInputPrice() {
        TestConfig priced = config(azure.baseUrl())
                .set("tollgate.pricing.azure.gpt-4o-prod.input", "2.5")
                .set("tollgate.pricing.azure.gpt-4o-prod.cached-input", "1.25")
                .set("tollgate.pricing.azure.gpt-4o-prod.output", "10");

        ChatResponse response = chat(priced, ChatRequest.of("hi"), "chat-completion.json");

        // (1210 - 1024) x 2.5 + 1024 x 1.25 + 14 x 10, per million tokens
        assertThat(response.cost().total()).isEqualByComparingTo("0.001885");
        assertThat(response.cost().isReported()).isFalse();
    }
}
