package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.gemini.GeminiFixtures.STREAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.api.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streamed answers of the Gemini API: server-sent chunks to text, usage, finish reason, tool calls, failures. */
class GeminiStreamTest {
    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final GeminiStub stub = new GeminiStub(google);

    private static void streamWith(String events) {
        google.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(GeminiFixtures.eventStream(events)));
    }

    private static String fixture(String name) {
        return GeminiFixtures.read("gemini/" + name);
    }

    /** A whole stream: its pieces and its response. */
    private record Streamed(List<String> pieces, ChatResponse response) {
    }

    private Streamed stream(ChatRequest request) {
        List<String> pieces = new ArrayList<>();
        try (ChatStream stream = stub.client().stream(request)) {
            stream.forEach(c -> pieces.add(c.text()));
            return new Streamed(pieces, stream.response().toCompletableFuture().join());
        }
    }

    /** A stream that failed: what it delivered first, and the failure. */
    private record Failed(List<String> pieces, LlmException failure, ChatStream stream) {
    }

    private Failed failedStream() {
        List<String> pieces = new ArrayList<>();
        ChatStream stream = stub.client().stream(ChatRequest.of("Tell me a story"));
        LlmException failure = catchThrowableOfType(LlmException.class, () -> {
            try (stream) {
                stream.forEach(c -> pieces.add(c.text()));
            }
        });
        assertThat(failure).as("the stream fails").isNotNull();
        return new Failed(pieces, failure, stream);
    }

    @Test
    void stream_deliversEachChunksTextWithModelIdFinishAndTheLastUsage() {
        streamWith(fixture("stream.sse"));

        Streamed streamed = stream(ChatRequest.of("What is a tollgate?"));

        assertThat(streamed.pieces())
                .containsExactly("A tollgate is", " a barrier where travellers", " pay a fee before they pass.");
        ChatResponse response = streamed.response();
        assertThat(response.text()).isEqualTo("A tollgate is a barrier where travellers pay a fee before they pass.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("STOP");
        assertThat(response.usage()).as("the last chunk's counts, not their sum").isEqualTo(Usage.of(9, 15));
        assertThat(response.model()).isEqualTo("gemini-2.0-flash");
        assertThat(response.responseId()).contains("kPe3aM3zJ8OmkdUPl_K04Qk");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(stub.sink().single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage()).isEqualTo(Usage.of(9, 15)));
    }

    @Test
    void streamRequest_isTheChatBodyPostedToStreamGenerateContentAsServerSentEvents() {
        streamWith(fixture("stream.sse"));

        stream(ChatRequest.builder().system("Be brief.").user("What is a tollgate?").maxTokens(64).build());

        google.verify(1, postRequestedFor(urlEqualTo(STREAM_PATH))
                .withHeader("x-goog-api-key", equalTo(GeminiFixtures.API_KEY))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "What is a tollgate?"}]}],
                         "systemInstruction": {"parts": [{"text": "Be brief."}]},
                         "generationConfig": {"maxOutputTokens": 64}}
                        """)));
    }

    @Test
    void streamedThoughts_areLeftOutOfTheTextAndCountedAsReasoning() {
        streamWith(fixture("stream-thinking.sse"));

        Streamed streamed = stream(ChatRequest.of("When does it renew?"));

        assertThat(streamed.pieces()).containsExactly("The contract renews every year ",
                "unless either party gives 90 days' notice.");
        // input = prompt 12034 (cache included) + tool-use prompt 34; output = candidates 18 + thoughts 512
        assertThat(streamed.response().usage()).isEqualTo(Usage.builder()
                .inputTokens(12068).cachedInputTokens(11876).outputTokens(530).reasoningTokens(512).build());
        assertThat(streamed.response().model()).isEqualTo("gemini-2.5-pro");
    }

    @Test
    void streamClosedEarly_completesWithTheTextReadAndTheUsageSoFarAsPartial() {
        google.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(
                GeminiFixtures.eventStream(fixture("stream.sse")).withChunkedDribbleDelay(6, 3000)));

        ChatStream stream = stub.client().stream(ChatRequest.of("What is a tollgate?"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = stream.response().toCompletableFuture().join();

        assertThat(first).isEqualTo("A tollgate is");
        assertThat(response.text()).isEqualTo("A tollgate is");
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.usage().inputTokens()).isEqualTo(9);
        assertThat(response.usage().outputTokens()).isEqualTo(3);
        assertThat(response.finishReason()).as("the model was not done").isEqualTo(FinishReason.OTHER);
        assertThat(response.rawFinishReason()).isEmpty();
        assertThat(stub.sink().single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage().inputTokens()).isEqualTo(9));
    }

    @Test
    void streamEndingBeforeAFinishReason_failsAsAnInvalidResponseAfterItsText() {
        streamWith(fixture("stream-truncated.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon", " a time");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("ended before");
        assertThat(failed.stream().response().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void streamFinishedWithoutAnyUsage_isIncomplete() {
        String events = fixture("stream.sse").lines()
                .map(line -> line.replaceAll(",\"usageMetadata\": \\{(?:[^{}]|\\{[^{}]*\\})*\\}", ""))
                .collect(Collectors.joining("\n"));
        assertThat(events).doesNotContain("usageMetadata").contains("finishReason");
        streamWith(events + "\n");

        Failed failed = failedStream();

        assertThat(failed.pieces()).hasSize(3);
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void eventThatIsNotJson_failsAsAnInvalidResponseAfterTheTextBeforeIt() {
        streamWith(fixture("stream-malformed.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(failed.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void errorObjectMidStream_isClassifiedAsTheSameErrorResponseWouldBe() {
        streamWith(fixture("stream-overloaded.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        LlmException e = failed.failure();
        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.providerErrorCode()).contains("UNAVAILABLE");
        assertThat(e.providerMessage()).contains("The model is overloaded. Please try again later.");
        assertThat(e.provider()).contains("gemini");
        assertThat(e.model()).contains("gemini-2.0-flash");
    }

    @Test
    void quotaErrorMidStream_readsItsDetailsAcrossMultiLineData() {
        String error = fixture("error-429-per-minute.json").strip().lines()
                .map(line -> "data: " + line)
                .collect(Collectors.joining("\n"));
        streamWith(fixture("stream-truncated.sse").lines().limit(2).collect(Collectors.joining("\n"))
                + "\n" + error + "\n\n");

        Failed failed = failedStream();

        assertThat(failed.pieces()).containsExactly("Once upon");
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(failed.failure().retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void errorQuotingTheApiKey_masksItInTheFailure() {
        streamWith(fixture("stream-truncated.sse").lines().limit(2).collect(Collectors.joining("\n")) + """

                data: {"error": {"code": 400, "message": "API key %s not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT", "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}]}}

                """.formatted(GeminiFixtures.API_KEY));

        Failed failed = failedStream();

        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(failed.failure().providerMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("API key ").doesNotContain(GeminiFixtures.API_KEY));
        assertThat(failed.failure().getMessage()).doesNotContain(GeminiFixtures.API_KEY);
    }

    @Test
    void errorStatusBeforeTheStream_failsTheStreamCallItself() {
        google.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(fixture("error-429-per-day.json"))));

        LlmException e = catchThrowableOfType(LlmException.class, () -> stub.client().stream(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.providerErrorCode()).contains("RESOURCE_EXHAUSTED");
    }

    @Test
    void blockedPromptInAStream_isContentFiltered() {
        streamWith(fixture("stream-blocked.sse"));

        Failed failed = failedStream();

        assertThat(failed.pieces()).isEmpty();
        assertThat(failed.failure().category()).isEqualTo(ErrorCategory.CONTENT_FILTERED);
        assertThat(failed.failure().providerErrorCode()).contains("PROHIBITED_CONTENT");
    }

    @Test
    void functionCallInAStream_isAToolCallOfTheSummary() {
        streamWith(fixture("stream-function-call.sse"));

        Streamed streamed = stream(ChatRequest.builder().user("Is invoice INV-2024-0042 paid?")
                .tool(GeminiToolsTest.LOOKUP_INVOICE).build());

        assertThat(streamed.pieces()).isEmpty();
        ChatResponse response = streamed.response();
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("STOP");
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("lookup_invoice_0", "lookup_invoice", "{\"number\":\"INV-2024-0042\"}"));
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(74).outputTokens(84).reasoningTokens(65).build());
    }
}
