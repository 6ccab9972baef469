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
import dev.tollgate.api.Message;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tools on Converse: definitions, calls in answers, and calls and results sent back. */
class BedrockToolsTest {
    static final Tool WEATHER = Tool.of("get_weather", "Current weather of a city", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder().add("city", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("city"))
            .build());
    static final Tool TIME = Tool.of("get_time", "Local time of a city", Json.createObjectBuilder()
            .add("type", "object").build());

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

    private LlmException refusal(ChatRequest request) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(request));
        assertThat(e).as("the request is refused").isNotNull();
        assertThat(bedrock.getAllServeEvents()).as("nothing was sent").isEmpty();
        return e;
    }

    @Test
    void tools_areToolSpecsOfToolConfig_withTheChoiceLeftToTheModel() {
        answerWith("converse-tool-use.json");

        client().chat(ChatRequest.builder().user("Weather in Seattle?").tool(WEATHER).tool(TIME).build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {
                  "messages": [{"role": "user", "content": [{"text": "Weather in Seattle?"}]}],
                  "toolConfig": {
                    "tools": [
                      {"toolSpec": {"name": "get_weather", "description": "Current weather of a city",
                        "inputSchema": {"json": {"type": "object",
                          "properties": {"city": {"type": "string"}}, "required": ["city"]}}}},
                      {"toolSpec": {"name": "get_time", "description": "Local time of a city",
                        "inputSchema": {"json": {"type": "object"}}}}
                    ]
                  }
                }
                """)));
    }

    @Test
    void toolUseBlocks_areToolCallsWithTheirInputAsArguments_andTheToolCallsFinish() {
        answerWith("converse-tool-use.json");

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather in Seattle?").tool(WEATHER).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.rawFinishReason()).contains("tool_use");
        assertThat(response.text()).isEqualTo("Let me look up the weather.");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo("{\"city\":\"Seattle\",\"unit\":\"celsius\"}");
        });
    }

    @Test
    void severalToolUseBlocks_areSeveralCallsInOrder() {
        answerWith("converse-tool-use-parallel.json");

        ChatResponse response = client().chat(ChatRequest.builder().user("Weather and time in Seattle?")
                .tool(WEATHER).tool(TIME).build());

        assertThat(response.toolCalls()).containsExactly(
                new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "get_weather", "{\"city\":\"Seattle\"}"),
                new ToolCall("tooluse_8Jd2kPq0TZ2mYcE1xWvB4g", "get_time", "{}"));
        assertThat(response.text()).isEmpty();
    }

    @Test
    void callsAndResults_goBackAsToolUseAndToolResultBlocks_resultsSharingOneUserMessage() {
        answerWith("converse.json");
        ToolCall weather = new ToolCall("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "get_weather", "{\"city\":\"Seattle\"}");
        ToolCall time = new ToolCall("tooluse_8Jd2kPq0TZ2mYcE1xWvB4g", "get_time", "");

        client().chat(ChatRequest.builder()
                .user("Weather and time in Seattle?")
                .message(Message.assistant("", List.of(weather, time)))
                .message(Message.toolResult(weather.id(), "{\"celsius\": 12, \"sky\": \"rain\"}"))
                .message(Message.toolResult(time.id(), "14:05"))
                .user("And tomorrow?")
                .message(Message.assistant("Checking.", List.of(weather)))
                .message(Message.toolResult(weather.id(), "[\"sun\"]"))
                .tool(WEATHER).tool(TIME)
                .build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"messages": [
                  {"role": "user", "content": [{"text": "Weather and time in Seattle?"}]},
                  {"role": "assistant", "content": [
                    {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "get_weather",
                                 "input": {"city": "Seattle"}}},
                    {"toolUse": {"toolUseId": "tooluse_8Jd2kPq0TZ2mYcE1xWvB4g", "name": "get_time", "input": {}}}
                  ]},
                  {"role": "user", "content": [
                    {"toolResult": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q",
                                    "content": [{"json": {"celsius": 12, "sky": "rain"}}]}},
                    {"toolResult": {"toolUseId": "tooluse_8Jd2kPq0TZ2mYcE1xWvB4g", "content": [{"text": "14:05"}]}},
                    {"text": "And tomorrow?"}
                  ]},
                  {"role": "assistant", "content": [
                    {"text": "Checking."},
                    {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "get_weather",
                                 "input": {"city": "Seattle"}}}
                  ]},
                  {"role": "user", "content": [
                    {"toolResult": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "content": [{"text": "[\\"sun\\"]"}]}}
                  ]}
                ]}
                """, false, true)));
    }

    @Test
    void toolCallWhoseArgumentsAreNotJson_isRefusedBeforeSending() {
        LlmException e = refusal(ChatRequest.builder()
                .user("Weather?")
                .message(Message.assistant("", List.of(new ToolCall("tooluse_1", "get_weather", "{city: Seattle"))))
                .message(Message.toolResult("tooluse_1", "rain"))
                .tool(WEATHER)
                .build());

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("tooluse_1", "not JSON");
    }

    @Test
    void extraToolConfigNextToTools_isRefusedBeforeSending() {
        LlmException e = refusal(ChatRequest.builder().user("Weather?").tool(WEATHER)
                .extra("toolConfig", Map.of("toolChoice", Map.of("any", Map.of()))).build());

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("toolConfig");
    }

    @Test
    void extraToolConfigWithoutToolsOrFormat_isWrittenAsGiven() {
        answerWith("converse-tool-use.json");
        Map<String, Object> toolConfig = Map.of("tools", List.of(Map.of("toolSpec", Map.of("name", "get_weather",
                "inputSchema", Map.of("json", Map.of("type", "object"))))));

        client().chat(ChatRequest.builder().user("Weather?").extra("toolConfig", toolConfig).build());

        bedrock.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"toolConfig": {"tools": [{"toolSpec": {"name": "get_weather", "inputSchema": {"json": {"type": "object"}}}}]}}
                """, false, true)));
    }
}
