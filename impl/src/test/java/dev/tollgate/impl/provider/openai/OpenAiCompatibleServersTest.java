package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code type=openai} makes of the answers of OpenAI-compatible servers, each in the shape the
 * server sends: vLLM, llama.cpp's server, Groq and OpenRouter.
 */
class OpenAiCompatibleServersTest {
    private static final String PATH = "/api/v1/chat/completions";
    private static final String KEY = "sk-or-v1-3f9a1c7e5b2d4f6a8c0e2b4d6f8a0c2e";

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return TestConfig.properties()
                .set("tollgate.providers.compat.type", "openai")
                .set("tollgate.providers.compat.base-url", server.baseUrl() + "/api/v1")
                .set("tollgate.providers.compat.api-key", KEY)
                .set("tollgate.providers.compat.model", "served-model")
                .set("tollgate.providers.compat.timeout", "5s");
    }

    private ChatResponse answerTo(String body, TestConfig config) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient().chat(ChatRequest.of("hi"));
    }

    private ChatResponse answerWith(String fixture) {
        return answerTo(OpenAiFixtures.read(fixture), config());
    }

    @Test
    void vllmAnswer_withNullDetailsAndNullServiceTier_isRead() {
        ChatResponse response = answerWith("vllm-chat-completion.json");

        assertThat(response.text()).isEqualTo("A tollgate is a barrier where a fee is paid.");
        assertThat(response.model()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
        assertThat(response.usage()).isEqualTo(Usage.of(27, 13));
        assertThat(response.serviceTier()).isEmpty();
        assertThat(response.cost().isReported()).isFalse();
    }

    @Test
    void nullUsage_leavesUsageUnknown() {
        String body = OpenAiFixtures.read("vllm-chat-completion.json")
                .replaceFirst("(?s)\"usage\": \\{.*?\\}", "\"usage\": null");

        ChatResponse response = answerTo(body, config());

        assertThat(body).contains("\"usage\": null");
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.text()).startsWith("A tollgate");
    }

    @Test
    void llamaCppAnswer_withTimingsAndNoId_isRead() {
        ChatResponse response = answerWith("llamacpp-chat-completion.json");

        assertThat(response.usage()).isEqualTo(Usage.of(31, 10));
        assertThat(response.usage().cachedInputTokens()).as("timings.cache_n is not a billed cache read").isZero();
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.responseId()).contains("chatcmpl-Jq3oHkX0rV8Yw2mTn5sLbE1aZc7dPfG4");
    }

    @Test
    void groqAnswer_withQueueTimeAndXGroq_isRead_andItsServiceTierKept() {
        ChatResponse response = answerWith("groq-chat-completion.json");

        assertThat(response.usage()).isEqualTo(Usage.of(18, 9));
        assertThat(response.serviceTier()).contains("on_demand");
        assertThat(response.text()).isEqualTo("A tollgate collects a fee for passage.");
    }

    @Test
    void openRouterUsage_isNormalisedWithCacheReadsWritesAndReasoning() {
        ChatResponse response = answerWith("openrouter-chat-completion.json");

        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(2406)
                .cachedInputTokens(1800)
                .cacheWriteTokens(500)
                .outputTokens(320)
                .reasoningTokens(120)
                .build());
        assertThat(response.model()).isEqualTo("anthropic/claude-sonnet-4");
    }

    @Test
    void openRouterCost_isTheReportedCost_evenWhereAPriceIsConfigured() {
        TestConfig priced = config()
                .set("tollgate.pricing.compat.served-model.input", "100")
                .set("tollgate.pricing.compat.served-model.output", "100");

        ChatResponse response = answerTo(OpenAiFixtures.read("openrouter-chat-completion.json"), priced);

        assertThat(response.cost().isReported()).isTrue();
        assertThat(response.cost().isKnown()).isTrue();
        assertThat(response.cost().total()).isEqualByComparingTo("0.007533");
        assertThat(response.cost().currency()).isEqualTo("USD");
        assertThat(sink.single().exchanges().get(0).cost()).isEqualTo(response.cost());
        assertThat(sink.single().cost().total()).isEqualByComparingTo("0.007533");
    }

    @Test
    void openRouterCostWithTheCallersOwnKey_addsWhatTheProviderCharged() {
        ChatResponse response = answerWith("openrouter-chat-completion-byok.json");

        // the OpenRouter fee 0.00000028 plus the upstream inference cost 0.0000057
        assertThat(response.cost().total()).isEqualByComparingTo("0.00000598");
        assertThat(response.cost().isReported()).isTrue();
    }

    @Test
    void openRouterErrorInA200Body_isATransientInvalidResponseWithItsMessage() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.read("openrouter-200-error.json"))));
        ChatClient client = Tollgate.builder(config().build()).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.getMessage()).contains("502 Provider returned error");
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "400, openrouter-error-400-invalid-model.json, MODEL_NOT_FOUND",
        "402, openrouter-error-402-credits.json,       QUOTA_EXCEEDED",
        "403, openrouter-error-403-moderation.json,    CONTENT_FILTERED",
        "429, openrouter-error-429-upstream.json,      RATE_LIMITED",
    })
    void openRouterError_isMappedToItsCategory(int status, String fixture, ErrorCategory category) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(OpenAiFixtures.read(fixture))));
        ChatClient client = Tollgate.builder(config().build()).build().chatClient();

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.providerErrorCode()).contains(String.valueOf(status));
        assertThat(e.providerMessage()).isPresent();
    }

    @Test
    void openRouterAttribution_isSentAsRefererAndTitleHeaders() {
        answerTo(OpenAiFixtures.read("openrouter-chat-completion.json"), config()
                .set("tollgate.providers.compat.referer", "https://invoices.example.com")
                .set("tollgate.providers.compat.title", "Invoice Desk"));

        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("HTTP-Referer", equalTo("https://invoices.example.com"))
                .withHeader("X-Title", equalTo("Invoice Desk")));
    }

    @Test
    void withoutAttribution_noRefererOrTitleIsSent() {
        answerWith("openrouter-chat-completion.json");

        server.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("HTTP-Referer", absent())
                .withHeader("X-Title", absent()));
    }

    private StreamedAnswer streamed(String fixture, TestConfig config) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(OpenAiFixtures.read(fixture))));
        return StreamedAnswer.read(Tollgate.builder(config.build()).recordSink(sink).build().chatClient()
                .stream(ChatRequest.of("hi")));
    }

    @Test
    void openRouterStream_skipsItsProcessingCommentsAndReportsItsUsageAndCost() {
        TestConfig priced = config()
                .set("tollgate.pricing.compat.served-model.input", "100")
                .set("tollgate.pricing.compat.served-model.output", "100");

        StreamedAnswer answer = streamed("openrouter-stream.txt", priced);

        assertThat(answer.failure()).isNull();
        assertThat(answer.pieces()).containsExactly("The contract", " renews on 1 March.");
        ChatResponse response = answer.response();
        assertThat(response.finishReason()).as("the usage chunk's null finish keeps the earlier one")
                .isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(2406).cachedInputTokens(1800).cacheWriteTokens(500)
                .outputTokens(320).reasoningTokens(120).build());
        assertThat(response.cost().isReported()).isTrue();
        assertThat(response.cost().total()).isEqualByComparingTo("0.007533");
        assertThat(response.responseId()).contains("gen-1754400700-Rt5Yu7Io9Pa1Sd3Fg5Hj");
        assertThat(sink.single().cost().total()).isEqualByComparingTo("0.007533");
    }

    @Test
    void openRouterErrorMidStream_isClassifiedByItsCode() {
        StreamedAnswer answer = streamed("openrouter-stream-error.txt", config());

        assertThat(answer.pieces()).containsExactly("The contract");
        assertThat(answer.failure().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(answer.failure().providerErrorCode()).contains("429");
        assertThat(answer.failure().providerMessage()).contains("Provider returned error");
        assertThat(answer.failure().provider()).contains("compat");
    }

    @Test
    void vllmErrorObjectMidStream_isClassifiedByItsMessage() {
        StreamedAnswer answer = streamed("vllm-stream-error.txt", config());

        assertThat(answer.pieces()).containsExactly("Sure");
        assertThat(answer.failure().category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
        assertThat(answer.failure().providerErrorCode()).contains("400");
        assertThat(answer.failure().providerMessage().orElseThrow()).startsWith("This model's maximum context length");
    }

    @Test
    void errorEventQuotingTheKey_masksIt() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(
                "data: {\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\", \"type\": "
                        + "\"invalid_request_error\", \"code\": \"invalid_api_key\"}}\n\n")));

        StreamedAnswer answer = StreamedAnswer.read(Tollgate.builder(config().build()).build().chatClient()
                .stream(ChatRequest.of("hi")));

        assertThat(answer.failure().providerMessage().orElseThrow()).doesNotContain(KEY).contains("***");
        assertThat(answer.failure().toString()).doesNotContain(KEY);
    }
}
