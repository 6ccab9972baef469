package dev.tollgate.impl.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CohereClientTest {
    private static final String PATH = "/v2/chat";

    @RegisterExtension
    static WireMockExtension cohere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return CohereFixtures.config(cohere.baseUrl());
    }

    private ChatClient client(TestConfig config) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    private static void answerWith(String body) {
        cohere.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-debug-trace-id", CohereFixtures.TRACE_ID)
                .withHeader("x-endpoint-monthly-call-limit", "1000")
                .withHeader("num_tokens", "26")
                .withBody(body)));
    }

    @Test
    void plainChat_returnsTextIdsAndTheBilledUsage() {
        answerWith(CohereFixtures.read("chat.json"));

        ChatResponse response = client(config()).chat(ChatRequest.of("What is a tollgate?"));

        assertThat(response.text()).isEqualTo("A tollgate is a barrier where travellers pay a fee before they may pass.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("COMPLETE");
        assertThat(response.provider()).isEqualTo("cohere");
        assertThat(response.model()).as("Cohere names no model; the requested one is reported")
                .isEqualTo("command-a-03-2025");
        assertThat(response.responseId()).contains("c14c80c3-18eb-4519-9460-6c92edd8cfb4");
        assertThat(response.requestId()).contains(CohereFixtures.TRACE_ID);
        assertThat(response.usage()).as("billed_units, not tokens").isEqualTo(Usage.of(9, 17));
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"model": "command-a-03-2025", "messages": [{"role": "user", "content": "What is a tollgate?"}]}
                        """)));
    }

    @Test
    void requestBody_holdsEveryMessageAndOptionUnderCohereNames() {
        answerWith(CohereFixtures.read("chat.json"));
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .user("And in software?")
                .temperature(0.3)
                .topP(0.75)
                .maxTokens(64)
                .stop("\n\n", "END")
                .seed(42L)
                .extra("safety_mode", "STRICT")
                .extra("k", 20)
                .responseFormat(ResponseFormat.json())
                .extra("documents", List.of("Tollgates collect fees."))
                .build();

        client(config()).chat(request);

        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "model": "command-a-03-2025",
                          "messages": [
                            {"role": "system", "content": "You answer in one sentence."},
                            {"role": "user", "content": "What is a tollgate?"},
                            {"role": "assistant", "content": "A gate where a toll is paid."},
                            {"role": "user", "content": "And in software?"}
                          ],
                          "temperature": 0.3,
                          "p": 0.75,
                          "max_tokens": 64,
                          "stop_sequences": ["\\n\\n", "END"],
                          "seed": 42,
                          "safety_mode": "STRICT",
                          "k": 20,
                          "response_format": {"type": "json_object"},
                          "documents": ["Tollgates collect fees."]
                        }
                        """)));
    }

    @Test
    void jsonSchemaFormat_isSentAsJsonObjectWithTheSchema() {
        answerWith(CohereFixtures.read("chat.json"));
        JsonObject schema = Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", Json.createObjectBuilder()
                        .add("total", Json.createObjectBuilder().add("type", "integer")))
                .add("required", Json.createArrayBuilder().add("total"))
                .build();

        client(config()).chat(ChatRequest.builder().user("Total?")
                .responseFormat(ResponseFormat.jsonSchema("Invoice", schema)).build());

        cohere.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {"model": "command-a-03-2025", "messages": [{"role": "user", "content": "Total?"}],
                 "response_format": {"type": "json_object", "json_schema": {"type": "object",
                   "properties": {"total": {"type": "integer"}}, "required": ["total"]}}}
                """)));
    }

    @Test
    void headers_carryBearerKeyAndJsonTypes() {
        answerWith(CohereFixtures.read("chat.json"));

        client(config()).chat(ChatRequest.of("hi"));

        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + CohereFixtures.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void privateDeploymentWithoutKey_getsNoAuthorizationHeader() {
        answerWith(CohereFixtures.read("chat.json"));
        TestConfig noKey = TestConfig.properties()
                .set("tollgate.providers.private-co.type", "cohere")
                .set("tollgate.providers.private-co.base-url", cohere.baseUrl() + "/")
                .set("tollgate.providers.private-co.model", "command-r-08-2024");

        ChatResponse response = client(noKey).chat(ChatRequest.of("hi"));

        assertThat(response.provider()).isEqualTo("private-co");
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("command-r-08-2024"))));
    }

    @Test
    void requestNamingAModel_overridesTheConfiguredModel_andIsReported() {
        answerWith(CohereFixtures.read("chat.json"));

        ChatResponse response = client(config()).chat(ChatRequest.builder().user("hi").model("command-r7b-12-2024").build());

        assertThat(response.model()).isEqualTo("command-r7b-12-2024");
        cohere.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("command-r7b-12-2024"))));
    }

    @Test
    void textParts_areJoined_thinkingIsLeftOut_andCachedTokensDoNotBecomeCachedInput() {
        answerWith(CohereFixtures.read("chat-thinking-cached.json"));

        ChatResponse response = client(config()).chat(ChatRequest.of("Total of the invoices?"));

        assertThat(response.text()).isEqualTo("The three invoices come to 245 EUR.");
        assertThat(response.usage()).isEqualTo(Usage.of(2134, 312));
        assertThat(response.usage().cachedInputTokens()).isZero();
    }

    @Test
    void cost_isPricedFromTheBilledUnits() {
        answerWith(CohereFixtures.read("chat.json"));
        TestConfig priced = config()
                .set("tollgate.pricing.cohere.command-a-03-2025.input", "2.5")
                .set("tollgate.pricing.cohere.command-a-03-2025.output", "10");

        ChatResponse response = client(priced).chat(ChatRequest.of("What is a tollgate?"));

        // 9 x 2.5 + 17 x 10 per million tokens; the 75 and 19 processed tokens are not billed
        assertThat(response.cost().isKnown()).isTrue();
        assertThat(response.cost().input()).isEqualByComparingTo("0.0000225");
        assertThat(response.cost().output()).isEqualByComparingTo("0.00017");
        assertThat(response.cost().total()).isEqualByComparingTo("0.0001925");
    }

    @Test
    void usageWithoutBilledUnits_isReadFromTheProcessedTokens() {
        answerWith(CohereFixtures.read("chat-tokens-only.json"));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.usage()).isEqualTo(Usage.of(64, 7));
    }

    @Test
    void countsWrittenAsDecimals_areRead() {
        answerWith(CohereFixtures.read("chat.json")
                .replace("\"input_tokens\": 9,", "\"input_tokens\": 9.0,")
                .replace("\"output_tokens\": 17", "\"output_tokens\": 17.0"));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.usage()).isEqualTo(Usage.of(9, 17));
    }

    @Test
    void responseWithoutUsage_hasUnknownUsageAndCost() {
        answerWith("""
                {"id": "a1", "finish_reason": "COMPLETE",
                 "message": {"role": "assistant", "content": [{"type": "text", "text": "ok"}]}}
                """);
        TestConfig priced = config()
                .set("tollgate.pricing.cohere.command-a-03-2025.input", "2.5")
                .set("tollgate.pricing.cohere.command-a-03-2025.output", "10");

        ChatResponse response = client(priced).chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(response.usage()).isEqualTo(Usage.unknown());
        assertThat(response.cost().isKnown()).isFalse();
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource({
        "STOP,       COMPLETE",
        "STOP,       STOP_SEQUENCE",
        "LENGTH,     MAX_TOKENS",
        "TOOL_CALLS, TOOL_CALL",
        "OTHER,      ERROR",
        "OTHER,      TIMEOUT",
        "OTHER,      SOMETHING_NEW",
    })
    void finishReason_isNormalisedAndTheRawOneKept(FinishReason expected, String raw) {
        answerWith(CohereFixtures.read("chat.json").replace("\"COMPLETE\"", "\"" + raw + "\""));

        ChatResponse response = client(config()).chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
        assertThat(response.usage().isKnown()).as("usage is kept whatever the finish").isTrue();
    }

    @Test
    void cutAnswer_isLengthWithItsText() {
        answerWith(CohereFixtures.read("chat-max-tokens.json"));

        ChatResponse response = client(config()).chat(ChatRequest.builder().user("Tell a story").maxTokens(10).build());

        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.text()).isEqualTo("Once upon a time, in a land far");
        assertThat(response.usage()).isEqualTo(Usage.of(6, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p", "stop_sequences", "max_tokens", "messages", "stream", "response_format", "tools"})
    void extraRepeatingATypedField_isRefusedBeforeSending(String field) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client(config()).chat(ChatRequest.builder().user("hi").extra(field, 1).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(field);
        assertThat(cohere.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void exchange_isRecordedWithTheRequestedModelAndTheTraceId() {
        answerWith(CohereFixtures.read("chat.json"));

        client(config()).chat(ChatRequest.of("What is a tollgate?"));

        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("cohere/command-a-03-2025");
            assertThat(e.responseModel()).contains("command-a-03-2025");
            assertThat(e.requestId()).contains(CohereFixtures.TRACE_ID);
            assertThat(e.responseId()).contains("c14c80c3-18eb-4519-9460-6c92edd8cfb4");
            assertThat(e.usage()).isEqualTo(Usage.of(9, 17));
        });
    }
}
