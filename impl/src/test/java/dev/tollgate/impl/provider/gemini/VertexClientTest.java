package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vertex AI's URL, bearer tokens (configured or supplied) and error responses, over HTTP. */
class VertexClientTest {
    private static final String MODELS =
            "/v1/projects/acme-ledger-prod/locations/europe-west4/publishers/google/models/";
    private static final String PATH = MODELS + "gemini-2.0-flash-001:generateContent";
    private static final String STREAM_PATH = MODELS + "gemini-2.0-flash-001:streamGenerateContent?alt=sse";

    @RegisterExtension
    static WireMockExtension vertex = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static TestConfig config() {
        return TestConfig.properties()
                .set("tollgate.providers.vertex.type", "vertex")
                .set("tollgate.providers.vertex.base-url", vertex.baseUrl())
                .set("tollgate.providers.vertex.project", "acme-ledger-prod")
                .set("tollgate.providers.vertex.location", "europe-west4")
                .set("tollgate.providers.vertex.model", "gemini-2.0-flash-001")
                .set("tollgate.providers.vertex.timeout", "5s");
    }

    private static ChatClient withToken() {
        return Tollgate.builder(config().set("tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN)
                .build()).build().chatClient();
    }

    private static ChatClient withSupplier(TestTokenSupplier supplier) {
        return Tollgate.builder(config().build()).services(supplier.asServices()).build().chatClient();
    }

    private static void answer(int status, String fixture) {
        vertex.stubFor(post(urlPathMatching(MODELS + "[^/]+:generateContent")).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(GeminiFixtures.read("vertex/" + fixture))));
    }

