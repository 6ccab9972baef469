package dev.tollgate.impl.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Tool;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.structured.JsonSchemas;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Structured answers through a forced tool: the request's shape, and the tool's input as the text. */
class AnthropicStructuredTest {
    /** A typed answer. */
    public record Verdict(String label, double confidence) {
    }

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

    private static ChatRequest.Builder judge() {
        return ChatRequest.builder().user("Is 'WIN A FREE CRUISE' spam?");
    }

    @Test
    void typedChat_forcesTheToolNamedAfterTheTypeWithItsSchema_andBindsTheToolInput() {
        answerWith("message-structured.json");

        Verdict verdict = client().chat(judge().build(), Verdict.class);

        assertThat(verdict).isEqualTo(new Verdict("spam", 0.9));
        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "claude-sonnet-4-5", "max_tokens": 4096,
                 "messages": [{"role": "user", "content": "Is 'WIN A FREE CRUISE' spam?"}],
                 "tools": [{"name": "Verdict", "description": "Give your answer as the input of this tool.",
                            "input_schema": %s}],
                 "tool_choice": {"type": "tool", "name": "Verdict"}}
                """.formatted(JsonSchemas.of(Verdict.class)))));
    }

    @Test
    void forcedToolCall_isTheTextWithAStopAndNoToolCalls() {
        answerWith("message-structured.json");

        ChatResponse response = client().chat(judge()
                .responseFormat(ResponseFormat.jsonSchema("Verdict", JsonSchemas.of(Verdict.class))).build());

        assertThat(response.text()).isEqualTo("{\"label\":\"spam\",\"confidence\":0.9}");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("tool_use");
        assertThat(response.toolCalls()).isEmpty();
        assertThat(response.usage().outputTokens()).isEqualTo(41);
    }

    @Test
    void jsonWithoutSchema_forcesAToolThatTakesAnyObject() {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(AnthropicFixtures.read("message-structured.json")
                        .replace("\"Verdict\"", "\"json_answer\""))));

        ChatResponse response = client().chat(judge().responseFormat(ResponseFormat.json()).build());

        assertThat(response.text()).isEqualTo("{\"label\":\"spam\",\"confidence\":0.9}");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"tools": [{"name": "json_answer", "description": "Give your answer as the input of this tool.",
                            "input_schema": {"type": "object"}}],
                 "tool_choice": {"type": "tool", "name": "json_answer"}}
                """, false, true)));
    }

    @Test
    void schemaWithTools_offersBoth_andMakesTheModelCallOneOfThem() {
        answerWith("message-structured.json");

        client().chat(judge().tool(AnthropicToolsTest.WEATHER)
                .responseFormat(ResponseFormat.jsonSchema("Verdict", JsonSchemas.of(Verdict.class))).build());

        anthropic.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"tools": [{"name": "weather"}, {"name": "Verdict"}], "tool_choice": {"type": "any"}}
                """, false, true)));
    }

    @Test
    void schemaWithTools_answeredWithACallOfAnotherTool_isThatToolCall() {
        answerWith("message-tool-use-parallel.json");

        ChatResponse response = client().chat(judge()
                .tool(AnthropicToolsTest.WEATHER)
                .tool(AnthropicToolsTest.LOCAL_TIME)
                .responseFormat(ResponseFormat.jsonSchema("Verdict", JsonSchemas.of(Verdict.class))).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(response.toolCalls()).extracting(c -> c.name()).containsExactly("weather", "local_time");
        assertThat(response.text()).isEmpty();
    }

    @Test
    void toolNamedLikeTheSchema_isRefusedBeforeSending() {
        Tool clash = Tool.of("Verdict", "A tool of the same name",
                Json.createObjectBuilder().add("type", "object").build());

        LlmException e = refusal(judge().tool(clash)
                .responseFormat(ResponseFormat.jsonSchema("Verdict", JsonSchemas.of(Verdict.class))).build());

        assertThat(e.getMessage()).contains("'Verdict'");
    }

    @Test
    void toolChoiceInExtra_contradictsAResponseFormat_andIsRefused() {
        LlmException e = refusal(judge().responseFormat(ResponseFormat.json())
                .extra("tool_choice", Map.of("type", "auto")).build());

        assertThat(e.getMessage()).contains("tool_choice");
    }

    private LlmException refusal(ChatRequest request) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(request));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(anthropic.getAllServeEvents()).as("nothing was sent").isEmpty();
        return e;
    }

    @Test
    void answerCutByTheTokenLimit_failsToBindAsAnInvalidResponse() {
        answerWith("message-max-tokens.json");

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(judge().build(), Verdict.class));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.providerMessage()).contains("Once upon a time, in a land far");
    }
}
