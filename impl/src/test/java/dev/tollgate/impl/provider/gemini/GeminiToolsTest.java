package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.gemini.GeminiFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Function declarations, calls and responses of the Gemini API, both ways, over HTTP. */
class GeminiToolsTest {
    static final Tool LOOKUP_INVOICE = Tool.of("lookup_invoice", "Finds an invoice by its number",
            Json.createObjectBuilder()
                    .add("type", "object")
                    .add("properties", Json.createObjectBuilder()
                            .add("number", Json.createObjectBuilder().add("type", "string"))
                            .add("include_lines", Json.createObjectBuilder()
                                    .add("type", Json.createArrayBuilder().add("boolean").add("null"))))
                    .add("required", Json.createArrayBuilder().add("number").add("include_lines"))
                    .add("additionalProperties", false)
                    .build());

    private static final String SCHEMA = """
            {"type": "object",
             "properties": {"number": {"type": "string"}, "include_lines": {"type": ["boolean", "null"]}},
             "required": ["number", "include_lines"], "additionalProperties": false}""";

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final GeminiStub stub = new GeminiStub(google);

    private static ChatRequest.Builder invoiceQuestion() {
        return ChatRequest.builder().user("Is invoice INV-2024-0042 paid?").tool(LOOKUP_INVOICE);
    }

