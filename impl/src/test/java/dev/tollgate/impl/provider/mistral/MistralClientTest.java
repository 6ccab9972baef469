package dev.tollgate.impl.provider.mistral;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.config.TollgateConfigException;
import dev.tollgate.impl.provider.openai.OpenAiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The requests sent to Mistral's chat completions, what is read from the answers, and the configuration. */
class MistralClientTest {
    static final String API_KEY = "qN7h6rEWlmjs5iL67Y4rtladP3P76C2t";
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension mistral = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.mistral.type", "mistral")
                .set("tollgate.providers.mistral.base-url", baseUrl)
                .set("tollgate.providers.mistral.api-key", API_KEY)
                .set("tollgate.providers.mistral.model", "mistral-small-latest")
                .set("tollgate.providers.mistral.timeout", "5s");
    }

    static String fixture(String name) {
        return OpenAiFixtures.resource("mistral/" + name);
    }

    private ChatResponse chat(TestConfig config, ChatRequest request, String fixture) {
        mistral.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("mistral-correlation-id", "0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
                .withHeader("x-kong-request-id", "5f3e2d1c0b9a8f7e6d5c4b3a29180706")
                .withBody(fixture(fixture))));
        return Tollgate.builder(config.build()).build().chatClient().chat(request);
    }

    @Test
    void request_hasBearerKeyMaxTokensAndTheSeedAsRandomSeed() {
        chat(config(mistral.baseUrl()), ChatRequest.builder()
                .system("Réponds en français.")
                .user("Quel est le meilleur fromage ?")
                .temperature(0.3)
                .topP(0.9)
                .maxTokens(120)
                .stop("\n\n")
                .seed(1234L)
                .extra("safe_prompt", true)
                .build(), "chat-completion.json");

        mistral.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "mistral-small-latest",
                         "messages": [{"role": "system", "content": "Réponds en français."},
                                      {"role": "user", "content": "Quel est le meilleur fromage ?"}],
                         "temperature": 0.3, "top_p": 0.9, "max_tokens": 120, "stop": ["\\n\\n"],
                         "random_seed": 1234, "safe_prompt": true}
                        """)));
    }

    @Test
    void extraRepeatingTheSeedField_isRefusedBeforeSending() {
        var client = Tollgate.builder(config(mistral.baseUrl()).build()).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.chat(ChatRequest.builder().user("hi").extra("random_seed", 7).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("random_seed");
        assertThat(mistral.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void answer_isReadWithUsageAndTheCorrelationIdAsRequestId() {
        ChatResponse response = chat(config(mistral.baseUrl()), ChatRequest.of("Quel est le meilleur fromage ?"),
                "chat-completion.json");

        assertThat(response.text()).isEqualTo("Le meilleur fromage est une question de goût.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.model()).isEqualTo("mistral-small-latest");
        assertThat(response.responseId()).contains("cmpl-e5cc70bb28c444948073e77776eb30ef");
        assertThat(response.requestId()).contains("0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        assertThat(response.usage()).isEqualTo(Usage.of(16, 14));
    }

    @Test
    void cachedPromptTokens_arePartOfTheInput_andPricedAsCached() {
        ChatResponse response = chat(config(mistral.baseUrl())
                        .set("tollgate.pricing.mistral.mistral-medium-2508.input", "0.4")
                        .set("tollgate.pricing.mistral.mistral-medium-2508.cached-input", "0.04")
                        .set("tollgate.pricing.mistral.mistral-medium-2508.output", "2"),
                ChatRequest.of("Notice period?"), "chat-completion-cached.json");

        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(4096).cachedInputTokens(3584).outputTokens(20).build());
        // 512 x 0.4 + 3584 x 0.04 + 20 x 2, per million tokens
        assertThat(response.cost().total()).isEqualByComparingTo("0.00038816");
    }

    @Test
    void answerCutByTheModelsContext_isALengthStop() {
        ChatResponse response = chat(config(mistral.baseUrl()), ChatRequest.of("Tell the history"),
                "chat-completion-model-length.json");

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.rawFinishReason()).contains("model_length");
    }

    @Test
    void requestIdFallsBackToKongsRequestId() {
        mistral.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-kong-request-id", "5f3e2d1c0b9a8f7e6d5c4b3a29180706")
                .withBody(fixture("chat-completion.json"))));

        ChatResponse response = Tollgate.builder(config(mistral.baseUrl()).build()).build().chatClient()
                .chat(ChatRequest.of("hi"));

        assertThat(response.requestId()).contains("5f3e2d1c0b9a8f7e6d5c4b3a29180706");
    }

    @Test
    void selfHostedDeploymentWithoutKey_sendsNoAuthorization() {
        chat(TestConfig.properties()
                        .set("tollgate.providers.mistral.type", "mistral")
                        .set("tollgate.providers.mistral.base-url", mistral.baseUrl())
                        .set("tollgate.providers.mistral.model", "mistral-small-latest"),
                ChatRequest.of("hi"), "chat-completion.json");

        mistral.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void mistralsOwnApiWithoutKey_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of("tollgate.providers.mistral.type", "mistral")).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0005")
                .contains("'tollgate.providers.mistral.api-key'", "MISTRAL_API_KEY");
    }

    @Test
    void invalidBaseUrl_isAProblemNamingTheProperty() {
        TollgateConfigException e = catchThrowableOfType(TollgateConfigException.class,
                () -> Tollgate.builder(TestConfig.of(
                        "tollgate.providers.mistral.type", "mistral",
                        "tollgate.providers.mistral.api-key", API_KEY,
                        "tollgate.providers.mistral.base-url", "api.mistral.ai")).build());

        assertThat(e.problems()).singleElement().asString()
                .startsWith("TOLLGATE-0006")
                .contains("'tollgate.providers.mistral.base-url'")
                .doesNotContain(API_KEY);
    }
}
