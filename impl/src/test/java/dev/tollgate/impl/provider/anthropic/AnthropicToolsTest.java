package dev.tollgate.impl.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.PATH;
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
import dev.tollgate.impl.TestRecordSink;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tools both ways: definitions and earlier calls and results out, tool_use blocks in. */
class AnthropicToolsTest {
    static final Tool WEATHER = Tool.of("weather", "Current weather of a city", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder().add("city", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("city"))
            .build());
    static final Tool LOCAL_TIME = Tool.of("local_time", "Local time of a city", Json.createObjectBuilder()
            .add("type", "object")
            .build());

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private ChatClient client() {
        return AnthropicFixtures.client(AnthropicFixtures.config(anthropic.baseUrl()), new TestRecordSink());
    }

    private static void answerWith(String fixture) {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(AnthropicFixtures.response(200, fixture, "req_1")));
    }

    @Test
    void tools_areOfferedWithNameDescriptionAndInputSchema_andTheChoiceLeftToTheModel() {
        answerWith("message.json");

        client().chat(ChatRequest.builder().user("Weather in Oslo?").tool(WEATHER).tool(LOCAL_TIME).build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.tool_choice", absent()))
                .withRequestBody(equalToJson("""
                        {"model": "claude-sonnet-4-5", "max_tokens": 4096,
                         "messages": [{"role": "user", "content": "Weather in Oslo?"}],
                         "tools": [
                           {"name": "weather", "description": "Current weather of a city",
                            "input_schema": {"type": "object", "properties": {"city": {"type": "string"}},
                                             "required": ["city"]}},
                           {"name": "local_time", "description": "Local time of a city",
                            "input_schema": {"type": "object"}}
                         ]}
                        """)));
    }

    @Test
    void toolChoiceInExtra_isSentAsGiven() {
        answerWith("message.json");

        client().chat(ChatRequest.builder().user("Weather in Oslo?").tool(WEATHER)
                .extra("tool_choice", Map.of("type", "any")).build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.tool_choice.type", equalTo("any"))));
    }

    @Test
    void toolUseBlocks_becomeToolCallsWithCompactArguments() {
        answerWith("message-tool-use-parallel.json");

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather and time in Oslo?")
                .tool(WEATHER).tool(LOCAL_TIME).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("tool_use");
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P", "weather",
                        "{\"city\":\"Oslo\",\"units\":{\"temperature\":\"celsius\"}}"),
                new ToolCall("toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "local_time", "{}"));
    }

    @Test
    void textBeforeAToolCall_isKeptAsTheText() {
        answerWith("message-tool-use.json");

        ChatResponse response = client().chat(ChatRequest.of("Weather in San Francisco?"));

        assertThat(response.text()).isEqualTo("I'll check the weather in San Francisco.");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_01A09q90qw90lq917835lq9");
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}");
        });
    }

    @Test
    void callsAndResults_areSentAsToolUseBlocksAndOneUserMessageOfToolResults() {
        answerWith("message.json");
        ToolCall weather = new ToolCall("toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P", "weather", "{\"city\": \"Oslo\"}");
        ToolCall time = new ToolCall("toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "local_time", "{}");

        client().chat(ChatRequest.builder()
                .user("Weather and time in Oslo?")
                .message(Message.assistant("Let me look both up.", List.of(weather, time)))
                .message(Message.toolResult(weather.id(), "{\"celsius\":3}"))
                .message(Message.toolResult(time.id(), "14:05"))
                .tool(WEATHER).tool(LOCAL_TIME)
                .build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                  {"role": "user", "content": "Weather and time in Oslo?"},
                  {"role": "assistant", "content": [
                    {"type": "text", "text": "Let me look both up."},
                    {"type": "tool_use", "id": "toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P", "name": "weather",
                     "input": {"city": "Oslo"}},
                    {"type": "tool_use", "id": "toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "name": "local_time", "input": {}}
                  ]},
                  {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P",
                     "content": "{\\"celsius\\":3}"},
                    {"type": "tool_result", "tool_use_id": "toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "content": "14:05"}
                  ]}
                ]}
                """, false, true)));
    }

    @Test
    void answerThatCalledATool_goesBackAsItCame_withoutAnEmptyTextBlock() {
        answerWith("message-tool-use-parallel.json");
        ChatClient client = client();
        ChatRequest first = ChatRequest.builder().user("Weather and time in Oslo?").tool(WEATHER).tool(LOCAL_TIME)
                .build();
        ChatResponse calls = client.chat(first);
        answerWith("message.json");

        client.chat(first.toBuilder()
                .message(calls.message())
                .message(Message.toolResult(calls.toolCalls().get(0).id(), "{\"celsius\":3}"))
                .message(Message.toolResult(calls.toolCalls().get(1).id(), "14:05"))
                .build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                  {"role": "user", "content": "Weather and time in Oslo?"},
                  {"role": "assistant", "content": [
                    {"type": "tool_use", "id": "toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P", "name": "weather",
                     "input": {"city": "Oslo", "units": {"temperature": "celsius"}}},
                    {"type": "tool_use", "id": "toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "name": "local_time", "input": {}}
                  ]},
                  {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_01Lw6Tb2Yq9Rm4Xc7Vn3Kd8P",
                     "content": "{\\"celsius\\":3}"},
                    {"type": "tool_result", "tool_use_id": "toolu_01Mz8Vc4Xr2Tn6Wb9Qk5Jf3H", "content": "14:05"}
                  ]}
                ]}
                """, false, true)));
    }

    @Test
    void toolResultsSeparatedByAUserMessage_goInTwoUserMessages() {
        answerWith("message.json");
        ToolCall weather = new ToolCall("toolu_1", "weather", "{\"city\":\"Oslo\"}");
        ToolCall again = new ToolCall("toolu_2", "weather", "{\"city\":\"Bergen\"}");

        client().chat(ChatRequest.builder()
                .user("Weather in Oslo?")
                .message(Message.assistant("", List.of(weather)))
                .message(Message.toolResult("toolu_1", "3"))
                .message(Message.assistant("", List.of(again)))
                .message(Message.toolResult("toolu_2", "5"))
                .build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.messages[2].content[0].tool_use_id",
                        equalTo("toolu_1")))
                .withRequestBody(matchingJsonPath("$.messages[4].content[0].tool_use_id",
                        equalTo("toolu_2"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1, 2]", "\"Oslo\""})
    void callArgumentsThatAreNotAJsonObject_areRefusedBeforeSending(String arguments) {
        ChatRequest request = ChatRequest.builder()
                .user("Weather in Oslo?")
                .message(Message.assistant("", List.of(new ToolCall("toolu_1", "weather", arguments))))
                .message(Message.toolResult("toolu_1", "3"))
                .build();

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(request));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("toolu_1");
        assertThat(anthropic.getAllServeEvents()).isEmpty();
    }
}