    @Test
    void chat_postsToTheProjectLocationAndModelWithTheBearerToken() {
        answer(200, "generate-content.json");

        ChatResponse response = withToken().chat(ChatRequest.builder()
                .system("Answer from the handbook.")
                .user("When are invoices due?")
                .maxTokens(128)
                .build());

        assertThat(response.text()).isEqualTo("Invoices are due 30 days after receipt.");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.model()).isEqualTo("gemini-2.0-flash-001");
        assertThat(response.responseId()).contains("w_e3aNGpItmAnvgPpZ2t4Ak");
        assertThat(response.usage()).isEqualTo(Usage.of(23, 9));
        vertex.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + GeminiFixtures.ACCESS_TOKEN))
                .withHeader("x-goog-api-key", absent())
                .withRequestBody(equalToJson("""
                        {
                          "contents": [{"role": "user", "parts": [{"text": "When are invoices due?"}]}],
                          "systemInstruction": {"parts": [{"text": "Answer from the handbook."}]},
                          "generationConfig": {"maxOutputTokens": 128}
                        }
                        """)));
    }

    @Test
    void modelGivenAsPublisherResourceName_isPutInThePathOnce() {
        answer(200, "generate-content.json");

        withToken().chat(ChatRequest.builder().user("hi").model("publishers/google/models/gemini-2.5-pro").build());

        vertex.verify(1, postRequestedFor(urlEqualTo(MODELS + "gemini-2.5-pro:generateContent")));
    }

    @Test
    void suppliedToken_isAskedForBeforeEveryRequestWithTheProviderId() {
        answer(200, "generate-content.json");
        TestTokenSupplier supplier = new TestTokenSupplier(n -> "ya29.token-" + n);
        ChatClient client = withSupplier(supplier);

        client.chat(ChatRequest.of("first"));
        client.chat(ChatRequest.of("second"));

        assertThat(supplier.askedBy()).containsExactly("vertex", "vertex");
        for (String token : new String[] {"ya29.token-1", "ya29.token-2"}) {
            vertex.verify(1, postRequestedFor(urlEqualTo(PATH))
                    .withHeader("Authorization", equalTo("Bearer " + token)));
        }
    }

    @Test
    void configuredToken_winsOverASupplier() {
        answer(200, "generate-content.json");
        TestTokenSupplier supplier = new TestTokenSupplier(n -> "ya29.supplied");

        Tollgate.builder(config().set("tollgate.providers.vertex.access-token", GeminiFixtures.ACCESS_TOKEN).build())
                .services(supplier.asServices()).build().chatClient().chat(ChatRequest.of("hi"));

        assertThat(supplier.askedBy()).isEmpty();
        vertex.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + GeminiFixtures.ACCESS_TOKEN)));
    }

    @Test
    void supplierThatThrows_isAnAuthenticationFailureAndNothingIsSent() {
        IllegalStateException cause =
                new IllegalStateException("The Application Default Credentials are not available");
        ChatClient client = withSupplier(new TestTokenSupplier(n -> {
            throw cause;
        }));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.getCause()).isSameAs(cause);
        assertThat(e.getMessage()).contains("access token supplier", "Application Default Credentials");
        assertThat(e.provider()).contains("vertex");
        assertThat(vertex.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void supplierWithoutToken_isAnAuthenticationFailureAndNothingIsSent(String token) {
        ChatClient client = withSupplier(new TestTokenSupplier(n -> token));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("returned no token");
        assertThat(vertex.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void supplierReturningNull_isAnAuthenticationFailure() {
        ChatClient client = withSupplier(new TestTokenSupplier(n -> null));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
    }

    @Test
    void llmExceptionFromTheSupplier_isPassedOnUnchanged() {
        LlmException unreachable = LlmException.builder(ErrorCategory.NETWORK).provider("vertex")
                .message("token service unreachable").build();
        ChatClient client = withSupplier(new TestTokenSupplier(n -> {
            throw unreachable;
        }));

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e).isSameAs(unreachable).isInstanceOf(TransientLlmException.class);
    }

    @Test
    void suppliedTokenEchoedInAnError_isMasked() {
        String token = "ya29.c.b0AXv0zTOsecret-supplied-token";
        vertex.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.read("vertex/error-401-unauthenticated.json")
                        .replace("Request had invalid authentication credentials.",
                                "Request had invalid authentication credentials: " + token + "."))));

        LlmException e = catchThrowableOfType(LlmException.class,
                () -> withSupplier(new TestTokenSupplier(n -> token)).chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("invalid authentication credentials").doesNotContain(token);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(token));
    }

    @ParameterizedTest(name = "{1} {2} -> {3}")
    @CsvSource({
        "error-401-unauthenticated.json,     401, UNAUTHENTICATED,    AUTHENTICATION",
        "error-403-permission-denied.json,   403, PERMISSION_DENIED,  PERMISSION",
        "error-403-billing-disabled.json,    403, PERMISSION_DENIED,  QUOTA_EXCEEDED",
        "error-404-model-not-found.json,     404, NOT_FOUND,          MODEL_NOT_FOUND",
        "error-429-resource-exhausted.json,  429, RESOURCE_EXHAUSTED, RATE_LIMITED",
        "error-400-context-length.json,      400, INVALID_ARGUMENT,   CONTEXT_LENGTH_EXCEEDED",
    })
    void errorResponse_isClassified(String fixture, int status, String word, ErrorCategory category) {
        answer(status, fixture);

        LlmException e = catchThrowableOfType(LlmException.class, () -> withToken().chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).contains(word);
        assertThat(e.provider()).contains("vertex");
        assertThat(e.getMessage()).doesNotContain(GeminiFixtures.ACCESS_TOKEN);
    }

    @Test
    void stream_postsToStreamGenerateContentWithTheTokenSuppliedForIt() {
        vertex.stubFor(post(urlEqualTo(STREAM_PATH))
                .willReturn(GeminiFixtures.eventStream(GeminiFixtures.read("vertex/stream.sse"))));
        TestTokenSupplier supplier = new TestTokenSupplier(n -> "ya29.token-" + n);

        ChatResponse response;
        try (ChatStream stream = withSupplier(supplier).stream(ChatRequest.of("When are invoices due?"))) {
            List<String> pieces = new ArrayList<>();
            stream.forEach(c -> pieces.add(c.text()));
            assertThat(pieces).containsExactly("Invoices are due", " 30 days after receipt.");
            response = stream.response().toCompletableFuture().join();
        }

        assertThat(response.usage()).isEqualTo(Usage.of(23, 9));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.responseId()).contains("2Pe3aKqUHZ3ZnvgP1byT4AE");
        vertex.verify(1, postRequestedFor(urlEqualTo(STREAM_PATH))
                .withHeader("Authorization", equalTo("Bearer ya29.token-1"))
                .withHeader("Accept", equalTo("text/event-stream")));
    }

    @Test
    void streamClosedBeforeTheLastChunk_hasAnUnknownUsage_sinceVertexCountsOnlyThere() {
        vertex.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(GeminiFixtures.eventStream(
                GeminiFixtures.read("vertex/stream.sse")).withChunkedDribbleDelay(4, 2000)));

        ChatStream stream = withToken().stream(ChatRequest.of("When are invoices due?"));
        String first = stream.iterator().next().text();
        stream.close();
        ChatResponse response = stream.response().toCompletableFuture().join();

        assertThat(first).isEqualTo("Invoices are due");
        assertThat(response.usage()).as("a usageMetadata of only trafficType counts nothing")
                .isEqualTo(Usage.unknown());
    }

    @Test
    void suppliedTokenEchoedInAStreamedError_isMasked() {
        String token = "ya29.c.b0AXv0zTOsecret-supplied-token";
        vertex.stubFor(post(urlEqualTo(STREAM_PATH)).willReturn(GeminiFixtures.eventStream("""
                data: {"candidates": [{"content": {"role": "model","parts": [{"text": "Invoices are due"}]}}]}

                data: {"error": {"code": 401, "message": "Token %s expired.", "status": "UNAUTHENTICATED"}}

                """.formatted(token))));

        LlmException e = catchThrowableOfType(LlmException.class, () -> {
            try (ChatStream stream = withSupplier(new TestTokenSupplier(n -> token)).stream(ChatRequest.of("hi"))) {
                stream.forEach(c -> { });
            }
        });

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("Token ").endsWith(" expired.").doesNotContain(token));
        assertThat(e.getMessage()).doesNotContain(token);
    }
}
