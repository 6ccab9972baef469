package dev.tollgate.impl.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.StreamRead;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cohere v2 Chat streams, served as Cohere sends them: server-sent events named by their type. */
class CohereStreamTest {
    private static final String PATH = "/v2/chat";

    @RegisterExtension
    static WireMockExtension cohere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client() {
        return Tollgate.builder(CohereFixtures.config(cohere.baseUrl()).build()).recordSink(sink).build().chatClient();
    }

    private static ResponseDefinitionBuilder events(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withHeader("x-debug-trace-id", CohereFixtures.TRACE_ID)
                .withBody(body);
    }

    private static void streamWith(ResponseDefinitionBuilder response) {
        cohere.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private StreamRead read(ChatRequest request) {
        return StreamRead.of(client(), request);
    }

    /** The fixture up to, not including, its message-end event. */
    private static String withoutMessageEnd(String fixture) {
        return fixture.substring(0, fixture.indexOf("event: message-end"));
    }

    @Test
    void stream_deliversTheTextInPieces_thenTheFinishBilledUsageAndIds() {
        streamWith(events(CohereFixtures.read("stream.sse")));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).containsExactly("A tollgate", " is a barrier", " where a fee is paid.");
        ChatResponse response = read.response();
        assertThat(response.text()).isEqualTo("A tollgate is a barrier where a fee is paid.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("COMPLETE");
        assertThat(response.usage()).as("billed_units, not tokens").isEqualTo(Usage.of(9, 11));
        assertThat(response.model()).isEqualTo("command-a-03-2025");
        assertThat(response.responseId()).contains("29f14a5a-11de-4cae-9800-25e4747408ea");
        assertThat(response.requestId()).contains(CohereFixtures.TRACE_ID);
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage()).isEqualTo(Usage.of(9, 11)));
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Authorization", equalTo("Bearer " + CohereFixtures.API_KEY))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("What is a tollgate?"))));
    }

    @Test
    void thinkingDeltas_areLeftOutOfTheText() {
        streamWith(events(CohereFixtures.read("stream-thinking.sse")));

        StreamRead read = read(ChatRequest.of("Total of the invoices?"));

        assertThat(read.pieces()).containsExactly("The three invoices come to ", "245 EUR.");
        assertThat(read.response().usage()).isEqualTo(Usage.of(2134, 312));
        assertThat(read.response().usage().cachedInputTokens()).isZero();
    }

    @Test
    void toolCallDeltas_areJoinedIntoCalls_andThePlanIsTheText() {
        streamWith(events(CohereFixtures.read("stream-tool-call.sse")));

        StreamRead read = read(ChatRequest.of("Weather and time in Toronto?"));

        assertThat(String.join("", read.pieces())).isEqualTo("I will look up the weather in Toronto.");
        assertThat(read.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(read.response().toolCalls()).containsExactly(
                new ToolCall("get_weather_e8p4pn45zt0t", "get_weather", "{\"location\": \"Toronto\"}"),
                new ToolCall("get_time_pyxssbwnq9fq", "get_time", "{}"));
        assertThat(read.response().usage()).isEqualTo(Usage.of(37, 28));
    }

    @Test
    void streamClosedEarly_completesWithTheTextReadAndAnUnknownUsage() {
        streamWith(events(CohereFixtures.read("stream.sse")).withChunkedDribbleDelay(8, 2000));

        ChatStream stream = client().stream(ChatRequest.of("What is a tollgate?"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = StreamRead.response(stream);

        assertThat(first).isEqualTo("A tollgate");
        assertThat(response.text()).isEqualTo(first);
        assertThat(response.usage().isKnown()).as("Cohere reports usage only at the end").isFalse();
        assertThat(response.responseId()).contains("29f14a5a-11de-4cae-9800-25e4747408ea");
    }

    @Test
    void streamEndingWithoutMessageEnd_failsAsInvalidResponseAfterItsText() {
        streamWith(events(withoutMessageEnd(CohereFixtures.read("stream.sse"))));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).containsExactly("A tollgate", " is a barrier", " where a fee is paid.");
        assertThat(read.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(read.failure().provider()).contains("cohere");
        assertThat(read.failure().requestId()).contains(CohereFixtures.TRACE_ID);
    }

    @Test
    void eventWhoseDataIsNotJson_failsAsInvalidResponseAfterWhatCameBefore() {
        streamWith(events(withoutMessageEnd(CohereFixtures.read("stream.sse"))
                .replace("event: content-end\ndata: {\"type\":\"content-end\",\"index\":0}",
                        "event: content-end\ndata: {\"type\":\"content-end\",\"ind")));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).hasSize(3);
        assertThat(read.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(read.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void toolCallDeltaForACallThatNeverStarted_isAnInvalidResponse() {
        streamWith(events(CohereFixtures.read("stream-tool-call.sse").replace(
                "{\"type\":\"tool-call-start\",\"index\":0,", "{\"type\":\"tool-call-start\",\"index\":7,")));

        StreamRead read = read(ChatRequest.of("Weather?"));

        assertThat(read.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void errorInMessageEnd_failsAsAServerErrorWithCoheresMessage() {
        streamWith(events(CohereFixtures.read("stream-error.sse")));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).containsExactly("A tollgate");
        LlmException e = read.failure();
        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.providerErrorCode()).contains("ERROR");
        assertThat(e.providerMessage()).contains("internal server error, this has been reported to our developers");
        assertThat(e.requestId()).contains(CohereFixtures.TRACE_ID);
    }

    @Test
    void errorStatusBeforeTheStream_isClassifiedAsForAWholeAnswer() {
        streamWith(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "7")
                .withBody(CohereFixtures.read("error-429-rate-limit.json")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().stream(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("20 API calls / minute"));
    }

    @Test
    void connectionBrokenAfterTheStatus_isANetworkFailure() {
        streamWith(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        StreamRead read = read(ChatRequest.of("hi"));

        assertThat(read.failure().category()).isEqualTo(ErrorCategory.NETWORK);
    }
}
