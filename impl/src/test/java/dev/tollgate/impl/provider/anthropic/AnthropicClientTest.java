package dev.tollgate.impl.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.API_KEY;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the client sends to the Messages API and how it reads the answers. */
class AnthropicClientTest {
    private static final String REQUEST_ID = "req_011CSHoEeqs5C35K2UUqR7Fy";

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return AnthropicFixtures.config(anthropic.baseUrl());
    }

    private ChatClient client(TestConfig config) {
        return AnthropicFixtures.client(config, sink);
    }

    private static void answerWith(String fixture) {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(AnthropicFixtures.response(200, fixture, REQUEST_ID)));
    }

    private ChatResponse chat(ChatRequest request) {
        return client(config()).chat(request);
    }

    @Test
    void plainChat_returnsTextModelIdsUsageAndServiceTier() {
        answerWith("message.json");

        ChatResponse response = chat(ChatRequest.of("Say hello"));

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("end_turn");
        assertThat(response.provider()).isEqualTo("claude");
        assertThat(response.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(response.responseId()).contains("msg_01XFDUDYJgAACzvnptvVoYEL");
        assertThat(response.requestId()).contains(REQUEST_ID);
        assertThat(response.serviceTier()).contains("standard");
        assertThat(response.usage()).isEqualTo(Usage.of(12, 11));
        assertThat(response.cost().isKnown()).as("no price is configured").isFalse();
    }

    @Test
    void plainRequest_hasModelDefaultMaxTokensAndUserMessageOnly() {
        answerWith("message.json");

        chat(ChatRequest.of("Say hello"));

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-5", "max_tokens": 4096,
                         "messages": [{"role": "user", "content": "Say hello"}]}
                        """)));
    }

    @Test
    void headers_carryApiKeyVersionAndJsonTypes_andNoBetaUnlessConfigured() {
        answerWith("message.json");

        chat(ChatRequest.of("hi"));

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withHeader("anthropic-beta", absent()));
    }

    @Test
    void versionAndBetaProperties_areSentAsTheirHeaders() {
        answerWith("message.json");

        client(config()
                .set("tollgate.providers.claude.version", "2024-10-22")
                .set("tollgate.providers.claude.beta", "context-1m-2025-08-07,extended-cache-ttl-2025-04-11"))
                .chat(ChatRequest.of("hi"));

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("anthropic-version", equalTo("2024-10-22"))
                .withHeader("anthropic-beta", equalTo("context-1m-2025-08-07,extended-cache-ttl-2025-04-11")));
    }

    @Test
    void requestBody_putsSystemMessagesAtTopLevelAndMapsEveryOption() {
        answerWith("message.json");
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .system("Never mention prices.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .user("And in software?")
                .temperature(0.25)
                .topP(0.9)
                .maxTokens(64)
                .stop("\n\n", "END")
                .extra("top_k", 40)
                .extra("metadata", Map.of("user_id", "customer-42"))
                .extra("thinking", Map.of("type", "enabled", "budget_tokens", 1024))
                .extra("tool_choice", null)
                .extra("service_tier", "auto")
                .build();

        chat(request);

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "model": "claude-sonnet-4-5",
                          "max_tokens": 64,
                          "system": "You answer in one sentence.\\n\\nNever mention prices.",
                          "messages": [
                            {"role": "user", "content": "What is a tollgate?"},
                            {"role": "assistant", "content": "A gate where a toll is paid."},
                            {"role": "user", "content": "And in software?"}
                          ],
                          "temperature": 0.25,
                          "top_p": 0.9,
                          "stop_sequences": ["\\n\\n", "END"],
                          "top_k": 40,
                          "metadata": {"user_id": "customer-42"},
                          "thinking": {"type": "enabled", "budget_tokens": 1024},
                          "tool_choice": null,
                          "service_tier": "auto"
                        }
                        """)));
    }

    @Test
    void maxTokensProperty_isSentWhenTheRequestSetsNone() {
        answerWith("message.json");

        client(config().set("tollgate.providers.claude.max-tokens", "1024")).chat(ChatRequest.of("hi"));

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("1024"))));
    }

    @Test
    void requestMaxTokens_winsOverTheProperty() {
        answerWith("message.json");

        client(config().set("tollgate.providers.claude.max-tokens", "1024"))
                .chat(ChatRequest.builder().user("hi").maxTokens(50).build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("50"))));
    }

    @Test
    void requestNamingAModel_overridesTheConfiguredModel() {
        answerWith("message.json");

        chat(ChatRequest.builder().user("hi").model("claude-haiku-4-5").build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5"))));
    }

    @Test
    void gatewayWithoutApiKey_getsNoApiKeyHeader() {
        answerWith("message.json");
        TestConfig gateway = TestConfig.properties()
                .set("tollgate.providers.gateway.type", "anthropic")
                .set("tollgate.providers.gateway.base-url", anthropic.baseUrl() + "/")
                .set("tollgate.providers.gateway.model", "claude-sonnet-4-5");

        ChatResponse response = client(gateway).chat(ChatRequest.of("hi"));

        assertThat(response.provider()).isEqualTo("gateway");
        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-api-key", absent())
                .withHeader("anthropic-version", equalTo("2023-06-01")));
    }

    @Test
    void seed_isRefusedBeforeSending() {
        LlmException e = refusal(ChatRequest.builder().user("hi").seed(7L).build());

        assertThat(e.getMessage()).contains("seed");
    }

    @Test
    void systemMessageAfterTheConversationStarted_isRefusedBeforeSending() {
        LlmException e = refusal(ChatRequest.builder().user("hi").system("Be brief.").build());

        assertThat(e.getMessage()).contains("system messages only at the start");
    }

    @Test
    void onlySystemMessages_areRefusedBeforeSending() {
        LlmException e = refusal(ChatRequest.builder().system("Be brief.").build());

        assertThat(e.getMessage()).contains("at least one user or assistant message");
    }

    @ParameterizedTest
    @CsvSource({"system", "stop_sequences", "max_tokens", "messages", "top_p", "stream", "tools"})
    void extraRepeatingATypedField_isRefusedBeforeSending(String field) {
        LlmException e = refusal(ChatRequest.builder().user("hi").extra(field, "x").build());

        assertThat(e.getMessage()).contains(field);
    }

    @Test
    void extraOfAnUnsupportedType_isRefusedBeforeSending() {
        refusal(ChatRequest.builder().user("hi").extra("when", Instant.EPOCH).build());
    }

    private LlmException refusal(ChatRequest request) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> chat(request));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.provider()).contains("claude");
        assertThat(anthropic.getAllServeEvents()).as("nothing was sent").isEmpty();
        return e;
    }

    @Test
    void usage_countsCacheReadsAndWritesAsInput_withTheOneHourWritesApart() {
        answerWith("message-cached.json");

        ChatResponse response = chat(ChatRequest.of("When does the contract renew?"));

        // 106 uncached + 1800 read from the cache + 500 written to it (300 for 5 minutes, 200 for an hour)
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(2406)
                .cachedInputTokens(1800)
                .cacheWriteTokens(500)
                .cacheWrite1hTokens(200)
                .outputTokens(320)
                .build());
        assertThat(response.usage().totalTokens()).isEqualTo(2726);
        assertThat(response.serviceTier()).contains("priority");
    }

    @Test
    void usageWithoutTheCacheBreakdown_countsEveryWriteAsFiveMinutes() {
        answerWith("message-legacy-usage.json");

        ChatResponse response = chat(ChatRequest.of("Capital of France?"));

        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(1049)
                .cacheWriteTokens(1024)
                .outputTokens(4)
                .build());
        assertThat(response.serviceTier()).isEmpty();
    }

    @Test
    void cost_pricesCacheReadsAndBothKindsOfCacheWrites() {
        answerWith("message-cached.json");
        TestConfig priced = config()
                .set("tollgate.pricing.claude.claude-sonnet-4-5.input", "3")
                .set("tollgate.pricing.claude.claude-sonnet-4-5.cached-input", "0.3")
                .set("tollgate.pricing.claude.claude-sonnet-4-5.cache-write", "3.75")
                .set("tollgate.pricing.claude.claude-sonnet-4-5.cache-write-1h", "6")
                .set("tollgate.pricing.claude.claude-sonnet-4-5.output", "15");

        ChatResponse response = client(priced).chat(ChatRequest.of("When does the contract renew?"));

        // per million tokens: 106 x 3 + 1800 x 0.3 + 300 x 3.75 + 200 x 6 + 320 x 15
        assertThat(response.cost().isKnown()).isTrue();
        assertThat(response.cost().input()).isEqualByComparingTo("0.000318");
        assertThat(response.cost().cachedInput()).isEqualByComparingTo("0.00054");
        assertThat(response.cost().cacheWrite()).isEqualByComparingTo("0.002325");
        assertThat(response.cost().output()).isEqualByComparingTo("0.0048");
        assertThat(response.cost().total()).isEqualByComparingTo("0.0079830");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "message.json,               STOP,           end_turn,      Hello! How can I help you today?",
        "message-stop-sequence.json, STOP,           stop_sequence, '1. Apples\n2. Pears\n'",
        "message-max-tokens.json,    LENGTH,         max_tokens,    'Once upon a time, in a land far'",
        "message-refusal.json,       CONTENT_FILTER, refusal,       Hello..",
        "message-tool-use.json,      TOOL_CALLS,     tool_use,      I'll check the weather in San Francisco.",
    })
    void finishReason_isNormalisedAndTheRawOneKept(String fixture, FinishReason expected, String raw, String text) {
        answerWith(fixture);

        ChatResponse response = chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.text()).isEqualTo(text);
        assertThat(response.usage().isKnown()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "model_context_window_exceeded, LENGTH",
        "pause_turn,                    OTHER",
        "a_reason_from_the_future,      OTHER",
    })
    void otherStopReasons_areNormalisedAndKept(String raw, FinishReason expected) {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(AnthropicFixtures.read("message.json").replace("\"end_turn\"", "\"" + raw + "\""))));

        ChatResponse response = chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.requestId()).as("no request-id header").isEmpty();
    }

    @Test
    void thinkingBlocks_areSkippedAndTextBlocksJoined() {
        answerWith("message-thinking.json");

        ChatResponse response = chat(ChatRequest.of("27 * 453?"));

        assertThat(response.text()).isEqualTo("27 × 453 = 12,231.");
        assertThat(response.usage()).as("thinking is counted in the output").isEqualTo(Usage.of(46, 212));
        assertThat(response.usage().reasoningTokens()).isZero();
    }

    @Test
    void responseWithoutUsage_hasUnknownUsageAndCost() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                         "content": [{"type": "text", "text": "ok"}], "stop_reason": "end_turn", "stop_sequence": null}
                        """)));
        TestConfig priced = config()
                .set("tollgate.pricing.claude.claude-sonnet-4-5.input", "3")
                .set("tollgate.pricing.claude.claude-sonnet-4-5.output", "15");

        ChatResponse response = client(priced).chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(response.usage()).isEqualTo(Usage.unknown());
        assertThat(response.cost().isKnown()).isFalse();
    }

    @Test
    void exchange_isRecordedWithTargetResponseModelAndRequestId() {
        answerWith("message-cached.json");

        chat(ChatRequest.of("When does the contract renew?"));

        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("claude/claude-sonnet-4-5");
            assertThat(e.responseModel()).contains("claude-sonnet-4-5-20250929");
            assertThat(e.requestId()).contains(REQUEST_ID);
            assertThat(e.responseId()).contains("msg_01Pbn3V9Kq8Z2fD7WmXyT4aR");
            assertThat(e.usage().cacheWrite1hTokens()).isEqualTo(200);
            assertThat(e.responseText()).contains("The contract renews on 1 March unless either party gives notice.");
        });
    }

    @Test
    void multiTurnConversation_keepsRolesAndOrder() {
        answerWith("message.json");

        client(config()).chat(ChatRequest.builder()
                .messages(List.of(Message.user("Hi"), Message.assistant("Hello."), Message.user("Again")))
                .build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.system", absent()))
                .withRequestBody(equalToJson("""
                        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."},
                                      {"role": "user", "content": "Again"}]}
                        """, true, true)));
    }
}
