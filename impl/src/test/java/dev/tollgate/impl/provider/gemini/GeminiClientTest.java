package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Gemini API's request and response bodies, over HTTP. */
class GeminiClientTest {
    private static final String PATH = GeminiFixtures.PATH;

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private TestConfig config() {
        return GeminiFixtures.config(google.baseUrl());
    }

    private ChatClient client(TestConfig config) {
        return GeminiFixtures.client(config, sink);
    }

    private ChatClient client() {
        return client(config());
    }

    private static void answerWith(String fixture) {
        answerWithBody(GeminiFixtures.read("gemini/" + fixture));
    }

    private static void answerWithBody(String body) {
        google.stubFor(GeminiFixtures.generateContent(body));
    }

    @Test
    void plainChat_returnsTextModelVersionResponseIdAndUsage() {
        answerWith("generate-content.json");

        ChatResponse response = client().chat(ChatRequest.of("What is a tollgate?"));

        assertThat(response.text()).isEqualTo("A tollgate is a barrier where travellers pay a fee before they pass.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.rawFinishReason()).contains("STOP");
        assertThat(response.provider()).isEqualTo("gemini");
        assertThat(response.model()).isEqualTo("gemini-2.0-flash");
        assertThat(response.responseId()).contains("mPS3aLqeFNOzkdUP3Ke84Ak");
        assertThat(response.usage()).isEqualTo(Usage.of(9, 15));
        google.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-goog-api-key", equalTo(GeminiFixtures.API_KEY))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "What is a tollgate?"}]}]}
                        """)));
    }

    @Test
    void requestBody_holdsEveryMessageAndOptionExactly() {
        answerWith("generate-content.json");
        ChatRequest request = ChatRequest.builder()
                .system("You answer in one sentence.")
                .user("What is a tollgate?")
                .assistant("A gate where a toll is paid.")
                .system("Use British spelling.")
                .user("And in software?")
                .temperature(0.25)
                .topP(0.9)
                .maxTokens(64)
                .stop("\n\n", "END")
                .seed(1234L)
                .extra("safetySettings", List.of(Map.of("category", "HARM_CATEGORY_HARASSMENT",
                        "threshold", "BLOCK_ONLY_HIGH")))
                .extra("generationConfig", Map.of("topK", 40,
                        "thinkingConfig", Map.of("thinkingBudget", 0)))
                .build();

        client().chat(request);

        google.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {
                          "contents": [
                            {"role": "user", "parts": [{"text": "What is a tollgate?"}]},
                            {"role": "model", "parts": [{"text": "A gate where a toll is paid."}]},
                            {"role": "user", "parts": [{"text": "And in software?"}]}
                          ],
                          "systemInstruction": {
                            "parts": [{"text": "You answer in one sentence."}, {"text": "Use British spelling."}]
                          },
                          "generationConfig": {
                            "temperature": 0.25,
                            "topP": 0.9,
                            "maxOutputTokens": 64,
                            "stopSequences": ["\\n\\n", "END"],
                            "seed": 1234,
                            "topK": 40,
                            "thinkingConfig": {"thinkingBudget": 0}
                          },
                          "safetySettings": [{"category": "HARM_CATEGORY_HARASSMENT", "threshold": "BLOCK_ONLY_HIGH"}]
                        }
                        """)));
    }

    @Test
    void requestWithoutOptions_sendsNoGenerationConfigOrSystemInstruction() {
        answerWith("generate-content.json");

        client().chat(ChatRequest.of("hi"));

        google.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(equalToJson("""
                        {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}
                        """)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini-2.5-flash", "models/gemini-2.5-flash"})
    void modelGivenAsIdOrResourceName_isPutInThePathOnce(String model) {
        answerWith("generate-content.json");

        client().chat(ChatRequest.builder().user("hi").model(model).build());

        google.verify(1, postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.5-flash:generateContent")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini 2.5 flash", "../v1/models/gemini-2.5-flash", "tunedModels/x", "models/",
        "gemini-2.5-flash:streamGenerateContent"})
    void modelThatIsNotAnId_isRefusedBeforeSending(String model) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client().chat(ChatRequest.builder().user("hi").model(model).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(model);
        assertThat(google.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void thoughtsCachedAndToolUseTokens_areNormalised() {
        answerWith("generate-content-thoughts-cached.json");

        ChatResponse response = client().chat(ChatRequest.builder().user("When does it renew?")
                .model("gemini-2.5-pro").build());

        assertThat(response.model()).isEqualTo("gemini-2.5-pro");
        // input = prompt 12034 (cache included) + tool-use prompt 34; output = candidates 18 + thoughts 512
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(12068)
                .cachedInputTokens(11876)
                .outputTokens(530)
                .reasoningTokens(512)
                .build());
        assertThat(response.usage().totalTokens()).as("Google's totalTokenCount").isEqualTo(12598);
    }

    @Test
    void thoughtSummaries_areLeftOutAndTextPartsJoined() {
        answerWith("generate-content-thoughts-cached.json");

        ChatResponse response = client().chat(ChatRequest.of("When does it renew?"));

        assertThat(response.text())
                .isEqualTo("The contract renews every year unless either party gives 90 days' notice.");
    }

    @Test
    void thoughtFlagAfterTheText_stillLeavesThePartOut() {
        answerWithBody("""
                {"candidates": [{"content": {"role": "model", "parts": [
                   {"text": "thinking about it", "thought": true},
                   {"thought": false, "text": "Yes."}]},
                 "finishReason": "STOP"}],
                 "usageMetadata": {"promptTokenCount": 3, "candidatesTokenCount": 1, "totalTokenCount": 4}}
                """);

        assertThat(client().chat("Is it?")).isEqualTo("Yes.");
    }

    @Test
    void cost_isPricedFromTheNormalisedUsage() {
        answerWith("generate-content-thoughts-cached.json");
        TestConfig priced = config()
                .set("tollgate.pricing.gemini.gemini-2.5-pro.input", "1.25")
                .set("tollgate.pricing.gemini.gemini-2.5-pro.cached-input", "0.31")
                .set("tollgate.pricing.gemini.gemini-2.5-pro.output", "10");

        ChatResponse response = client(priced).chat(ChatRequest.builder().user("When?")
                .model("gemini-2.5-pro").build());

        // (12068 - 11876) x 1.25 + 11876 x 0.31 + 530 x 10, per million tokens
        assertThat(response.cost().input()).isEqualByComparingTo("0.00024");
        assertThat(response.cost().cachedInput()).isEqualByComparingTo("0.00368156");
        assertThat(response.cost().output()).isEqualByComparingTo("0.0053");
        assertThat(response.cost().total()).isEqualByComparingTo("0.00922156");
    }

    @Test
    void tokenLimitSpentOnThinking_isAnEmptyAnswerCutByLength() {
        answerWith("generate-content-max-tokens-thinking.json");

        ChatResponse response = client().chat(ChatRequest.builder().user("hi").maxTokens(64).build());

        assertThat(response.text()).isEmpty();
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.rawFinishReason()).contains("MAX_TOKENS");
        assertThat(response.usage()).isEqualTo(Usage.builder()
                .inputTokens(9).outputTokens(63).reasoningTokens(63).build());
    }

    @Test
    void candidateStoppedBySafety_isAnAnswerCutByTheContentFilter() {
        answerWith("generate-content-safety.json");

        ChatResponse response = client().chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEmpty();
        assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(response.rawFinishReason()).contains("SAFETY");
        assertThat(response.usage()).isEqualTo(Usage.of(14, 0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "STOP,                    STOP",
        "MAX_TOKENS,              LENGTH",
        "SAFETY,                  CONTENT_FILTER",
        "RECITATION,              CONTENT_FILTER",
        "BLOCKLIST,               CONTENT_FILTER",
        "PROHIBITED_CONTENT,      CONTENT_FILTER",
        "SPII,                    CONTENT_FILTER",
        "LANGUAGE,                OTHER",
        "MALFORMED_FUNCTION_CALL, OTHER",
        "OTHER,                   OTHER",
        "FINISH_REASON_UNSPECIFIED, OTHER",
    })
    void finishReason_isNormalisedAndTheRawOneKept(String raw, FinishReason expected) {
        answerWithBody(GeminiFixtures.read("gemini/generate-content.json").replace("\"STOP\"", "\"" + raw + "\""));

        ChatResponse response = client().chat(ChatRequest.of("hi"));

        assertThat(response.finishReason()).isEqualTo(expected);
        assertThat(response.rawFinishReason()).contains(raw);
    }

    @Test
    void blockedPrompt_isAPermanentContentFilteredFailure() {
        answerWith("generate-content-prompt-blocked.json");

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONTENT_FILTERED);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.providerErrorCode()).contains("PROHIBITED_CONTENT");
        assertThat(e.provider()).contains("gemini");
        assertThat(e.model()).contains("gemini-2.0-flash");
        assertThat(e.httpStatus()).hasValue(200);
    }

    @Test
    void blockedPromptWithAMessage_keepsTheMessage() {
        answerWithBody("""
                {"promptFeedback": {"blockReason": "BLOCKLIST",
                  "blockReasonMessage": "The prompt contains terms on the project's blocklist."},
                 "usageMetadata": {"promptTokenCount": 8, "totalTokenCount": 8}}
                """);

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONTENT_FILTERED);
        assertThat(e.providerMessage()).contains("The prompt contains terms on the project's blocklist.");
    }

    @Test
    void responseWithoutCandidateOrBlock_isInvalidResponse() {
        answerWith("generate-content-no-candidates.json");

        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("no candidate");
    }

    @Test
    void responseWithoutUsageMetadata_hasUnknownUsage() {
        answerWithBody("""
                {"candidates": [{"content": {"role": "model", "parts": [{"text": "ok"}]}, "finishReason": "STOP"}]}
                """);

        ChatResponse response = client().chat(ChatRequest.of("hi"));

        assertThat(response.text()).isEqualTo("ok");
        assertThat(response.usage().isKnown()).isFalse();
        assertThat(response.model()).as("no modelVersion: the requested model").isEqualTo("gemini-2.0-flash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contents", "systemInstruction", "system_instruction", "generation_config"})
    void extraRepeatingATypedField_isRefusedBeforeSending(String field) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client().chat(ChatRequest.builder().user("hi").extra(field, List.of()).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains(field);
        assertThat(google.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"temperature", "topP", "top_p", "maxOutputTokens", "max_output_tokens", "stopSequences",
        "seed"})
    void extraGenerationConfigRepeatingATypedOption_isRefusedBeforeSending(String field) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.builder()
                .user("hi").extra("generationConfig", Map.of(field, 1)).build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("generationConfig." + field);
        assertThat(google.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void extraGenerationConfigThatIsNotAMap_isRefusedBeforeSending() {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(ChatRequest.builder()
                .user("hi").extra("generationConfig", "topK=40").build()));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("generationConfig", "map");
        assertThat(google.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void exchange_isRecordedWithTargetResponseModelAndUsage() {
        answerWith("generate-content-thoughts-cached.json");

        client().chat(ChatRequest.of("When does it renew?"));

        assertThat(sink.single().exchanges()).singleElement().satisfies(e -> {
            assertThat(e.target().toString()).isEqualTo("gemini/gemini-2.0-flash");
            assertThat(e.responseModel()).contains("gemini-2.5-pro");
            assertThat(e.responseId()).contains("Hq23aN2sMvGlkdUPq_Hn8QE");
            assertThat(e.usage().reasoningTokens()).isEqualTo(512);
        });
    }
}
