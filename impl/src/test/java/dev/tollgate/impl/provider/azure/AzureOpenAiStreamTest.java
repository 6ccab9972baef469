package dev.tollgate.impl.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.provider.openai.StreamedAnswer;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streams of an Azure OpenAI deployment, in Azure's event format (a first chunk of prompt filter
 * results, content filter results on every choice), and what its api-version allows.
 */
class AzureOpenAiStreamTest {
    private static final String PATH = "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21";
    private static final String APIM_REQUEST_ID = "7c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    @RegisterExtension
    static WireMockExtension azure = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static ChatClient client(String apiVersion) {
        TestConfig config = AzureOpenAiClientTest.config(azure.baseUrl());
        if (apiVersion != null) {
            config.set("tollgate.providers.azure.api-version", apiVersion);
        }
        return Tollgate.builder(config.build()).build().chatClient();
    }

    private static StreamedAnswer stream(String apiVersion, String fixture) {
        azure.stubFor(post(urlPathMatching("/openai/deployments/.*/chat/completions"))
                .willReturn(StreamedAnswer.sse(AzureOpenAiClientTest.fixture(fixture))
                        .withHeader("apim-request-id", APIM_REQUEST_ID)));
        return StreamedAnswer.read(client(apiVersion).stream(ChatRequest.of("How do I care for a parrot?")));
    }

    @Test
    void stream_skipsThePromptFilterChunkAndReadsTextFinishAndUsage() {
        StreamedAnswer answer = stream(null, "stream.txt");

        assertThat(answer.pieces()).containsExactly("Ahoy", ", matey!");
        ChatResponse response = answer.response();
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.usage()).isEqualTo(Usage.builder().inputTokens(1210).cachedInputTokens(1024)
                .outputTokens(9).build());
        assertThat(response.model()).as("not the empty model of the prompt filter chunk").isEqualTo("gpt-4o-2024-11-20");
        assertThat(response.responseId()).contains("chatcmpl-C4bC5dE6fG7hI8jK9lM0nO1pQ2rSt");
        assertThat(response.requestId()).contains(APIM_REQUEST_ID);
    }

    @Test
    void streamOfACurrentApiVersion_asksForItsUsage() {
        stream(null, "stream.txt");

        azure.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("api-key", equalTo(AzureOpenAiClientTest.API_KEY))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-prod", "messages": [{"role": "user", "content": "How do I care for a parrot?"}],
                         "stream": true, "stream_options": {"include_usage": true}}
                        """)));
    }

    @Test
    void streamOfAnApiVersionBeforeStreamOptions_asksForNoUsageAndLeavesItUnknown() {
        StreamedAnswer answer = stream("2024-06-01", "stream-old-api-version.txt");

        assertThat(answer.pieces()).containsExactly("Ahoy", ", matey!");
        assertThat(answer.response().usage().isKnown()).isFalse();
        azure.verify(1, postRequestedFor(urlEqualTo(
                "/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-06-01"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o-prod", "messages": [{"role": "user", "content": "How do I care for a parrot?"}], "stream": true}
                        """)));
    }

    @Test
    void contentFilteredMidStream_endsWithTheFinishContentFilter() {
        StreamedAnswer answer = stream(null, "stream-content-filter.txt");

        assertThat(answer.pieces()).containsExactly("The duel");
        assertThat(answer.response().finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(answer.response().rawFinishReason()).contains("content_filter");
        assertThat(answer.response().usage()).isEqualTo(Usage.builder().inputTokens(1210).cachedInputTokens(1024)
                .outputTokens(3).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-06-01", "2024-07-01-preview"})
    void schemaFormatBeforeStructuredOutputs_isRefusedBeforeSending(String apiVersion) {
        ChatRequest request = ChatRequest.builder().user("Judge")
                .responseFormat(ResponseFormat.jsonSchema("Verdict", Json.createObjectBuilder().add("type", "object").build()))
                .build();

        LlmException failure = catchThrowableOfType(LlmException.class, () -> client(apiVersion).chat(request));

        assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("api-version " + apiVersion).contains("2024-08-01-preview");
        azure.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void toolsBeforeTheirApiVersion_areRefusedBeforeSending() {
        Tool tool = Tool.of("weather", "Current weather", Json.createObjectBuilder().add("type", "object").build());
        ChatRequest withTool = ChatRequest.builder().user("Weather?").tool(tool).build();
        ChatRequest withResult = ChatRequest.builder().user("Weather?")
                .message(Message.assistant("", List.of(new ToolCall("call_1", "weather", "{}"))))
                .message(Message.toolResult("call_1", "sunny"))
                .build();

        for (ChatRequest request : List.of(withTool, withResult)) {
            LlmException failure = catchThrowableOfType(LlmException.class, () -> client("2023-05-15").chat(request));

            assertThat(failure.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
            assertThat(failure.getMessage()).contains("cannot call tools").contains("2023-12-01-preview");
        }
        azure.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void jsonModeAndTools_areSentOnTheDefaultApiVersion() {
        azure.stubFor(post(urlPathMatching("/openai/deployments/.*/chat/completions"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(AzureOpenAiClientTest.fixture("chat-completion.json"))));
        Tool tool = Tool.of("weather", "Current weather", Json.createObjectBuilder().add("type", "object").build());

        client(null).chat(ChatRequest.builder().user("Weather?").tool(tool).responseFormat(ResponseFormat.json()).build());

        azure.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "gpt-4o-prod", "messages": [{"role": "user", "content": "Weather?"}],
                 "tools": [{"type": "function", "function": {"name": "weather", "description": "Current weather",
                            "parameters": {"type": "object"}}}],
                 "response_format": {"type": "json_object"}}
                """)));
    }
}
