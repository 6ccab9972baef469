package dev.tollgate.impl.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestRecordSink;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Streamed answers of the Messages API: events to text, usage, finish reason, tool calls, failures. */
class AnthropicStreamTest {
    private static final String REQUEST_ID = "req_011CUz7pXk3Fq9WvR2nLm5Td";

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client() {
        return AnthropicFixtures.client(AnthropicFixtures.config(anthropic.baseUrl()), sink);
    }

    private static void streamWith(String events) {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(AnthropicFixtures.eventStream(events, REQUEST_ID)));
    }

    /** Reads a whole stream: its pieces and its response. */
    private record Streamed(List<String> pieces, ChatResponse response) {
    }

    private Streamed stream(ChatRequest request) {
        List<String> pieces = new ArrayList<>();
        try (ChatStream stream = client().stream(request)) {
            stream.forEach(c -> pieces.add(c.text()));
            return new Streamed(pieces, stream.response().toCompletableFuture().join());
        }
    }

    @Test
    void stream_deliversEachTextDeltaWithIdsModelFinishAndTheFinalUsage() {
        streamWith(AnthropicFixtures.read("stream.sse"));

        Streamed streamed = stream(ChatRequest.of("Say hello"));

        assertThat(streamed.pieces()).containsExactly("Hello", "!", " How can I help you today?");
        ChatResponse response = streamed.response();
        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("end_turn");
        assertThat(response.usage()).isEqualTo(Usage.of(25, 15));
        assertThat(response.model()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(response.responseId()).contains("msg_01HCDu5LRGeP2o7s2xGmxyx8");
        assertThat(response.requestId()).contains(REQUEST_ID);
        assertThat(response.serviceTier()).contains("standard");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage()).isEqualTo(Usage.of(25, 15)));
    }

    @Test
    void streamRequest_isTheChatRequestWithStreamTrue_acceptingEvents() {
        streamWith(AnthropicFixtures.read("stream.sse"));

        stream(ChatRequest.builder().system("Be brief.").user("Say hello").maxTokens(256).build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-5", "max_tokens": 256, "system": "Be brief.",
                         "messages": [{"role": "user", "content": "Say hello"}], "stream": true}
                        """)));
    }

    @Test
    void streamedUsage_countsCacheReadsAndWritesOnce_whenMessageDeltaRepeatsThem() {
        streamWith(AnthropicFixtures.read("stream-cached.sse"));

        ChatResponse response = stream(ChatRequest.of("When does the contract renew?")).response();

        assertThat(response.text()).isEqualTo("The contract renews on 1 March unless either party gives notice.");
        assertThat(response.usage()).isEqualTo(cachedUsage());
        assertThat(response.serviceTier()).contains("priority");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"output_tokens\":320}",
        "{\"input_tokens\":null,\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":null,"
                + "\"output_tokens\":320,\"server_tool_use\":null}",
    })
    void streamedUsage_keepsTheInputCountsOfMessageStart_whenMessageDeltaLeavesThemOut(String deltaUsage) {
        String events = AnthropicFixtures.read("stream-cached.sse").replace(
                "{\"input_tokens\":106,\"cache_creation_input_tokens\":500,\"cache_read_input_tokens\":1800,"
                        + "\"output_tokens\":320}", deltaUsage);
        assertThat(events).contains(deltaUsage);
        streamWith(events);

        ChatResponse response = stream(ChatRequest.of("When does the contract renew?")).response();

        assertThat(response.usage()).isEqualTo(cachedUsage());
    }

    private static Usage cachedUsage() {
        // 106 uncached + 1800 read from the cache + 500 written to it (200 of them for an hour)
        return Usage.builder().inputTokens(2406).cachedInputTokens(1800).cacheWriteTokens(500)
                .cacheWrite1hTokens(200).outputTokens(320).build();
    }

    @Test
    void streamClosedEarly_reportsTheInputOfMessageStartAsAPartialUsage() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(
                AnthropicFixtures.eventStream(AnthropicFixtures.read("stream.sse"), REQUEST_ID)
                        .withChunkedDribbleDelay(12, 3000)));

        ChatStream stream = client().stream(ChatRequest.of("Say hello"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = stream.response().toCompletableFuture().join();

        assertThat(first).isEqualTo("Hello");
        assertThat(response.text()).isEqualTo("Hello");
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.usage().inputTokens()).isEqualTo(25);
        assertThat(response.finishReason()).as("the model was not done").isEqualTo(FinishReason.OTHER);
        assertThat(response.responseId()).contains("msg_01HCDu5LRGeP2o7s2xGmxyx8");
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage().inputTokens()).isEqualTo(25));
    }

    @Test
    void streamEndingWithoutAFinalUsage_keepsTheUsageOfMessageStartAsPartial() {
        String events = AnthropicFixtures.read("stream.sse").replace(",\"usage\":{\"output_tokens\":15}", "");
        assertThat(events).doesNotContain("\"output_tokens\":15");
        streamWith(events);

        ChatResponse response = stream(ChatRequest.of("Say hello")).response();

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage().isKnown()).as("the output was never reported in full").isFalse();
        assertThat(response.usage().inputTokens()).isEqualTo(25);
    }

    @Test
    void streamEndingWithoutMessageStop_failsAsAnInvalidResponseAfterItsText() {
        streamWith(AnthropicFixtures.read("stream-truncated.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon", " a time");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("ended before");
        assertThat(failed.failure().requestId()).contains(REQUEST_ID);
    }

    @Test
    void eventThatIsNotJson_failsAsAnInvalidResponseAfterTheTextBeforeIt() {
        streamWith(AnthropicFixtures.read("stream-malformed.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void overloadedErrorEventMidStream_isATransientOverloadWithTheProvidersWords() {
        streamWith(AnthropicFixtures.read("stream-overloaded.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        LlmException e = failed.failure();
        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.providerErrorCode()).contains("overloaded_error");
        assertThat(e.providerMessage()).contains("Overloaded");
        assertThat(e.provider()).contains("claude");
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e.httpStatus()).as("the stream began with 200; the error came without a status").isEmpty();
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(x -> assertThat(x.error()).isPresent());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "error-500-api.json,               SERVER_ERROR",
        "error-429-rate-limit.json,        RATE_LIMITED",
        "error-504-timeout.json,           TIMEOUT",
        "error-400-invalid-request.json,   INVALID_REQUEST",
        "error-400-prompt-too-long.json,   CONTEXT_LENGTH_EXCEEDED",
        "error-402-billing.json,           QUOTA_EXCEEDED",
        "error-401-authentication.json,    AUTHENTICATION",
    })
    void errorEventMidStream_isTheFailureItsTypeMeans(String errorBody, ErrorCategory expected) {
        String data = AnthropicFixtures.read(errorBody).strip().lines()
                .map(line -> "data: " + line).collect(Collectors.joining("\n"));
        streamWith(AnthropicFixtures.read("stream-truncated.sse") + "event: error\n" + data + "\n\n");

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon", " a time");
        assertThat(failed.failure().category()).isEqualTo(expected);
    }

    @Test
    void errorEventOfAnUnknownType_isAServerError() {
        streamWith(AnthropicFixtures.read("stream-truncated.sse") + "event: error\n"
                + "data: {\"type\": \"error\","
                + " \"error\": {\"type\": \"brand_new_error\", \"message\": \"Try later\"}}\n\n");

        LlmException e = failedStream().failure();

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerErrorCode()).contains("brand_new_error");
    }

    /** What a stream delivered before it failed, and how it failed. */
    private record Failed(List<String> pieces, LlmException failure) {
    }

    private Failed failedStream() {
        List<String> pieces = new ArrayList<>();
        ChatStream stream = client().stream(ChatRequest.of("Tell me a story"));
        LlmException e = catchThrowableOfType(LlmException.class, () -> stream.forEach(c -> pieces.add(c.text())));
        assertThat(e).as("the stream fails").isNotNull();
        CompletionException recorded = catchThrowableOfType(CompletionException.class,
                () -> stream.response().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join());
        assertThat(recorded.getCause()).isSameAs(e);
        return new Failed(pieces, e);
    }

    @Test
    void pingThinkingAndUnknownEvents_addNoText() {
        streamWith(AnthropicFixtures.read("stream-thinking.sse").replace("event: message_delta",
                "event: content_block_hint\ndata: {\"type\":\"content_block_hint\",\"index\":1}\n\n"
                        + "event: message_delta"));

        Streamed streamed = stream(ChatRequest.of("27 * 453?"));

        assertThat(streamed.pieces()).containsExactly("27 × 453 = ", "12,231.");
        assertThat(streamed.response().usage()).as("thinking is counted in the output").isEqualTo(Usage.of(46, 212));
    }

    @Test
    void streamedToolUse_becomesToolCallsWithCompactArguments() {
        streamWith(AnthropicFixtures.read("stream-tool-use.sse"));

        Streamed streamed = stream(ChatRequest.of("What is the weather like in San Francisco?"));

        assertThat(String.join("", streamed.pieces()))
                .isEqualTo("Okay, let's check the weather for San Francisco, CA:");
        ChatResponse response = streamed.response();
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("tool_use");
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather",
                        "{\"location\":\"San Francisco, CA\",\"unit\":\"fahrenheit\"}"),
                new ToolCall("toolu_01Ux7bLk2Fq9TzR4wVnC3mHd", "get_time", "{}"));
        assertThat(response.usage()).isEqualTo(Usage.of(472, 89));
    }

    @Test
    void toolInputThatIsNotJson_failsTheStream() {
        streamWith(AnthropicFixtures.read("stream-tool-use.sse").replace("renheit\\\"}", "renheit\\\""));

        assertThat(failedStream().failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void streamedStructuredAnswer_isTheTextOfTheStream_notAToolCall() {
        streamWith(AnthropicFixtures.read("stream-structured.sse"));
        ChatRequest request = ChatRequest.builder().user("Is this spam?")
                .responseFormat(ResponseFormat.jsonSchema("Verdict", Json.createObjectBuilder()
                        .add("type", "object").build()))
                .build();

        Streamed streamed = stream(request);

        assertThat(streamed.pieces()).containsExactly("{\"label\": \"sp", "am\", \"confidence\": 0.9}");
        ChatResponse response = streamed.response();
        assertThat(response.text()).isEqualTo("{\"label\": \"spam\", \"confidence\": 0.9}");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("tool_use");
        assertThat(response.toolCalls()).isEmpty();
        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"tool_choice": {"type": "tool", "name": "Verdict"}, "stream": true}
                """, true, true)));
    }

    @Test
    void connectionBrokenMidStream_isANetworkFailure_notACancellation() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        LlmException e = catchThrowableOfType(LlmException.class, () -> {
            try (ChatStream stream = client().stream(ChatRequest.of("Tell me a story"))) {
                stream.forEach(c -> { });
            }
        });

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.provider()).contains("claude");
        // the fault may surface while the stream opens or after: both are the same broken connection
        assertThat(e.getMessage()).containsAnyOf("the stream broke", "connection failed");
    }

    @Test
    void errorStatusBeforeTheStream_isClassifiedAsForAChat() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(
                AnthropicFixtures.response(529, "error-529-overloaded.json", REQUEST_ID)));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().stream(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(e.httpStatus()).hasValue(529);
        assertThat(e.providerErrorCode()).contains("overloaded_error");
        assertThat(e.requestId()).contains(REQUEST_ID);
    }

    @Test
    void unsupportedOption_isRefusedBeforeTheStreamIsOpened() {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client().stream(ChatRequest.builder().user("hi").seed(3L).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(anthropic.getAllServeEvents()).isEmpty();
    }
}
