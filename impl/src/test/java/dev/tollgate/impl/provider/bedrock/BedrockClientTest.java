package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.MODEL;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.PATH;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.REQUEST_ID;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
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

/** The Converse wire format: the request body, the URL, and how answers are read. */
class BedrockClientTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return BedrockFixtures.config(bedrock.baseUrl());
    }

    private ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    private static void answerWith(String fixture) {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(answer(fixture)));
    }

    @Test
    void plainChat_returnsTextStopReasonUsageAndTheRequestedModel() {
        answerWith("converse.json");

        ChatResponse response = client(config()).chat(ChatRequest.of("Say hello"));

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("end_turn");
        assertThat(response.provider()).isEqualTo("bedrock");
        assertThat(response.model()).as("Converse names no model").isEqualTo(MODEL);
        assertThat(response.responseId()).as("Converse has no response id").isEmpty();
        assertThat(response.requestId()).contains(REQUEST_ID);
        assertThat(response.serviceTier()).isEmpty();
        assertThat(response.usage()).isEqualTo(Usage.of(12, 11));
        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"messages": [{"role": "user", "content": [{"text": "Say hello"}]}]}
                        """)));
    }

    @Test
    void requestBody_putsSystemMessagesInferenceOptionsAndExtrasWhereConverseWantsThem() {
        answerWith("converse.json");
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .system("Never mention money.")
                .user("And in software?")
                .temperature(0.25)
                .topP(0.9)
                .maxTokens(64)
                .stop("\n\nHuman:", "END")
                .extra("top_k", 200)
                .extra("anthropic_beta", List.of("token-efficient-tools-2025-02-19"))
                .extra("guardrailConfig", Map.of("guardrailIdentifier", "gr-7x2k", "guardrailVersion", "1"))
                .extra("performanceConfig", Map.of("latency", "optimized"))
                .extra("requestMetadata", Map.of("ticket", "T-1"))
                .extra("additionalModelResponseFieldPaths", List.of("/stop_sequence"))
                .build();

        client(config()).chat(request);

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "messages": [
                            {"role": "user", "content": [{"text": "What is a tollgate?"}]},
                            {"role": "assistant", "content": [{"text": "A gate where a toll is paid."}]},
                            {"role": "user", "content": [{"text": "And in software?"}]}
                          ],
                          "system": [{"text": "You answer in one sentence."}, {"text": "Never mention money."}],
                          "inferenceConfig": {
                            "maxTokens": 64,
                            "temperature": 0.25,
                            "topP": 0.9,
                            "stopSequences": ["\\n\\nHuman:", "END"]
                          },
                          "guardrailConfig": {"guardrailIdentifier": "gr-7x2k", "guardrailVersion": "1"},
                          "performanceConfig": {"latency": "optimized"},
                          "requestMetadata": {"ticket": "T-1"},
                          "additionalModelResponseFieldPaths": ["/stop_sequence"],
                          "additionalModelRequestFields": {
                            "top_k": 200,
                            "anthropic_beta": ["token-efficient-tools-2025-02-19"]
                          }
                        }
                        """)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "us.anthropic.claude-3-7-sonnet-20250219-v1:0, /model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse",
        "amazon.nova-lite-v1:0,                        /model/amazon.nova-lite-v1%3A0/converse",
        "arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/a1b2c3d4e5f6, "
                + "/model/arn%3Aaws%3Abedrock%3Aeu-central-1%3A123456789012%3Aapplication-inference-profile%2Fa1b2c3d4e5f6/converse",
    })
    void modelId_isOnePercentEncodedPathSegment(String modelId, String path) {
        bedrock.stubFor(post(urlEqualTo(path)).willReturn(answer("converse.json")));

        ChatResponse response = client(config()).chat(ChatRequest.builder().user("hi").model(modelId).build());

        assertThat(response.model()).isEqualTo(modelId);
        bedrock.verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void seed_isRefusedBeforeSending() {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client(config()).chat(ChatRequest.builder().user("hi").seed(7L).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("seed");
        assertThat(bedrock.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest(name = "extra {0}")
    @CsvSource({"inferenceConfig", "messages", "system", "maxTokens", "temperature", "stopSequences",
        "additionalModelRequestFields", "modelId"})
    void extraRepeatingAFieldTollgateWrites_isRefusedBeforeSending(String key) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client(config()).chat(ChatRequest.builder().user("hi").extra(key, 1).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(key);
        assertThat(bedrock.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void promptCacheUsage_isNormalisedSoInputTokensCountCacheReadsAndWrites() {
        answerWith("converse-prompt-cache.json");

        ChatResponse response = client(config()).chat(ChatRequest.of("What is the contract's total?"));

        // Bedrock: inputTokens 206 excludes cacheRead 1800 and cacheWrite 1000 (600 of them for an hour)
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(3006)
                .cachedInputTokens(1800)
                .cacheWriteTokens(1000)
                .cacheWrite1hTokens(600)
                .outputTokens(120)
                .build());
        assertThat(response.usage().totalTokens()).as("Bedrock's own totalTokens").isEqualTo(3126);
        assertThat(response.text()).as("text blocks joined, reasoning left out")
                .isEqualTo("The contract's total is 1,284.50 EUR.");
        assertThat(response.serviceTier()).contains("default");
    }

    @Test
    void cost_pricesCacheReadsWritesAndOneHourWritesApart() {
        answerWith("converse-prompt-cache.json");
        TestConfig priced = config()
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".input", "0.8")
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".cached-input", "0.08")
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".cache-write", "1")
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".cache-write-1h", "1.6")
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".output", "4");

        ChatResponse response = client(priced).chat(ChatRequest.of("What is the contract's total?"));

        // 206 x 0.8 + 1800 x 0.08 + 400 x 1 + 600 x 1.6 + 120 x 4, per million tokens
        assertThat(response.cost().isKnown()).isTrue();
        assertThat(response.cost().total()).isEqualByComparingTo("0.0021488");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "converse.json,                      STOP,           end_turn,             Hello! How can I help you today?",
        "converse-max-tokens.json,           LENGTH,         max_tokens,           'Once upon a time, in a land far'",
        "converse-tool-use.json,             TOOL_CALLS,     tool_use,             Let me look up the weather.",
        "converse-guardrail-intervened.json, CONTENT_FILTER, guardrail_intervened, 'Sorry, the model cannot answer this question.'",
        "converse-content-filtered.json,     CONTENT_FILTER, content_filtered,     ''",
    })
    void stopReason_isNormalisedAndTheRawOneKept(String fixture, FinishReason expected, String raw, String text) {
        answerWith(fixture);

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.usage().isKnown()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"stop_sequence, STOP", "model_context_window_exceeded, LENGTH", "malformed_model_output, OTHER"})
    void otherStopReasons_areNormalised(String raw, FinishReason expected) {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(BedrockFixtures.read("converse.json").replace("\"end_turn\"", "\"" + raw + "\""))));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.requestId()).as("no x-amzn-RequestId header").isEmpty();
    }

    @Test
    void responseWithoutUsage_hasUnknownUsageAndCost() {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"output": {"message": {"role": "assistant", "content": [{"text": "ok"}]}},
                         "stopReason": "end_turn", "metrics": {"latencyMs": 80}}
                        """)));
        TestConfig priced = config()
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".input", "1")
                .set("tollgate.pricing.bedrock.\"" + MODEL + "\".output", "1");

        ChatResponse response = client(priced).chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(response.usage()).isEqualTo(Usage.unknown());
        assertThat(response.cost().isKnown()).isFalse();
    }

    @Test
    void responseWithoutOutputMessage_isAnInvalidResponse() {
        answerWith("converse-no-output.json");

        LlmException e = catchThrowableOfType(LlmException.class, () -> client(config()).chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e.getMessage()).contains("no output message");
    }

    @Test
    void truncatedBody_isAnInvalidResponse() {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", REQUEST_ID)
                .withBody("{\"output\": {\"message\": {\"role\": \"assistant\", \"content\": [{\"text\": \"Hel")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client(config()).chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.requestId()).contains(REQUEST_ID);
    }

    @Test
    void exchange_isRecordedWithTargetUsageAndRequestId() {
        answerWith("converse-prompt-cache.json");

        client(config()).chat(ChatRequest.of("What is the contract's total?"));

        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("bedrock/" + MODEL);
            assertThat(e.responseModel()).contains(MODEL);
            assertThat(e.requestId()).contains(REQUEST_ID);
            assertThat(e.usage().cachedInputTokens()).isEqualTo(1800);
            assertThat(e.responseText()).contains("The contract's total is 1,284.50 EUR.");
        });
    }
}
