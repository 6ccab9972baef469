package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.PATH;
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
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Structured answers on Converse: the response format as a forced call of an answer tool. */
class BedrockStructuredTest {
    private static final JsonObject INVOICE_SCHEMA = Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                    .add("number", Json.createObjectBuilder().add("type", "string"))
                    .add("total", Json.createObjectBuilder().add("type", "number"))
                    .add("currency", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("number").add("total").add("currency"))
            .build();

    /** The answer a typed chat binds. */
    public record Invoice(String number, BigDecimal total, String currency) {
    }

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatClient client() {
        return BedrockFixtures.client(bedrock.baseUrl());
    }

    private static void answerWith(String fixture) {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(answer(fixture)));
    }

    private static ChatRequest.Builder invoiceRequest() {
        return ChatRequest.builder().user("Extract the invoice.")
                .responseFormat(ResponseFormat.jsonSchema("Invoice", INVOICE_SCHEMA));
    }

    @Test
    void jsonSchema_isOneToolWithTheSchema_thatTheToolChoiceForces() {
        answerWith("converse-structured.json");

        client().chat(invoiceRequest().build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {
                  "messages": [{"role": "user", "content": [{"text": "Extract the invoice."}]}],
                  "toolConfig": {
                    "tools": [{"toolSpec": {"name": "Invoice", "description": "${json-unit.any-string}",
                      "inputSchema": {"json": {"type": "object",
                        "properties": {"number": {"type": "string"}, "total": {"type": "number"},
                                       "currency": {"type": "string"}},
                        "required": ["number", "total", "currency"]}}}}],
                    "toolChoice": {"tool": {"name": "Invoice"}}
                  }
                }
                """)));
    }

    @Test
    void forcedCallsInput_isTheTextOfAFinishedAnswerWithoutToolCalls() {
        answerWith("converse-structured.json");

        ChatResponse response = client().chat(invoiceRequest().build());

        assertThat(response.text()).isEqualTo("{\"number\":\"INV-2026-0142\",\"total\":1284.5,\"currency\":\"EUR\"}");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).as("as Bedrock sent it").contains("tool_use");
    }

    @Test
    void typedChat_bindsTheForcedCallsInput() {
        answerWith("converse-structured.json");

        Invoice invoice = client().chat(ChatRequest.of("Extract the invoice."), Invoice.class);

        assertThat(invoice).isEqualTo(new Invoice("INV-2026-0142", new BigDecimal("1284.5"), "EUR"));
        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"toolConfig": {"toolChoice": {"tool": {"name": "Invoice"}}}}
                """, false, true)));
    }

    @Test
    void json_isAToolOfAnyObject() {
        answerWith("converse.json");

        client().chat(ChatRequest.builder().user("Answer in JSON.").responseFormat(ResponseFormat.json()).build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"toolConfig": {
                  "tools": [{"toolSpec": {"name": "json_answer", "description": "${json-unit.any-string}",
                             "inputSchema": {"json": {"type": "object"}}}}],
                  "toolChoice": {"tool": {"name": "json_answer"}}}}
                """, false, true)));
    }

    @Test
    void formatNextToTools_addsTheAnswerToolAndMakesTheModelCallAnyTool() {
        answerWith("converse-tool-use.json");

        ChatResponse response = client().chat(invoiceRequest().tool(BedrockToolsTest.WEATHER).build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"toolConfig": {
                  "tools": [{"toolSpec": {"name": "get_weather", "description": "Current weather of a city",
                             "inputSchema": {"json": "${json-unit.ignore}"}}},
                            {"toolSpec": {"name": "Invoice", "description": "${json-unit.any-string}",
                             "inputSchema": {"json": "${json-unit.ignore}"}}}],
                  "toolChoice": {"any": {}}}}
                """, false, true)));
        assertThat(response.finishReason()).as("the model called one of the request's tools")
                .isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.toolCalls()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("get_weather"));
    }

    @Test
    void toolNamedLikeTheAnswerTool_isRefusedBeforeSending() {
        Tool clash = Tool.of("Invoice", "Files an invoice", Json.createObjectBuilder().add("type", "object").build());

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client().chat(invoiceRequest().tool(clash).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("'Invoice'", "rename the tool");
        assertThat(bedrock.getAllServeEvents()).isEmpty();
    }

    @Test
    void extraToolConfigNextToAFormat_isRefusedBeforeSending() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(invoiceRequest()
                .extra("toolConfig", Map.of("toolChoice", Map.of("auto", Map.of()))).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("toolConfig");
        assertThat(bedrock.getAllServeEvents()).isEmpty();
    }
}
