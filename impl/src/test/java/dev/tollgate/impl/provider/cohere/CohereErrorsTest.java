package dev.tollgate.impl.provider.cohere;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CohereErrorsTest {
    private static final String PATH = "/v2/chat";

    @RegisterExtension
    static WireMockExtension cohere = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LlmException failureOf(ResponseDefinitionBuilder answer, String apiKey, String timeout) {
        cohere.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        var client = Tollgate.builder(TestConfig.of(
                        "tollgate.providers.cohere.type", "cohere",
                        "tollgate.providers.cohere.base-url", cohere.baseUrl(),
                        "tollgate.providers.cohere.api-key", apiKey,
                        "tollgate.providers.cohere.model", "command-a-03-2025",
                        "tollgate.providers.cohere.timeout", timeout))
                .build()
                .chatClient();
        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("Summarise")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, CohereFixtures.API_KEY, "5s");
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-debug-trace-id", CohereFixtures.TRACE_ID)
                .withBody(CohereFixtures.read(fixture));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "400, error-400-too-many-tokens.json,  CONTEXT_LENGTH_EXCEEDED",
        "400, error-400-max-tokens.json,       INVALID_REQUEST",
        "400, error-400-invalid-request.json,  INVALID_REQUEST",
        "401, error-401-invalid-api-token.json, AUTHENTICATION",
        "402, error-402-billing-limit.json,    QUOTA_EXCEEDED",
        "403, error-403-forbidden.json,        PERMISSION",
        "404, error-404-model-not-found.json,  MODEL_NOT_FOUND",
        "404, error-404-page-not-found.json,   INVALID_REQUEST",
        "422, error-422-unprocessable.json,    INVALID_REQUEST",
        "429, error-429-rate-limit.json,       RATE_LIMITED",
        "429, error-429-trial-monthly.json,    QUOTA_EXCEEDED",
        "498, error-498-blocked.json,          CONTENT_FILTERED",
        "499, error-499-cancelled.json,        CANCELLED",
        "500, error-500-server-error.json,     SERVER_ERROR",
        "501, error-501-not-implemented.json,  INVALID_REQUEST",
        "503, error-503-unavailable.json,      OVERLOADED",
        "504, error-504-gateway-timeout.json,  TIMEOUT",
    })
    void errorResponse_isMappedToItsCategory_withEveryDetail(int status, String fixture, ErrorCategory category) {
        LlmException e = failureOf(error(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
        assertThat(e.provider()).contains("cohere");
        assertThat(e.model()).contains("command-a-03-2025");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(CohereFixtures.read(fixture)).contains(m));
        assertThat(e.requestId()).contains(CohereFixtures.TRACE_ID);
        assertThat(e.getMessage()).startsWith("[" + category + "] cohere/command-a-03-2025:").contains("HTTP " + status);
    }

    @Test
    void rateLimited_isTransient_andKeepsRetryAfter() {
        LlmException e = failureOf(error(429, "error-429-rate-limit.json").withHeader("retry-after", "30"));

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void apiKeyEchoedByTheProvider_neverAppearsInTheException() {
        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"x\", \"message\": \"invalid api token: " + CohereFixtures.API_KEY + "\"}"));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("invalid api token").doesNotContain(CohereFixtures.API_KEY);
        assertThat(e.toString()).doesNotContain(CohereFixtures.API_KEY);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(CohereFixtures.API_KEY));
    }

    @Test
    void htmlPageOfAProxy_isServerErrorSayingTheBodyIsNotJson() {
        LlmException e = failureOf(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody(CohereFixtures.read("error-502-proxy.html")));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON", "text/html"));
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON | {\"id\": \"c14c80c3\", \"message\": {\"role\": \"assistant\", \"content\": [{\"ty",
        "no message     | {\"id\": \"c14c80c3\", \"finish_reason\": \"COMPLETE\"}",
        "JSON array     | []",
    })
    void malformedSuccessBody_isInvalidResponse(String what, String body) {
        LlmException e = failureOf(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-debug-trace-id", CohereFixtures.TRACE_ID)
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.requestId()).contains(CohereFixtures.TRACE_ID);
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeout() {
        LlmException e = failureOf(error(200, "chat.json").withFixedDelay(2000), CohereFixtures.API_KEY, "300ms");

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e.provider()).contains("cohere");
    }

    @Test
    void connectionResetMidResponse_isNetwork() {
        LlmException e = failureOf(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.model()).contains("command-a-03-2025");
    }
}
