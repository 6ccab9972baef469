package dev.tollgate.impl.provider.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OllamaClientTest {
    private static final String PATH = "/api/chat";

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return OllamaFixtures.config(ollama.baseUrl());
    }

    private ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    private static void answerWith(String body) {
        ollama.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body)));
    }

    private static TestConfig priced(TestConfig config, String model) {
        return config
                .set("tollgate.pricing.ollama." + model + ".input", "2")
                .set("tollgate.pricing.ollama." + model + ".cached-input", "0.5")
                .set("tollgate.pricing.ollama." + model + ".output", "8");
    }

    @Test
    void plainChat_returnsTextReportedModelAndUsage_withStreamingOff() {
        answerWith(OllamaFixtures.read("chat.json"));

        ChatResponse response = client(config()).chat(ChatRequest.of("What is a tollgate?"));

        assertThat(response.text()).isEqualTo("A tollgate is a barrier where travellers pay a fee before they may pass.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("stop");
        assertThat(response.provider()).isEqualTo("ollama");
        assertThat(response.model()).isEqualTo("llama3.2:latest");
        assertThat(response.responseId()).isEmpty();
        assertThat(response.requestId()).isEmpty();
        assertThat(response.usage()).isEqualTo(Usage.of(26, 298));
        ollama.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"model": "llama3.2", "messages": [{"role": "user", "content": "What is a tollgate?"}],
                         "stream": false}
                        """)));
    }

    @Test
    void requestBody_putsTypedOptionsAndOptionExtrasUnderOptions_andOtherExtrasAtTheTop() {
        answerWith(OllamaFixtures.read("chat.json"));
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .user("And in software?")
                .temperature(0.2)
                .topP(0.9)
                .maxTokens(128)
                .stop("\n\n", "user:")
                .seed(7L)
                .extra("options.num_ctx", 8192)
                .extra("options.repeat_penalty", 1.1)
                .responseFormat(ResponseFormat.json())
                .extra("think", false)
                .extra("keep_alive", "30m")
                .build();

        client(config()).chat(request);

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "model": "llama3.2",
                          "messages": [
                            {"role": "system", "content": "You answer in one sentence."},
                            {"role": "user", "content": "What is a tollgate?"},
                            {"role": "assistant", "content": "A gate where a toll is paid."},
                            {"role": "user", "content": "And in software?"}
                          ],
                          "stream": false,
                          "options": {
                            "temperature": 0.2,
                            "top_p": 0.9,
                            "num_predict": 128,
                            "stop": ["\\n\\n", "user:"],
                            "seed": 7,
                            "num_ctx": 8192,
                            "repeat_penalty": 1.1
                          },
                          "format": "json",
                          "think": false,
                          "keep_alive": "30m"
                        }
                        """)));
    }

    @Test
    void jsonSchemaFormat_isSentAsTheFormat() {
        answerWith(OllamaFixtures.read("chat.json"));
        JsonObject schema = Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("age", Json.createObjectBuilder().add("type", "integer")))
                .add("required", Json.createArrayBuilder().add("age"))
                .build();

        client(config()).chat(ChatRequest.builder().user("How old?")
                .responseFormat(ResponseFormat.jsonSchema("Person", schema)).build());

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "llama3.2", "messages": [{"role": "user", "content": "How old?"}], "stream": false,
                 "format": {"type": "object", "properties": {"age": {"type": "integer"}}, "required": ["age"]}}
                """)));
    }

    @ParameterizedTest(name = "keep-alive={0}")
    @CsvSource(delimiter = '|', value = {
        "10m    | \"10m\"",
        "1h30m  | \"1h30m\"",
        "0      | 0",
        "-1     | -1",
        "3600   | 3600",
    })
    void keepAliveProperty_isSentAsKeepAlive(String property, String json) {
        answerWith(OllamaFixtures.read("chat.json"));

        client(config().set("tollgate.providers.ollama.keep-alive", property)).chat(ChatRequest.of("hi"));

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "llama3.2", "messages": [{"role": "user", "content": "hi"}], "stream": false,
                 "keep_alive": %s}
                """.formatted(json))));
    }

    @Test
    void apiKey_isSentAsBearerToken() {
        answerWith(OllamaFixtures.read("chat.json"));

        client(config().set("tollgate.providers.ollama.api-key", OllamaFixtures.API_KEY)).chat(ChatRequest.of("hi"));

        ollama.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + OllamaFixtures.API_KEY)));
    }

    @Test
    void usage_readsPromptTokensFromTheCache_andLeavesThinkingOutOfTheText() {
        answerWith(OllamaFixtures.read("chat-cached-thinking.json"));

        ChatResponse response = client(priced(config(), "qwen3:8b"))
                .chat(ChatRequest.builder().user("Total of the invoices?").model("qwen3:8b").build());

        assertThat(response.text()).isEqualTo("The three invoices come to 245 EUR.");
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(2006)
                .cachedInputTokens(1920)
                .outputTokens(84)
                .build());
        // (2006 - 1920) x 2 + 1920 x 0.5 + 84 x 8, per million tokens
        assertThat(response.cost().total()).isEqualByComparingTo("0.001804");
    }

    @Test
    void answerWithoutPromptEvalCount_hasUnknownUsageAndCost_notZeroInput() {
        answerWith(OllamaFixtures.read("chat-prompt-cached-old.json"));

        ChatResponse response = client(priced(config(), "llama2:latest")).chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("Hello! How can I help you today?");
        assertThat(response.usage()).isEqualTo(Usage.unknown());
        assertThat(response.cost().isKnown()).isFalse();
    }

    @Test
    void answerWithoutEvalCount_hasZeroOutputTokens() {
        answerWith(OllamaFixtures.read("chat.json").replace("\"eval_count\": 298,", ""));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.usage()).isEqualTo(Usage.of(26, 0));
        assertThat(response.usage().isKnown()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "chat.json,            STOP,       stop",
        "chat-length.json,     LENGTH,     length",
        "chat-tool-calls.json, TOOL_CALLS, stop",
        "chat-load.json,       OTHER,      load",
    })
    void finishReason_isNormalisedAndTheRawOneKept(String fixture, FinishReason expected, String raw) {
        answerWith(OllamaFixtures.read(fixture));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
    }

    @Test
    void answerWithoutDoneReason_isOther() {
        answerWith(OllamaFixtures.read("chat-prompt-cached-old.json"));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(FinishReason.OTHER);
        assertThat(response.rawFinishReason()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"model", "messages", "stream", "format", "tools", "options.temperature",
        "options.num_predict", "options.stop", "options.seed", "options.top_p"})
    void extraRepeatingATypedField_isRefusedBeforeSending(String field) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client(config()).chat(ChatRequest.builder().user("hi").extra(field, 1).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(field);
        assertThat(ollama.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"options", "options."})
    void extraOptionsWithoutAName_isRefusedWithAHint(String field) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client(config())
                .chat(ChatRequest.builder().user("hi").extra(field, Map.of("num_ctx", 8192)).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("options.num_ctx");
        assertThat(ollama.getAllServeEvents()).isEmpty();
    }

    @Test
    void extraKeepAlive_isRefusedWhenTheProviderSetsIt() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client(config()
                .set("tollgate.providers.ollama.keep-alive", "10m"))
                .chat(ChatRequest.builder().user("hi").extra("keep_alive", "1h").build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("keep_alive", "keep-alive");
        assertThat(ollama.getAllServeEvents()).isEmpty();
    }

    @Test
    void exchange_isRecordedWithTheReportedModel() {
        answerWith(OllamaFixtures.read("chat.json"));

        client(config()).chat(ChatRequest.of("What is a tollgate?"));

        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("ollama/llama3.2");
            assertThat(e.responseModel()).contains("llama3.2:latest");
            assertThat(e.usage()).isEqualTo(Usage.of(26, 298));
            assertThat(e.requestId()).isEmpty();
        });
    }
}
