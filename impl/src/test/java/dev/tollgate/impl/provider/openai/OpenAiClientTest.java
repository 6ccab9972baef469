package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiClientTest {
    private static final String PATH = "/v1/chat/completions";

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", openAi.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .set("tollgate.providers.openai.timeout", "5s");
    }

    private ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    private static void answerWith(String fixture) {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "req_7d5c1b0a9e8f4c3b2a1d0e9f8c7b6a5d")
                .withHeader("openai-processing-ms", "412")
                .withBody(OpenAiFixtures.read(fixture))));
    }

    @Test
    void plainChat_returnsTextModelIdsAndUsage() {
        answerWith("chat-completion.json");

        ChatResponse response = client(config()).chat(ChatRequest.of("Say hello"));

        assertThat(response.text()).isEqualTo("Hello! How can I assist you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.provider()).isEqualTo("openai");
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.responseId()).contains("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        assertThat(response.requestId()).contains("req_7d5c1b0a9e8f4c3b2a1d0e9f8c7b6a5d");
        assertThat(response.usage()).isEqualTo(Usage.of(19, 10));
        assertThat(response.usage().totalTokens()).isEqualTo(29);
        assertThat(response.serviceTier()).contains("default");
        assertThat(response.cost().isKnown()).as("no price is configured").isFalse();
        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}]}
                        """)));
    }

    @Test
    void chatOfText_returnsOnlyTheAnswerText() {
        answerWith("chat-completion.json");

        assertThat(client(config()).chat("Say hello")).isEqualTo("Hello! How can I assist you today?");
    }

    @Test
    void requestBody_holdsEveryMessageAndOptionExactly() {
        answerWith("chat-completion.json");
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .user("And in software?")
                .temperature(0.25)
                .topP(0.9)
                .maxTokens(64)
                .stop("\n\n", "END")
                .seed(1234L)
                .extra("user", "customer-42")
                .extra("prediction", Map.of("type", "content", "content", "A gate"))
                .extra("logprobs", true)
                .extra("top_logprobs", 2)
                .extra("metadata", Map.of("ticket", "T-1"))
                .extra("modalities", List.of("text"))
                .extra("service_tier", null)
                .build();

        client(config()).chat(request);

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "model": "gpt-4o-mini",
                          "messages": [
                            {"role": "system", "content": "You answer in one sentence."},
                            {"role": "user", "content": "What is a tollgate?"},
                            {"role": "assistant", "content": "A gate where a toll is paid."},
                            {"role": "user", "content": "And in software?"}
                          ],
                          "temperature": 0.25,
                          "top_p": 0.9,
                          "max_tokens": 64,
                          "stop": ["\\n\\n", "END"],
                          "seed": 1234,
                          "user": "customer-42",
                          "prediction": {"type": "content", "content": "A gate"},
                          "logprobs": true,
                          "top_logprobs": 2,
                          "metadata": {"ticket": "T-1"},
                          "modalities": ["text"],
                          "service_tier": null
                        }
                        """)));
    }

    @Test
    void requestNamingAModel_overridesTheConfiguredModel() {
        answerWith("chat-completion.json");

        client(config()).chat(ChatRequest.builder().user("hi").model("gpt-4.1-nano").build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-nano"))));
    }

    @Test
    void headers_carryBearerKeyJsonTypesOrganizationAndProject() {
        answerWith("chat-completion.json");

        client(config()
                .set("tollgate.providers.openai.organization", "org-7Qp3xWv0kLm2")
                .set("tollgate.providers.openai.project", "proj_Ab12Cd34"))
                .chat(ChatRequest.of("hi"));

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiFixtures.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OpenAI-Organization", equalTo("org-7Qp3xWv0kLm2"))
                .withHeader("OpenAI-Project", equalTo("proj_Ab12Cd34")));
    }

    @Test
    void compatibleServerWithoutKey_getsNoAuthorizationHeader() {
        answerWith("chat-completion.json");
        TestConfig noKey = TestConfig.properties()
                .set("tollgate.providers.vllm.type", "openai")
                .set("tollgate.providers.vllm.base-url", openAi.baseUrl() + "/v1/")
                .set("tollgate.providers.vllm.model", "meta-llama/Llama-3.1-8B-Instruct");

        ChatResponse response = client(noKey).chat(ChatRequest.of("hi"));

        assertThat(response.provider()).isEqualTo("vllm");
        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", absent())
                .withHeader("OpenAI-Organization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("meta-llama/Llama-3.1-8B-Instruct"))));
    }

    @Test
    void maxTokens_isSentAsMaxTokensByDefaultToOtherHosts() {
        answerWith("chat-completion.json");

        client(config()).chat(ChatRequest.builder().user("hi").maxTokens(100).build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 100}
                        """)));
    }

    @Test
    void maxTokens_isSentAsMaxCompletionTokensWhenConfigured() {
        answerWith("chat-completion.json");

        client(config().set("tollgate.providers.openai.max-tokens-field", "max_completion_tokens"))
                .chat(ChatRequest.builder().user("hi").maxTokens(100).build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}],
                         "max_completion_tokens": 100}
                        """)));
    }

    @Test
    void usage_readsCachedAndReasoningTokenDetails() {
        answerWith("chat-completion-reasoning-cached.json");

        ChatResponse response = client(config()).chat(ChatRequest.builder().user("Total?").model("o4-mini").build());

        assertThat(response.model()).isEqualTo("o4-mini-2025-04-16");
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(2006)
                .cachedInputTokens(1920)
                .outputTokens(300)
                .reasoningTokens(192)
                .build());
        assertThat(response.usage().totalTokens()).isEqualTo(2306);
    }

    @Test
    void cost_isPricedFromTheUsageDetails() {
        answerWith("chat-completion-reasoning-cached.json");
        TestConfig priced = config()
                .set("tollgate.pricing.openai.o4-mini.input", "1.1")
                .set("tollgate.pricing.openai.o4-mini.cached-input", "0.275")
                .set("tollgate.pricing.openai.o4-mini.output", "4.4");

        ChatResponse response = client(priced).chat(ChatRequest.builder().user("Total?").model("o4-mini").build());

        // (2006 - 1920) x 1.1 + 1920 x 0.275 + 300 x 4.4, per million tokens
        assertThat(response.cost().isKnown()).isTrue();
        assertThat(response.cost().input()).isEqualByComparingTo("0.0000946");
        assertThat(response.cost().cachedInput()).isEqualByComparingTo("0.000528");
        assertThat(response.cost().output()).isEqualByComparingTo("0.00132");
        assertThat(response.cost().total()).isEqualByComparingTo("0.0019426");
        assertThat(response.cost().currency()).isEqualTo("USD");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "chat-completion.json,                STOP,           stop,           Hello! How can I assist you today?",
        "chat-completion-length.json,         LENGTH,         length,         'Once upon a time, in a land far'",
        "chat-completion-content-filter.json, CONTENT_FILTER, content_filter, ''",
        "chat-completion-tool-calls.json,     TOOL_CALLS,     tool_calls,     ''",
    })
    void finishReason_isNormalisedAndTheRawOneKept(String fixture, FinishReason expected, String raw, String text) {
        answerWith(fixture);

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.usage().isKnown()).isTrue();
    }

    @Test
    void unknownFinishReason_isOtherWithTheRawReason() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.read("chat-completion.json").replace("\"stop\"", "\"eos_token\""))));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(response.rawFinishReason()).contains("eos_token");
        assertThat(response.requestId()).as("no x-request-id header").isEmpty();
    }

    @Test
    void responseWithoutUsage_hasUnknownUsageAndCost() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "cmpl-1", "object": "chat.completion", "created": 1754400000, "model": "local",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"},
                                      "finish_reason": "stop"}]}
                        """)));
        TestConfig priced = config()
                .set("tollgate.pricing.openai.local.input", "1")
                .set("tollgate.pricing.openai.local.output", "1");

        ChatResponse response = client(priced).chat(ChatRequest.of("hi"));

        assertThat(response.usage()).isEqualTo(Usage.unknown());
        assertThat(response.cost().isKnown()).isFalse();
    }

    @Test
    void exchange_isRecordedWithTargetResponseModelAndRequestId() {
        answerWith("chat-completion.json");

        client(config()).chat(ChatRequest.of("Say hello"));

        var record = sink.single();
        assertThat(record.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("openai/gpt-4o-mini");
            assertThat(e.responseModel()).contains("gpt-4o-mini-2024-07-18");
            assertThat(e.requestId()).contains("req_7d5c1b0a9e8f4c3b2a1d0e9f8c7b6a5d");
            assertThat(e.responseId()).contains("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
            assertThat(e.usage()).isEqualTo(Usage.of(19, 10));
            assertThat(e.responseText()).contains("Hello! How can I assist you today?");
        });
    }
}
