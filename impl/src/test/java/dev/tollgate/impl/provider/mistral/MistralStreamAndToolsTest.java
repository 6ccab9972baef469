package dev.tollgate.impl.provider.mistral;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import dev.tollgate.api.Message;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.openai.StreamedAnswer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mistral's streams (usage with the finish in the last chunk, without {@code stream_options}),
 * its tool calls (nine-character ids, an {@code index} on each call) and its schema mode.
 */
class MistralStreamAndToolsTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String CORRELATION_ID = "0198a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    private static final JsonObject PAYMENT_PARAMETERS = Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                    .add("transaction_id", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("transaction_id"))
            .build();
    private static final Tool PAYMENT_STATUS = Tool.of("retrieve_payment_status", "Get payment status of a transaction",
            PAYMENT_PARAMETERS);

    @RegisterExtension
    static WireMockExtension mistral = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static ChatClient client() {
        return Tollgate.builder(MistralClientTest.config(mistral.baseUrl()).build()).build().chatClient();
    }

    private static StreamedAnswer stream(String fixture, ChatRequest request) {
        mistral.stubFor(post(urlEqualTo(PATH)).willReturn(StreamedAnswer.sse(MistralClientTest.fixture(fixture))
                .withHeader("mistral-correlation-id", CORRELATION_ID)));
        return StreamedAnswer.read(client().stream(request));
    }

    private static ChatResponse chat(String fixture, ChatRequest request) {
        mistral.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(MistralClientTest.fixture(fixture))));
        return client().chat(request);
    }

    @Test
    void stream_readsTheUsageThatComesWithTheFinishInTheLastChunk() {
        StreamedAnswer answer = stream("stream.txt", ChatRequest.of("Quel est le meilleur fromage ?"));

        assertThat(answer.pieces()).containsExactly("Le meilleur", " fromage ?", " Le comté.");
        ChatResponse response = answer.response();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.of(16, 9));
        assertThat(response.model()).isEqualTo("mistral-small-latest");
        assertThat(response.responseId()).contains("a1b2c3d4e5f64789a0b1c2d3e4f5a6b7");
        assertThat(response.requestId()).contains(CORRELATION_ID);
    }

    @Test
    void streamedRequest_sendsNoStreamOptions_whichMistralRejects() {
        stream("stream.txt", ChatRequest.builder().user("Quel est le meilleur fromage ?").seed(7L).build());

        mistral.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "mistral-small-latest",
                         "messages": [{"role": "user", "content": "Quel est le meilleur fromage ?"}],
                         "random_seed": 7, "stream": true}
                        """))
                .withRequestBody(matchingJsonPath("$.stream_options", absent())));
    }

    @Test
    void streamedToolCall_comesWholeInOneChunk() {
        StreamedAnswer answer = stream("stream-tool-calls.txt",
                ChatRequest.builder().user("What's the status of my transaction T1001?").tool(PAYMENT_STATUS).build());

        assertThat(answer.pieces()).isEmpty();
        assertThat(answer.response().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(answer.response().toolCalls()).containsExactly(
                new ToolCall("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}"));
        assertThat(answer.response().usage()).isEqualTo(Usage.of(167, 28));
    }

    @Test
    void toolCallOfTheAnswer_isReadWithItsNineCharacterId() {
        ChatResponse response = chat("chat-completion-tool-calls.json",
                ChatRequest.builder().user("What's the status of my transaction T1001?").tool(PAYMENT_STATUS).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}"));
        mistral.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"tools": [{"type": "function", "function": {"name": "retrieve_payment_status",
                  "description": "Get payment status of a transaction",
                  "parameters": {"type": "object", "properties": {"transaction_id": {"type": "string"}},
                                 "required": ["transaction_id"]}}}]}
                """, false, true)));
    }

    @Test
    void callAndItsResult_areSentBackAsMistralReadsThem() {
        ToolCall call = new ToolCall("D681PevKs", "retrieve_payment_status", "{\"transaction_id\": \"T1001\"}");

        chat("chat-completion.json", ChatRequest.builder()
                .user("What's the status of my transaction T1001?")
                .tool(PAYMENT_STATUS)
                .message(Message.assistant("", List.of(call)))
                .message(Message.toolResult("D681PevKs", "{\"status\": \"Paid\"}"))
                .build());

        mistral.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                  {"role": "user", "content": "What's the status of my transaction T1001?"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "D681PevKs", "type": "function",
                    "function": {"name": "retrieve_payment_status", "arguments": "{\\"transaction_id\\": \\"T1001\\"}"}}]},
                  {"role": "tool", "tool_call_id": "D681PevKs", "content": "{\\"status\\": \\"Paid\\"}"}
                ]}
                """, false, true)));
    }

    @Test
    void schemaFormat_isSentInMistralsJsonSchemaMode() {
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add("name", Json.createObjectBuilder().add("type", "string")))
                .add("required", Json.createArrayBuilder().add("name"))
                .add("additionalProperties", false).build();

        chat("chat-completion.json", ChatRequest.builder().user("Extract the book.")
                .responseFormat(ResponseFormat.jsonSchema("Book", schema)).build());

        mistral.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"response_format": {"type": "json_schema", "json_schema": {"name": "Book", "strict": true,
                  "schema": {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"],
                             "additionalProperties": false}}}}
                """, false, true)));
    }
}
