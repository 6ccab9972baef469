package dev.tollgate.impl.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ollama {@code /api/chat} streams, served as Ollama sends them: one JSON document per line. */
class OllamaStreamTest {
    private static final String PATH = "/api/chat";

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client() {
        return Tollgate.builder(OllamaFixtures.config(ollama.baseUrl())
                .set("tollgate.providers.ollama.api-key", OllamaFixtures.API_KEY).build()).recordSink(sink).build().chatClient();
    }

    private static ResponseDefinitionBuilder lines(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/x-ndjson")
                .withBody(body);
    }

    private static void streamWith(ResponseDefinitionBuilder response) {
        ollama.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private StreamRead read(ChatRequest request) {
        return StreamRead.of(client(), request);
    }

    /** The fixture without its final, {@code "done": true} line. */
    private static String withoutDoneLine(String fixture) {
        return fixture.substring(0, fixture.lastIndexOf("{\"model\""));
    }

    @Test
    void stream_deliversEachLinesContent_thenTheDoneLinesFinishModelAndUsage() {
        streamWith(lines(OllamaFixtures.read("stream.ndjson")));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).containsExactly("A tollgate", " is a barrier", " where a fee is paid.");
        ChatResponse response = read.response();
        assertThat(response.text()).isEqualTo("A tollgate is a barrier where a fee is paid.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.model()).isEqualTo("llama3.2:latest");
        assertThat(response.usage()).isEqualTo(Usage.builder().inputTokens(2006).cachedInputTokens(1920)
                .outputTokens(11).build());
        assertThat(sink.single().exchanges()).singleElement()
                .satisfies(e -> assertThat(e.usage().outputTokens()).isEqualTo(11));
        ollama.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Accept", equalTo("application/x-ndjson"))
                .withHeader("Authorization", equalTo("Bearer " + OllamaFixtures.API_KEY))
                .withRequestBody(equalToJson("""
                        {"model": "llama3.2", "messages": [{"role": "user", "content": "What is a tollgate?"}],
                         "stream": true}
                        """)));
    }

    @Test
    void thinkingIsLeftOut_andACutAnswerIsLength() {
        streamWith(lines(OllamaFixtures.read("stream-thinking.ndjson")));

        StreamRead read = read(ChatRequest.of("Total?"));

        assertThat(read.pieces()).containsExactly("245 EUR.");
        assertThat(read.response().finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(read.response().usage()).isEqualTo(Usage.of(31, 16));
    }

    @Test
    void toolCallsOnSeveralLines_areCollectedWithIdsCountedAcrossTheStream() {
        streamWith(lines(OllamaFixtures.read("stream-tool-calls.ndjson")));

        ChatResponse response = read(ChatRequest.of("Weather and time in Toronto?")).response();

        assertThat(response.text()).isEmpty();
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_0", "get_weather", "{\"city\":\"Toronto\"}"),
                new ToolCall("call_1", "get_time", "{}"));
        assertThat(response.usage()).isEqualTo(Usage.of(122, 33));
    }

    @Test
    void streamClosedEarly_completesWithTheTextReadAndAnUnknownUsage() {
        streamWith(lines(OllamaFixtures.read("stream.ndjson")).withChunkedDribbleDelay(6, 2000));

        ChatStream stream = client().stream(ChatRequest.of("What is a tollgate?"));
        Iterator<ChatChunk> chunks = stream.iterator();
        String first = chunks.next().text();
        stream.close();
        ChatResponse response = StreamRead.response(stream);

        assertThat(first).isEqualTo("A tollgate");
        assertThat(response.text()).isEqualTo(first);
        assertThat(response.usage().isKnown()).as("Ollama counts tokens only in the done line").isFalse();
        assertThat(response.model()).isEqualTo("llama3.2:latest");
    }

    @Test
    void streamEndingWithoutTheDoneLine_failsAsInvalidResponseAfterItsText() {
        streamWith(lines(withoutDoneLine(OllamaFixtures.read("stream.ndjson"))));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).hasSize(3);
        assertThat(read.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(read.failure().provider()).contains("ollama");
    }

    @Test
    void lineCutShortByTheEndOfTheBody_isAMalformedLine() {
        String stream = OllamaFixtures.read("stream.ndjson");
        streamWith(lines(stream.substring(0, stream.indexOf("\"done_reason\""))));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).hasSize(3);
        assertThat(read.failure().category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(read.failure().getMessage()).contains("malformed stream event");
    }

    @Test
    void errorLineMidStream_failsAsTheClassifiedErrorAfterWhatCameBefore() {
        streamWith(lines(OllamaFixtures.read("stream-error.ndjson")));

        StreamRead read = read(ChatRequest.of("What is a tollgate?"));

        assertThat(read.pieces()).containsExactly("A tollgate");
        LlmException e = read.failure();
        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerMessage()).contains("an error was encountered while running the model: unexpected EOF");
        assertThat(e.model()).contains("llama3.2");
    }

    @Test
    void contextLengthErrorLineMidStream_isContextLengthExceeded() {
        streamWith(lines("{\"error\":\"the input length exceeds the context length\"}\n"));

        StreamRead read = read(ChatRequest.of("A very long prompt"));

        assertThat(read.failure().category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void errorStatusBeforeTheStream_isClassifiedAsForAWholeAnswer() {
        streamWith(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(OllamaFixtures.read("error-404-model-not-found.json")));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().stream(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_NOT_FOUND);
        assertThat(e.httpStatus()).hasValue(404);
    }

    @Test
    void connectionBrokenAfterTheStatus_isANetworkFailure() {
        streamWith(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        StreamRead read = read(ChatRequest.of("hi"));

        assertThat(read.failure().category()).isEqualTo(ErrorCategory.NETWORK);
    }
}
