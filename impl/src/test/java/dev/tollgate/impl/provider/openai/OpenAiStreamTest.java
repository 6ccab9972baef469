package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streamed answers in OpenAI's own event format, read through the engine. */
class OpenAiStreamTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String REQUEST_ID = "req_5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client() {
        return Tollgate.builder(TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", openAi.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .set("tollgate.providers.openai.timeout", "5s")
                .set("tollgate.pricing.openai.gpt-4o-mini.input", "0.15")
                .set("tollgate.pricing.openai.gpt-4o-mini.output", "0.6")
                .build()).recordSink(sink).build().chatClient();
    }

    private static void streamWith(String fixture) {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(OpenAiFixtures.read(fixture))
                .withHeader("x-request-id", REQUEST_ID)));
    }

    @Test
    void stream_deliversEachTextDeltaThenTheFinishAndTheUsageOfTheLastChunk() {
        streamWith("stream.txt");

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Say hello")));

        assertThat(answer.failure()).isNull();
        assertThat(answer.pieces()).containsExactly("Hello", "!", " How can I help?");
        ChatResponse response = answer.response();
        assertThat(response.text()).isEqualTo("Hello! How can I help?");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.usage()).isEqualTo(Usage.of(19, 10));
        assertThat(response.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(response.responseId()).contains("chatcmpl-C3sT8mQ2pW7vN1xK4rYz6uB0eJdLh");
        assertThat(response.requestId()).contains(REQUEST_ID);
        assertThat(response.serviceTier()).contains("default");
        // 19 x 0.15 + 10 x 0.6 per million tokens
        assertThat(response.cost().total()).isEqualByComparingTo("0.00000885");
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage()).isEqualTo(Usage.of(19, 10)));
    }

    @Test
    void streamedRequest_asksForAnEventStreamWithItsUsage() {
        streamWith("stream.txt");

        StreamedAnswer.read(client().stream(ChatRequest.builder().user("Say hello").maxTokens(20).build()));

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("text/event-stream"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiFixtures.API_KEY))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hello"}],
                         "max_tokens": 20, "stream": true, "stream_options": {"include_usage": true}}
                        """)));
    }

    @Test
    void streamedToolCalls_areJoinedFromTheirFragmentsByIndex() {
        streamWith("stream-tool-calls.txt");

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Weather and time in Paris?")));

        assertThat(answer.pieces()).isEmpty();
        assertThat(answer.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answer.response().toolCalls()).containsExactly(
                new ToolCall("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", "{\"location\": \"Paris, France\"}"),
                new ToolCall("call_7Gh2kLmN4pQr6StU8vWx0yZa", "get_time", "{\"zone\": \"Europe/Paris\"}"));
        assertThat(answer.response().usage()).isEqualTo(Usage.of(82, 48));
    }

    @Test
    void streamClosedEarly_keepsTheTextReadAndLeavesTheUsageUnknown() throws Exception {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(OpenAiFixtures.read("stream.txt"))
                .withChunkedDribbleDelay(6, 2000)));

        ChatStream stream = client().stream(ChatRequest.of("Say hello"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(response.text()).isEqualTo(first).isNotEmpty();
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.cost().isKnown()).isFalse();
        assertThat(response.finishReason()).as("no finish was sent").isEqualTo(FinishReason.OTHER);
    }

    @Test
    void streamEndingWithoutDone_failsAsAnInvalidResponseAfterItsText() {
        streamWith("stream-truncated.txt");

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Say hello")));

        assertThat(answer.pieces()).containsExactly("Hello");
        assertThat(answer.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(answer.failure().requestId()).contains(REQUEST_ID);
        assertThat(sink.single().exchanges().get(0).error()).isPresent();
    }

    @Test
    void chunkThatIsNotJson_failsAsAnInvalidResponseAfterWhatWasDelivered() {
        streamWith("stream-malformed.txt");

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Say hello")));

        assertThat(answer.pieces()).containsExactly("Hello");
        assertThat(answer.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(answer.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void errorEventMidStream_isClassifiedAndCarriesTheProvidersTypeAndMessage() {
        streamWith("stream-error.txt");

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Say hello")));

        assertThat(answer.pieces()).containsExactly("Hello", "!");
        LlmException failure = answer.failure();
        assertThat(failure.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.providerErrorCode()).contains("server_error");
        assertThat(failure.providerMessage()).contains(
                "The server had an error while processing your request. Sorry about that!");
        assertThat(failure.provider()).contains("openai");
        assertThat(failure.model()).contains("gpt-4o-mini");
        assertThat(failure.requestId()).contains(REQUEST_ID);
        assertThat(failure.httpStatus()).as("the stream's status was 200").isEmpty();
    }

    @Test
    void errorStatus_failsBeforeTheStreamAsAChatWould() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withHeader("retry-after", "7")
                .withHeader("x-request-id", REQUEST_ID)
                .withBody(OpenAiFixtures.read("error-429-rate-limit-exceeded.json"))));

        LlmException failure = catchThrowableOfType(LlmException.class,
                () -> client().stream(ChatRequest.of("Say hello")));

        assertThat(failure.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.requestId()).contains(REQUEST_ID);
        assertThat(failure.providerErrorCode()).contains("rate_limit_exceeded");
    }

    @Test
    void streamNamingAToolCallWithoutAFunctionName_failsAsAnInvalidResponse() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse("""
                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"arguments":"{}"}}]},"finish_reason":null}]}

                data: {"id":"chatcmpl-1","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

                data: [DONE]

                """)));

        StreamedAnswer answer = StreamedAnswer.read(client().stream(ChatRequest.of("Weather?")));

        assertThat(answer.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(answer.failure().getMessage()).contains("without a function name");
    }
}