    @Test
    void tools_areFunctionDeclarationsWithTheirJsonSchemaAndNoToolConfig() {
        stub.answerWith("generate-content-function-call.json");

        stub.client().chat(invoiceQuestion().build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Is invoice INV-2024-0042 paid?"}]}],
                 "tools": [{"functionDeclarations": [{"name": "lookup_invoice",
                   "description": "Finds an invoice by its number", "parametersJsonSchema": %s}]}]}
                """.formatted(SCHEMA))));
    }

    @Test
    void functionCall_isAToolCallWithItsArgumentsAndFinishToolCalls() {
        stub.answerWith("generate-content-function-call.json");

        ChatResponse response = stub.client().chat(invoiceQuestion().build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("STOP");
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).as("no id from the model: name and index").isEqualTo("lookup_invoice_0");
            assertThat(call.name()).isEqualTo("lookup_invoice");
            assertThat(Json.createReader(new java.io.StringReader(call.arguments())).readObject())
                    .isEqualTo(Json.createObjectBuilder().add("number", "INV-2024-0042").add("include_lines", true)
                            .build());
        });
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(74).outputTokens(89).reasoningTokens(65).build());
        assertThat(response.message()).isEqualTo(Message.assistant("", response.toolCalls()));
    }

    @Test
    void callsWithIds_keepGooglesIdsInOrder_besideTheText() {
        stub.answerWith("generate-content-parallel-calls.json");

        ChatResponse response = stub.client().chat(invoiceQuestion().model("gemini-3-pro-preview").build());

        assertThat(response.text()).isEqualTo("I'll look up both invoices.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("fc_7d2b9c41e0a3", "lookup_invoice", "{\"number\":\"INV-2024-0042\"}"),
                new ToolCall("fc_1a6e58f2c9d7", "lookup_invoice", "{\"number\":\"INV-2024-0043\"}"));
    }

    @Test
    void toolResult_isAFunctionResponseNamedAfterTheCall_afterTheModelsFunctionCall() {
        stub.answerWith("generate-content.json");
        ToolCall call = new ToolCall("lookup_invoice_0", "lookup_invoice", "{\"number\": \"INV-2024-0042\"}");

        stub.client().chat(invoiceQuestion()
                .message(Message.assistant("", List.of(call)))
                .message(Message.toolResult("lookup_invoice_0", "{\"status\": \"paid\", \"paid_on\": \"2025-09-12\"}"))
                .build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [
                   {"role": "user", "parts": [{"text": "Is invoice INV-2024-0042 paid?"}]},
                   {"role": "model", "parts": [{"functionCall": {"name": "lookup_invoice",
                       "args": {"number": "INV-2024-0042"}},
                     "thoughtSignature": "skip_thought_signature_validator"}]},
                   {"role": "user", "parts": [{"functionResponse": {"name": "lookup_invoice",
                       "response": {"status": "paid", "paid_on": "2025-09-12"}}}]}
                 ],
                 "tools": [{"functionDeclarations": [{"name": "lookup_invoice",
                   "description": "Finds an invoice by its number", "parametersJsonSchema": %s}]}]}
                """.formatted(SCHEMA))));
    }

    @Test
    void resultsOfParallelCalls_areOneTurnOfFunctionResponses_carryingGooglesIds() {
        stub.answerWith("generate-content.json");
        ToolCall first = new ToolCall("fc_7d2b9c41e0a3", "lookup_invoice", "{\"number\":\"INV-2024-0042\"}");
        ToolCall second = new ToolCall("fc_1a6e58f2c9d7", "lookup_invoice", "{\"number\":\"INV-2024-0043\"}");

        stub.client().chat(invoiceQuestion()
                .message(Message.assistant("I'll look up both invoices.", List.of(first, second)))
                .message(Message.toolResult("fc_1a6e58f2c9d7", "no such invoice"))
                .message(Message.toolResult("fc_7d2b9c41e0a3", "[\"paid\", \"2025-09-12\"]"))
                .user("Thanks. And the next one?")
                .build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [
                   {"role": "user", "parts": [{"text": "Is invoice INV-2024-0042 paid?"}]},
                   {"role": "model", "parts": [
                     {"text": "I'll look up both invoices."},
                     {"functionCall": {"name": "lookup_invoice", "id": "fc_7d2b9c41e0a3",
                       "args": {"number": "INV-2024-0042"}}, "thoughtSignature": "skip_thought_signature_validator"},
                     {"functionCall": {"name": "lookup_invoice", "id": "fc_1a6e58f2c9d7",
                       "args": {"number": "INV-2024-0043"}}, "thoughtSignature": "skip_thought_signature_validator"}]},
                   {"role": "user", "parts": [
                     {"functionResponse": {"name": "lookup_invoice", "id": "fc_1a6e58f2c9d7",
                       "response": {"result": "no such invoice"}}},
                     {"functionResponse": {"name": "lookup_invoice", "id": "fc_7d2b9c41e0a3",
                       "response": {"result": ["paid", "2025-09-12"]}}}]},
                   {"role": "user", "parts": [{"text": "Thanks. And the next one?"}]}
                 ],
                 "tools": [{"functionDeclarations": [{"name": "lookup_invoice",
                   "description": "Finds an invoice by its number", "parametersJsonSchema": %s}]}]}
                """.formatted(SCHEMA))));
    }

    @Test
    void toolResultAnsweringNoEarlierCall_isRefusedBeforeSending() {
        LlmException e = stub.refusedBeforeSending(invoiceQuestion()
                .message(Message.assistant("", List.of(new ToolCall("call_1", "lookup_invoice", "{}"))))
                .message(Message.toolResult("call_2", "{}"))
                .build());

        assertThat(e.getMessage()).contains("call_2", "no tool call");
    }

    @Test
    void callArgumentsThatAreNotAJsonObject_areRefusedBeforeSending() {
        LlmException e = stub.refusedBeforeSending(invoiceQuestion()
                .message(Message.assistant("", List.of(new ToolCall("call_1", "lookup_invoice", "INV-2024-0042"))))
                .message(Message.toolResult("call_1", "{}"))
                .build());

        assertThat(e.getMessage()).contains("call_1", "not a JSON object");
    }

    @Test
    void extraToolsBesideTypedTools_areRefusedBeforeSending() {
        LlmException e = stub.refusedBeforeSending(invoiceQuestion()
                .extra("tools", List.of(Map.of("googleSearch", Map.of()))).build());

        assertThat(e.getMessage()).contains("tools");
    }

    @Test
    void extraToolsWithoutTypedTools_areSentAsTheyAre() {
        stub.answerWith("generate-content.json");

        stub.client().chat(ChatRequest.builder().user("Who won the match?")
                .extra("tools", List.of(Map.of("googleSearch", Map.of()))).build());

        google.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"contents": [{"role": "user", "parts": [{"text": "Who won the match?"}]}],
                 "tools": [{"googleSearch": {}}]}
                """)));
    }
}
