package dev.tollgate.impl.provider.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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

/** How Azure OpenAI's error responses are classified and what of them is kept. */
class AzureOpenAiErrorsTest {
    private static final String PATH = "/openai/deployments/gpt-4o-prod/chat/completions";
    private static final String APIM_REQUEST_ID = "c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f";

    @RegisterExtension
    static WireMockExtension azure = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LlmException failureOf(ResponseDefinitionBuilder answer, TestConfig config) {
        azure.stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> Tollgate.builder(config.build()).build().chatClient().chat(ChatRequest.of("Summarise")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, AzureOpenAiClientTest.config(azure.baseUrl()));
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("apim-request-id", APIM_REQUEST_ID)
                .withBody(AzureOpenAiClientTest.fixture(fixture));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "401, error-401-invalid-key.json,            AUTHENTICATION,          401",
        "401, error-401-invalid-token.json,          AUTHENTICATION,          401",
        "403, error-403-permission-denied.json,      PERMISSION,              PermissionDenied",
        "404, error-404-deployment-not-found.json,   MODEL_NOT_FOUND,         DeploymentNotFound",
        "404, error-404-resource-not-found.json,     INVALID_REQUEST,         404",
        "400, error-400-context-length.json,         CONTEXT_LENGTH_EXCEEDED, context_length_exceeded",
        "400, error-400-content-filter.json,         CONTENT_FILTERED,        content_filter",
        "400, error-400-unsupported-parameter.json,  INVALID_REQUEST,         unsupported_parameter",
        "429, error-429-rate-limit.json,             RATE_LIMITED,            429",
        "500, error-500-internal.json,               SERVER_ERROR,            InternalServerError",
        "503, error-503-service-unavailable.json,    OVERLOADED,              ServiceUnavailable",
    })
    void errorResponse_isMappedToItsCategory_withEveryDetail(int status, String fixture, ErrorCategory category,
            String code) {
        LlmException e = failureOf(error(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.provider()).contains("azure");
        assertThat(e.model()).contains("gpt-4o-prod");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).contains(code);
        assertThat(e.providerMessage()).isPresent();
        assertThat(e.requestId()).contains(APIM_REQUEST_ID);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
    }

    @Test
    void refusedPrompt_isContentFilteredAndPermanent() {
        LlmException e = failureOf(error(400, "error-400-content-filter.json"));

        assertThat(e.category()).isEqualTo(ErrorCategory.CONTENT_FILTERED);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("content management policy"));
    }

    @Test
    void rateLimit_carriesTheWaitAzureAsksFor() {
        LlmException e = failureOf(error(429, "error-429-rate-limit.json")
                .withHeader("retry-after", "7")
                .withHeader("retry-after-ms", "6850")
                .withHeader("x-ratelimit-remaining-requests", "59")
                .withHeader("x-ratelimit-remaining-tokens", "0"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofMillis(6850));
    }

    @Test
    void requestId_fallsBackToXRequestIdThenXMsRequestId() {
        LlmException viaXRequestId = failureOf(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9")
                .withHeader("x-ms-request-id", "ms-77")
                .withBody(AzureOpenAiClientTest.fixture("error-500-internal.json")));
        LlmException viaMsRequestId = failureOf(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-ms-request-id", "ms-78")
                .withBody(AzureOpenAiClientTest.fixture("error-500-internal.json")));

        assertThat(viaXRequestId.requestId()).contains("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
        assertThat(viaMsRequestId.requestId()).contains("ms-78");
    }

    @Test
    void apiKeyEchoedInAnError_isMasked() {
        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"401\",\"message\":\"Access denied for key "
                        + AzureOpenAiClientTest.API_KEY + "\"}}"));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("Access denied").doesNotContain(AzureOpenAiClientTest.API_KEY);
        assertThat(e.toString()).doesNotContain(AzureOpenAiClientTest.API_KEY);
    }

    @Test
    void accessTokenEchoedInAnError_isMasked() {
        TestConfig withToken = TestConfig.properties()
                .set("tollgate.providers.azure.type", "azure-openai")
                .set("tollgate.providers.azure.base-url", azure.baseUrl())
                .set("tollgate.providers.azure.access-token", AzureOpenAiClientTest.ACCESS_TOKEN)
                .set("tollgate.providers.azure.model", "gpt-4o-prod");

        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"401\",\"message\":\"Token expired: "
                        + AzureOpenAiClientTest.ACCESS_TOKEN + "\"}}"), withToken);

        assertThat(e.getMessage()).contains("Token expired").doesNotContain(AzureOpenAiClientTest.ACCESS_TOKEN);
        assertThat(e.providerMessage()).hasValueSatisfying(
                m -> assertThat(m).doesNotContain(AzureOpenAiClientTest.ACCESS_TOKEN));
    }
}
