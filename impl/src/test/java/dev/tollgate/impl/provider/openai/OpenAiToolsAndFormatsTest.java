package dev.tollgate.impl.provider.openai;

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
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response formats and tools in the Chat Completions wire shape, both ways. */
class OpenAiToolsAndFormatsTest {
    private static final String PATH = "/v1/chat/completions";
    static final JsonObject WEATHER_PARAMETERS = Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                    .add("location", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("location"))
            .add("additionalProperties", false)
            .build();
    static final Tool WEATHER = Tool.of("get_weather", "Current weather of a place", WEATHER_PARAMETERS);

    /** The answer type of the typed chat below. */
    public record Verdict(String label, double confidence) {
    }

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatClient client() {
        return Tollgate.builder(TestConfig.properties()
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", openAi.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .build()).build().chatClient();
    }

    private static void answerWith(String body) {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
    }

    private static String answerText(String content) {
        return OpenAiFixtures.read("chat-completion.json")
                .replace("\"Hello! How can I assist you today?\"", Json.createValue(content).toString());
    }

    @Test
    void jsonFormat_isSentAsJsonObjectMode() {
        answerWith(answerText("{\"ok\": true}"));

        ChatResponse response = client().chat(ChatRequest.builder().user("Answer in JSON")
                .responseFormat(ResponseFormat.json()).build());

        assertThat(response.text()).isEqualTo("{\"ok\": true}");
        openAi.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Answer in JSON"}],
                 "response_format": {"type": "json_object"}}
                """)));
    }

    @Test
    void schemaFormat_isSentAsStrictJsonSchemaUnderItsName() {
        answerWith(answerText("{}"));
        JsonObject schema = Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add("n", Json.createObjectBuilder().add("type", "integer")))
                .add("required", Json.createArrayBuilder().add("n"))
                .add("additionalProperties", false).build();

        client().chat(ChatRequest.builder().user("Count").responseFormat(ResponseFormat.jsonSchema("Count", schema)).build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Count"}],
                 "response_format": {"type": "json_schema", "json_schema": {"name": "Count", "strict": true,
                   "schema": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"],
                              "additionalProperties": false}}}}
                """)));
    }

    @Test
    void typedChat_asksForTheTypesSchemaAndBindsTheAnswersText() {
        answerWith(answerText("{\"label\":\"spam\",\"confidence\":0.9}"));

        Verdict verdict = client().chat(ChatRequest.of("Judge"), Verdict.class);

        assertThat(verdict).isEqualTo(new Verdict("spam", 0.9));
        openAi.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"response_format": {"type": "json_schema", "json_schema": {"name": "Verdict", "strict": true}}}
                """, true, true)));
    }

    @Test
    void tools_areSentAsFunctionsWithTheirParameterSchemas() {
        answerWith(OpenAiFixtures.read("chat-completion-tool-calls.json"));

        client().chat(ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Weather in Paris?"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "description": "Current weather of a place",
                   "parameters": {"type": "object", "properties": {"location": {"type": "string"}},
                                  "required": ["location"], "additionalProperties": false}}}]}
                """)));
    }

    @Test
    void toolCallsOfTheAnswer_areReturnedWithTheFinishToolCalls() {
        answerWith(OpenAiFixtures.read("chat-completion-tool-calls.json"));

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather in Paris?").tool(WEATHER).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", "{\"location\":\"Paris, France\"}"));
        assertThat(response.message().toolCalls()).isEqualTo(response.toolCalls());
    }

    @Test
    void callsAndTheirResults_areSentBackInTheWireShape() {
        answerWith(answerText("It is 18 degrees in Paris, and 14:05."));
        ToolCall weather = new ToolCall("call_DdmO9pD3xa9XTPNJ32zg2hcA", "get_weather", "{\"location\":\"Paris\"}");
        ToolCall time = new ToolCall("call_7Gh2kLmN4pQr6StU8vWx0yZa", "get_time", "{}");

        client().chat(ChatRequest.builder()
                .user("Weather in Paris?")
                .tool(WEATHER)
                .message(Message.assistant("", List.of(weather)))
                .message(Message.toolResult(weather.id(), "{\"celsius\":18}"))
                .message(Message.assistant("Checking the time too.", List.of(time)))
                .message(Message.toolResult(time.id(), "14:05"))
                .build());

        openAi.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                  {"role": "user", "content": "Weather in Paris?"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_DdmO9pD3xa9XTPNJ32zg2hcA",
                    "type": "function", "function": {"name": "get_weather", "arguments": "{\\"location\\":\\"Paris\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_DdmO9pD3xa9XTPNJ32zg2hcA", "content": "{\\"celsius\\":18}"},
                  {"role": "assistant", "content": "Checking the time too.", "tool_calls": [{
                    "id": "call_7Gh2kLmN4pQr6StU8vWx0yZa", "type": "function",
                    "function": {"name": "get_time", "arguments": "{}"}}]},
                  {"role": "tool", "tool_call_id": "call_7Gh2kLmN4pQr6StU8vWx0yZa", "content": "14:05"}
                ]}
                """, false, true)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response_format", "tools", "stream", "stream_options"})
    void extraRepeatingATypedField_isRefusedBeforeSending(String field) {
        LlmException failure = catchThrowableOfType(LlmException.class,
                () -> client().chat(ChatRequest.builder().user("hi").extra(field, Map.of()).build()));

        assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains(field);
        openAi.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void toolCallArgumentsGivenAsAnObject_areTakenAsTheirJsonText() {
        answerWith("""
                {"id": "c1", "object": "chat.completion", "model": "local",
                 "choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
                   "content": null, "tool_calls": [{"id": "call_1", "type": "function",
                   "function": {"name": "get_weather", "arguments": {"location": "Oslo"}}}]}}]}
                """);

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather in Oslo?").tool(WEATHER).build());

        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("call_1", "get_weather", "{\"location\":\"Oslo\"}"));
    }

    @Test
    void contentGivenAsParts_isTheTextOfItsTextParts() {
        answerWith("""
                {"id": "c2", "object": "chat.completion", "model": "magistral-small-latest",
                 "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
                   "content": [{"type": "thinking", "thinking": [{"type": "text", "text": "2 + 2 is 4."}]},
                               {"type": "text", "text": "4"}]}}]}
                """);

        assertThat(client().chat(ChatRequest.of("2 + 2?")).text()).isEqualTo("4");
    }
}
