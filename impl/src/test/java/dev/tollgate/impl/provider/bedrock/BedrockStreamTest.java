package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.MODEL;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.REQUEST_ID;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SECRET_ACCESS_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.STREAM_PATH;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.answer;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.blockStop;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.exception;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.messageStart;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.messageStop;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.metadata;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.text;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.toolInput;
import static dev.tollgate.impl.provider.bedrock.BedrockStreams.toolStart;
import static dev.tollgate.impl.stream.TestEventStreams.concat;
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
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.stream.TestEventStreams;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.eventstream.HeaderValue;

/** ConverseStream: AWS event stream messages to text, usage, finish reason, tool calls and failures. */
class BedrockStreamTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    private ChatClient client() {
        return client(BedrockFixtures.config(bedrock.baseUrl()));
    }

    private static void streamWith(byte[] messages) {
        bedrock.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(BedrockFixtures.eventStream(messages)));
    }

    /** A whole stream: its pieces and its response. */
    private record Streamed(List<String> pieces, ChatResponse response) {
    }

    private Streamed stream(ChatRequest request) {
        List<String> pieces = new ArrayList<>();
        try (ChatStream stream = client().stream(request)) {
            stream.forEach(c -> pieces.add(c.text()));
            return new Streamed(pieces, stream.response().toCompletableFuture().join());
        }
    }

    /** A stream that failed: the pieces before the failure, and the failure. */
    private record Failed(List<String> pieces, LlmException failure) {
    }

    private Failed failedStream() {
        List<String> pieces = new ArrayList<>();
        LlmException failure = catchThrowableOfType(LlmException.class, () -> {
            try (ChatStream stream = client().stream(ChatRequest.of("Tell me a story"))) {
                stream.forEach(c -> pieces.add(c.text()));
            }
        });
        assertThat(failure).as("the stream fails").isNotNull();
        return new Failed(pieces, failure);
    }

    @Test
    void stream_deliversEachTextDeltaWithTheStopReasonUsageAndRequestId() {
        streamWith(answer("Hello", "! How can", " I help you today?"));

        Streamed streamed = stream(ChatRequest.of("Say hello"));

        assertThat(streamed.pieces()).containsExactly("Hello", "! How can", " I help you today?");
        ChatResponse response = streamed.response();
        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("end_turn");
        assertThat(response.usage()).isEqualTo(Usage.of(12, 5));
        assertThat(response.model()).isEqualTo(MODEL);
        assertThat(response.requestId()).contains(REQUEST_ID);
        assertThat(response.toolCalls()).isEmpty();
        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.usage()).isEqualTo(Usage.of(12, 5));
            assertThat(e.requestId()).contains(REQUEST_ID);
        });
    }

    @Test
    void streamRequest_isTheConverseBodySignedForConverseStream_acceptingAnEventStream() {
        streamWith(answer("Hi"));

        stream(ChatRequest.builder().system("Be brief.").user("Say hello").maxTokens(256).build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(STREAM_PATH))
                .withHeader("Accept", equalTo("application/vnd.amazon.eventstream"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/[0-9]{8}/"
                        + "eu-central-1/bedrock/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}"))
                .withRequestBody(equalToJson("""
                        {"messages": [{"role": "user", "content": [{"text": "Say hello"}]}],
                         "system": [{"text": "Be brief."}],
                         "inferenceConfig": {"maxTokens": 256}}
                        """)));
    }

    @Test
    void streamedUsage_isNormalisedLikeConverse_withCacheReadsAndWritesInTheInput() {
        streamWith(concat(messageStart(), text(0, "The total is 1,284.50 EUR."), blockStop(0), messageStop("end_turn"),
                metadata("""
                        {"inputTokens":106,"outputTokens":320,"totalTokens":2726,"cacheReadInputTokens":1800,
                         "cacheWriteInputTokens":500,"cacheDetails":[{"ttl":"5m","inputTokens":300},
                         {"ttl":"1h","inputTokens":200}]}""")));

        ChatResponse response = stream(ChatRequest.of("What is the contract's total?")).response();

        assertThat(response.usage()).isEqualTo(Usage.builder().inputTokens(2406).cachedInputTokens(1800)
                .cacheWriteTokens(500).cacheWrite1hTokens(200).outputTokens(320).build());
        assertThat(response.usage().totalTokens()).as("Bedrock's own totalTokens").isEqualTo(2726);
    }

    @Test
    void streamClosedEarly_completesWithTheTextReadAndAnUnknownUsage() {
        bedrock.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(
                BedrockFixtures.eventStream(answer("Once upon", " a time", " there was a gate."))
                        .withChunkedDribbleDelay(8, 3000)));

        ChatStream stream = client().stream(ChatRequest.of("Tell me a story"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = stream.response().toCompletableFuture().join();

        assertThat(first).isEqualTo("Once upon");
        assertThat(response.text()).isEqualTo("Once upon");
        assertThat(response.usage().isKnown()).as("Bedrock reports usage only at the end").isFalse();
        assertThat(response.finishReason()).as("the model was not done").isEqualTo(FinishReason.OTHER);
        assertThat(response.requestId()).contains(REQUEST_ID);
    }

    @Test
    void streamEndingBetweenMessagesBeforeTheEnd_failsAsAnInvalidResponseAfterItsText() {
        streamWith(concat(messageStart(), text(0, "Once upon"), text(0, " a time")));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon", " a time");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("ended before");
        assertThat(failed.failure().requestId()).contains(REQUEST_ID);
    }

    @Test
    void streamEndingAfterMessageStopWithoutMetadata_isIncomplete() {
        streamWith(concat(messageStart(), text(0, "Once upon"), blockStop(0), messageStop("end_turn")));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("ended before");
    }

    @Test
    void streamEndingInsideAMessage_failsAsAnInvalidResponseSayingSo() {
        byte[] second = text(0, " a time");
        streamWith(concat(messageStart(), text(0, "Once upon"), Arrays.copyOf(second, second.length - 10)));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("the stream ended inside a message");
    }

    @Test
    void messageFailingItsChecksum_isAnInvalidResponseAfterTheTextBeforeIt() {
        byte[] damaged = text(0, " a time");
        damaged[damaged.length - 12] ^= 0x01;
        streamWith(concat(messageStart(), text(0, "Once upon"), damaged, blockStop(0)));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("checksum");
    }

    @Test
    void eventWhosePayloadIsNotJson_isAnInvalidResponseAfterTheTextBeforeIt() {
        streamWith(concat(messageStart(), text(0, "Once upon"),
                TestEventStreams.event("contentBlockDelta", "<html>Bad Gateway</html>")));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void messageWithoutAMessageType_isAnInvalidResponse() {
        streamWith(concat(messageStart(), TestEventStreams.message(
                Map.of(":event-type", HeaderValue.fromString("contentBlockDelta")), "{}".getBytes())));

        assertThat(failedStream().failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void eventTypesThisReaderDoesNotKnow_areSkipped() {
        streamWith(concat(messageStart(), TestEventStreams.event("citationsDelta", "{\"p\":\"abc\",\"future\":1}"),
                text(0, "Hi"), blockStop(0), messageStop("end_turn"), metadata(BedrockStreams.PLAIN_USAGE)));

        Streamed streamed = stream(ChatRequest.of("Say hello"));

        assertThat(streamed.pieces()).containsExactly("Hi");
        assertThat(streamed.response().usage()).isEqualTo(Usage.of(12, 5));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "throttlingException          | Too many tokens, please wait before trying again.                 | RATE_LIMITED            | ThrottlingException",
        "modelStreamErrorException    | The model failed while streaming its answer.                      | SERVER_ERROR            | ModelStreamErrorException",
        "internalServerException      | The server encountered an internal error.                         | SERVER_ERROR            | InternalServerException",
        "serviceUnavailableException  | The service is unavailable. Try again later.                      | OVERLOADED              | ServiceUnavailableException",
        "validationException          | Input is too long for requested model.                            | CONTEXT_LENGTH_EXCEEDED | ValidationException",
        "validationException          | The tool result is malformed.                                     | INVALID_REQUEST         | ValidationException",
        "someFutureException          | Something else.                                                   | SERVER_ERROR            | SomeFutureException",
    })
    void exceptionMidStream_isClassifiedByItsExceptionType_afterTheTextBeforeIt(String type, String message,
            ErrorCategory category, String code) {
        streamWith(concat(messageStart(), text(0, "Once upon"), exception(type, message)));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        LlmException e = failed.failure();
        assertThat(e.category()).isEqualTo(category);
        assertThat(e.providerErrorCode()).contains(code);
        assertThat(e.providerMessage()).contains(message);
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e.provider()).contains("bedrock");
        assertThat(e.model()).contains(MODEL);
    }

    @Test
    void errorMessageOfTheEventStreamFormat_isClassifiedByItsErrorCode() {
        streamWith(concat(messageStart(), TestEventStreams.message(Map.of(
                ":message-type", HeaderValue.fromString("error"),
                ":error-code", HeaderValue.fromString("ThrottlingException"),
                ":error-message", HeaderValue.fromString("Rate exceeded")), new byte[0])));

        LlmException e = failedStream().failure();

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.providerErrorCode()).contains("ThrottlingException");
        assertThat(e.providerMessage()).contains("Rate exceeded");
    }

    @Test
    void credentialsEchoedInAStreamedException_neverAppearInTheFailure() {
        streamWith(concat(messageStart(), exception("validationException", "Bad key " + SECRET_ACCESS_KEY)));

        LlmException e = failedStream().failure();

        assertThat(e.providerMessage()).contains("Bad key ***");
        assertThat(e.getMessage()).doesNotContain(SECRET_ACCESS_KEY);
    }

    @Test
    void errorStatusBeforeTheStream_failsTheStreamCallLikeConverse() {
        bedrock.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(
                BedrockFixtures.error(429, "ThrottlingException", "error-429-throttling.json")
                        .withHeader("Retry-After", "7")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().stream(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.providerErrorCode()).contains("ThrottlingException");
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e.retryAfter()).hasValue(java.time.Duration.ofSeconds(7));
    }

    @Test
    void connectionBrokenAfterTheStatus_isANetworkFailure() {
        bedrock.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThat(failedStream().failure().category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void streamOutlastingTheTimeout_isATimeout() {
        bedrock.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(
                BedrockFixtures.eventStream(answer("Once upon", " a time")).withChunkedDribbleDelay(6, 3000)));
        ChatClient impatient = client(BedrockFixtures.config(bedrock.baseUrl())
                .set("tollgate.providers.bedrock.timeout", "500ms"));

        LlmException e = catchThrowableOfType(LlmException.class, () -> {
            try (ChatStream stream = impatient.stream(ChatRequest.of("Tell me a story"))) {
                stream.forEach(c -> { });
            }
        });

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void toolUseBlocks_areJoinedIntoToolCalls_withTheToolUseFinish() {
        streamWith(concat(messageStart(), text(0, "Let me check."), blockStop(0),
                toolStart(1, "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "weather"),
                toolInput(1, "{\"city\":"), toolInput(1, "\"Oslo\"}"), blockStop(1),
                toolStart(2, "tooluse_2nd", "time"), blockStop(2),
                messageStop("tool_use"), metadata(BedrockStreams.PLAIN_USAGE)));

        Streamed streamed = stream(ChatRequest.of("Weather in Oslo?"));

        assertThat(streamed.pieces()).containsExactly("Let me check.");
        assertThat(streamed.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(streamed.response().toolCalls()).containsExactly(
                new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "weather", "{\"city\":\"Oslo\"}"),
                new ToolCall("tooluse_2nd", "time", "{}"));
    }

    @Test
    void structuredAnswer_streamsTheAnswerToolsInputAsTheText() {
        streamWith(concat(messageStart(), toolStart(0, "tooluse_answer", "Verdict"),
                toolInput(0, "{\"label\":"), toolInput(0, "\"spam\",\"confidence\":0.9}"), blockStop(0),
                messageStop("tool_use"), metadata(BedrockStreams.PLAIN_USAGE)));
        ResponseFormat format = ResponseFormat.jsonSchema("Verdict", Json.createObjectBuilder()
                .add("type", "object").build());

        Streamed streamed = stream(ChatRequest.builder().user("Judge").responseFormat(format).build());

        assertThat(String.join("", streamed.pieces())).isEqualTo("{\"label\":\"spam\",\"confidence\":0.9}");
        assertThat(streamed.response().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(streamed.response().rawFinishReason()).contains("tool_use");
        assertThat(streamed.response().toolCalls()).isEmpty();
        bedrock.verify(1, postRequestedFor(urlEqualTo(STREAM_PATH)).withRequestBody(equalToJson("""
                {"toolConfig": {"tools": [{"toolSpec": {"name": "Verdict", "description": "${json-unit.any-string}",
                 "inputSchema": {"json": {"type": "object"}}}}], "toolChoice": {"tool": {"name": "Verdict"}}}}
                """, true, true)));
    }
}
