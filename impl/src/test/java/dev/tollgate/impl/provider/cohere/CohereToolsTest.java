package dev.tollgate.impl.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
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
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.Tollgate;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tools and typed answers on Cohere v2 Chat: the request shapes Cohere documents, and its answers. */
class CohereToolsTest {
    private static final String PATH = "/v2/chat";
    private static final Tool WEATHER = Tool.of("get_weather", "Current weather of a city",
            Json.createObjectBuilder()
                    .add("type", "object")
                    .add("properties", Json.createObjectBuilder()
                            .add("location", Json.createObjectBuilder().add("type", "string")))
                    .add("required", Json.createArrayBuilder().add("location"))
                    .build());

    @RegisterExtension
    static WireMockExtension cohere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** A typed answer. */
    public record Verdict(String label, double confidence) {
    }

    private static ChatClient client() {
        return Tollgate.builder(CohereFixtures.config(cohere.baseUrl()).build()).build().chatClient();
    }

    private static void answerWith(String body) {
        cohere.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    @Test
    void toolCallAnswer_givesTheCallsInOrder_withThePlanAsText() {
        answerWith(CohereFixtures.read("chat-tool-call.json"));

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather and time in Toronto?")
                .tool(WEATHER).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("TOOL_CALL");
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("get_weather_1byjy32y4hvq", "get_weather", "{\"location\":\"Toronto\"}"),
                new ToolCall("get_time_dcxfx4myvx68", "get_time", "{}"));
        assertThat(response.text()).isEqualTo("I will look up the weather in Toronto.");
        assertThat(response.usage()).isEqualTo(Usage.of(37, 28));
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "command-a-03-2025",
                 "messages": [{"role": "user", "content": "Weather and time in Toronto?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "description": "Current weather of a city",
                   "parameters": {"type": "object", "properties": {"location": {"type": "string"}},
                                  "required": ["location"]}}}]}
                """)));
    }

    @Test
    void answerSentBackWithToolResults_carriesThePlanCallsAndResultsAsCohereDocumentsThem() {
        answerWith(CohereFixtures.read("chat-tool-call.json"));
        ChatClient llm = client();
        ChatRequest first = ChatRequest.builder().user("Weather and time in Toronto?").tool(WEATHER).build();
        ChatResponse calls = llm.chat(first);
        answerWith(CohereFixtures.read("chat.json"));

        llm.chat(first.toBuilder()
                .message(calls.message())
                .message(Message.toolResult("get_weather_1byjy32y4hvq", "{\"celsius\":3}"))
                .message(Message.toolResult("get_time_dcxfx4myvx68", "{\"time\":\"09:12\"}"))
                .build());

        cohere.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "command-a-03-2025",
                 "messages": [
                   {"role": "user", "content": "Weather and time in Toronto?"},
                   {"role": "assistant", "tool_plan": "I will look up the weather in Toronto.",
                    "tool_calls": [
                      {"id": "get_weather_1byjy32y4hvq", "type": "function",
                       "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Toronto\\"}"}},
                      {"id": "get_time_dcxfx4myvx68", "type": "function",
                       "function": {"name": "get_time", "arguments": "{}"}}]},
                   {"role": "tool", "tool_call_id": "get_weather_1byjy32y4hvq", "content": "{\\"celsius\\":3}"},
                   {"role": "tool", "tool_call_id": "get_time_dcxfx4myvx68", "content": "{\\"time\\":\\"09:12\\"}"}],
                 "tools": "${json-unit.ignore}"}
                """)));
    }

    @Test
    void assistantCallWithoutText_isSentWithoutPlanOrContent() {
        answerWith(CohereFixtures.read("chat.json"));

        client().chat(ChatRequest.builder().user("Weather?")
                .message(Message.assistant("", List.of(new ToolCall("call_1", "get_weather", "{}"))))
                .message(Message.toolResult("call_1", "sunny"))
                .build());

        cohere.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "command-a-03-2025",
                 "messages": [
                   {"role": "user", "content": "Weather?"},
                   {"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
                     "function": {"name": "get_weather", "arguments": "{}"}}]},
                   {"role": "tool", "tool_call_id": "call_1", "content": "sunny"}]}
                """)));
    }

    @Test
    void toolCallWithoutAnId_isAnInvalidResponse() {
        answerWith(CohereFixtures.read("chat-tool-call.json").replace("\"id\": \"get_time_dcxfx4myvx68\",", ""));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.of("Weather?")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
    }

    @Test
    void typedChat_sendsTheSchemaAsJsonObjectFormat_andBindsTheAnswer() {
        answerWith("""
                {"id": "b1", "finish_reason": "COMPLETE",
                 "message": {"role": "assistant", "content": [{"type": "text", "text": "{\\"label\\": \\"spam\\", \\"confidence\\": 0.9}"}]},
                 "usage": {"billed_units": {"input_tokens": 20, "output_tokens": 12}}}
                """);

        Verdict verdict = client().chat(ChatRequest.of("Judge: WIN A PRIZE"), Verdict.class);

        assertThat(verdict).isEqualTo(new Verdict("spam", 0.9));
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"response_format": {"type": "json_object", "json_schema": {"type": "object",
                  "properties": {"label": {"type": "string"}, "confidence": {"type": "number"}},
                  "required": ["label", "confidence"], "additionalProperties": false}}}
                """, true, true)));
    }
}
