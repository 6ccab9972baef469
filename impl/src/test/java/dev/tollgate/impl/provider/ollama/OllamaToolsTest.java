package dev.tollgate.impl.provider.ollama;

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
import dev.tollgate.impl.Tollgate;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tools and typed answers on Ollama's {@code /api/chat}: the shapes Ollama documents, and its answers. */
class OllamaToolsTest {
    private static final String PATH = "/api/chat";
    private static final Tool WEATHER = Tool.of("get_weather", "Current weather of a city",
            Json.createObjectBuilder()
                    .add("type", "object")
                    .add("properties", Json.createObjectBuilder()
                            .add("city", Json.createObjectBuilder().add("type", "string")))
                    .add("required", Json.createArrayBuilder().add("city"))
                    .build());

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    /** A typed answer. */
    public record Verdict(String label, double confidence) {
    }

    private static ChatClient client() {
        return Tollgate.builder(OllamaFixtures.config(ollama.baseUrl()).build()).build().chatClient();
    }

    private static void answerWith(String body) {
        ollama.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body)));
    }

    @Test
    void toolCallsWithoutIds_getIdsFromTheirPlaceInTheAnswer_andTheRequestCarriesTheTools() {
        answerWith(OllamaFixtures.read("chat-tool-calls.json"));

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.toolCalls()).containsExactly(new ToolCall("call_0", "get_current_weather",
                "{\"format\":\"celsius\",\"location\":\"Paris, FR\"}"));
        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "llama3.2", "messages": [{"role": "user", "content": "Weather in Paris?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "description": "Current weather of a city",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                                  "required": ["city"]}}}],
                 "stream": false}
                """)));
    }

    @Test
    void toolCallsWithOllamasIds_keepThem() {
        answerWith(OllamaFixtures.read("chat-tool-calls-ids.json"));

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather and time in Toronto?")
                .tool(WEATHER).build());

        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_k3qzv1xe", "get_weather", "{\"city\":\"Toronto\"}"),
                new ToolCall("call_w8f2mnq0", "get_time", "{}"));
        assertThat(response.text()).as("thinking is not the text").isEmpty();
    }

    @Test
    void answerSentBackWithToolResults_carriesTheCallsAsObjects_andEachResultsFunctionName() {
        answerWith(OllamaFixtures.read("chat-tool-calls-ids.json"));
        ChatClient llm = client();
        ChatRequest first = ChatRequest.builder().user("Weather and time in Toronto?").tool(WEATHER).build();
        ChatResponse calls = llm.chat(first);
        answerWith(OllamaFixtures.read("chat.json"));

        llm.chat(first.toBuilder()
                .message(calls.message())
                .message(Message.toolResult("call_k3qzv1xe", "{\"celsius\":3}"))
                .message(Message.toolResult("call_w8f2mnq0", "09:12"))
                .build());

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "llama3.2",
                 "messages": [
                   {"role": "user", "content": "Weather and time in Toronto?"},
                   {"role": "assistant", "content": "", "tool_calls": [
                     {"id": "call_k3qzv1xe", "function": {"name": "get_weather", "arguments": {"city": "Toronto"}}},
                     {"id": "call_w8f2mnq0", "function": {"name": "get_time", "arguments": {}}}]},
                   {"role": "tool", "content": "{\\"celsius\\":3}", "tool_call_id": "call_k3qzv1xe",
                    "tool_name": "get_weather"},
                   {"role": "tool", "content": "09:12", "tool_call_id": "call_w8f2mnq0", "tool_name": "get_time"}],
                 "tools": "${json-unit.ignore}",
                 "stream": false}
                """)));
    }

    @Test
    void derivedIdsRepeatedInLaterTurns_nameTheFunctionOfTheLatestCall() {
        answerWith(OllamaFixtures.read("chat.json"));

        client().chat(ChatRequest.builder().user("Weather, then time?")
                .message(Message.assistant("", List.of(new ToolCall("call_0", "get_weather", "{}"))))
                .message(Message.toolResult("call_0", "sunny"))
                .message(Message.assistant("", List.of(new ToolCall("call_0", "get_time", "{}"))))
                .message(Message.toolResult("call_0", "09:12"))
                .message(Message.toolResult("call_9", "unknown"))
                .build());

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                   {"role": "user"},
                   {"role": "assistant"},
                   {"role": "tool", "content": "sunny", "tool_call_id": "call_0", "tool_name": "get_weather"},
                   {"role": "assistant"},
                   {"role": "tool", "content": "09:12", "tool_call_id": "call_0", "tool_name": "get_time"},
                   {"role": "tool", "content": "unknown", "tool_call_id": "call_9"}]}
                """, false, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "not json", "{\"city\": \"Oslo\"} trailing", ""})
    void callWhoseArgumentsAreNotAJsonObject_isRefusedBeforeSending(String arguments) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.builder()
                .user("Weather?")
                .message(Message.assistant("", List.of(new ToolCall("call_0", "get_weather", arguments))))
                .message(Message.toolResult("call_0", "sunny"))
                .build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("call_0");
        assertThat(ollama.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void typedChat_sendsTheSchemaAsFormat_andBindsTheAnswer() {
        answerWith("""
                {"model": "llama3.2:latest", "created_at": "2026-06-20T09:41:27.350912Z",
                 "message": {"role": "assistant", "content": "{\\"label\\": \\"spam\\", \\"confidence\\": 0.9}"},
                 "done_reason": "stop", "done": true, "prompt_eval_count": 30, "eval_count": 14}
                """);

        Verdict verdict = client().chat(ChatRequest.of("Judge: WIN A PRIZE"), Verdict.class);

        assertThat(verdict).isEqualTo(new Verdict("spam", 0.9));
        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"format": {"type": "object",
                  "properties": {"label": {"type": "string"}, "confidence": {"type": "number"}},
                  "required": ["label", "confidence"], "additionalProperties": false}}
                """, true, true)));
    }
}
