package dev.tollgate.impl.provider.anthropic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.API_KEY;
import static dev.tollgate.impl.provider.anthropic.AnthropicFixtures.PATH;
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

/** How every failure of the Messages API becomes a classified {@link LlmException}. */
class AnthropicErrorsTest {
    private static final String REQUEST_ID = "req_011CTq4mB8kZ5gXw2YpR9sLd";

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, "5s");
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer, String timeout) {
        anthropic.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        var client = Tollgate.builder(TestConfig.properties()
                        .set("tollgate.providers.claude.type", "anthropic")
                        .set("tollgate.providers.claude.base-url", anthropic.baseUrl())
                        .set("tollgate.providers.claude.api-key", API_KEY)
                        .set("tollgate.providers.claude.model", "claude-sonnet-4-5")
                        .set("tollgate.providers.claude.timeout", timeout)
                        .build())
                .build()
                .chatClient();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.chat(ChatRequest.of("Summarise the contract")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        assertThat(e.provider()).contains("claude");
        assertThat(e.model()).contains("claude-sonnet-4-5");
        return e;
    }

    private static ResponseDefinitionBuilder response(int status, String fixture) {
        return AnthropicFixtures.response(status, fixture, REQUEST_ID);
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "400, error-400-invalid-request.json,    INVALID_REQUEST,         invalid_request_error",
        "400, error-400-prompt-too-long.json,    CONTEXT_LENGTH_EXCEEDED, invalid_request_error",
        "400, error-400-context-limit.json,      CONTEXT_LENGTH_EXCEEDED, invalid_request_error",
        "400, error-400-content-filter.json,     CONTENT_FILTERED,        invalid_request_error",
        "400, error-400-credit-balance.json,     QUOTA_EXCEEDED,          invalid_request_error",
        "400, error-400-usage-limits.json,       QUOTA_EXCEEDED,          invalid_request_error",
        "401, error-401-authentication.json,     AUTHENTICATION,          authentication_error",
        "402, error-402-billing.json,            QUOTA_EXCEEDED,          billing_error",
        "403, error-403-permission.json,         PERMISSION,              permission_error",
        "404, error-404-model.json,              MODEL_NOT_FOUND,         not_found_error",
        "404, error-404-path.json,               INVALID_REQUEST,         not_found_error",
        "413, error-413-request-too-large.json,  CONTEXT_LENGTH_EXCEEDED, request_too_large",
        "429, error-429-rate-limit.json,         RATE_LIMITED,            rate_limit_error",
        "500, error-500-api.json,                SERVER_ERROR,            api_error",
        "504, error-504-timeout.json,            TIMEOUT,                 timeout_error",
        "529, error-529-overloaded.json,         OVERLOADED,              overloaded_error",
    })
    void errorResponse_isClassifiedWithTypeMessageStatusAndRequestId(int status, String fixture,
            ErrorCategory category, String type) {
        LlmException e = failureOf(response(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.isTransient()).isEqualTo(category.isTransient());
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).contains(type);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(AnthropicFixtures.read(fixture))
                .contains(m.replace("\"", "\\\"")));
        assertThat(e.requestId()).contains(REQUEST_ID);
    }

    @Test
    void billingErrorUnderAnotherStatus_isStillQuota() {
        LlmException e = failureOf(response(403, "error-402-billing.json"));

        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
    }

    @Test
    void typeDecidesWhereTheStatusIsUnusual() {
        LlmException e = failureOf(response(500, "error-529-overloaded.json"));

        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
    }

    @Test
    void invalidRequestErrorUnderAnotherStatus_followsTheStatus() {
        LlmException e = failureOf(response(409, "error-400-invalid-request.json"));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        LlmException tooLarge = failureOf(response(413, "error-400-invalid-request.json"));
        assertThat(tooLarge.category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void rateLimited_isTransientAndCarriesRetryAfter() {
        LlmException e = failureOf(response(429, "error-429-rate-limit.json").withHeader("retry-after", "23"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(23));
    }

    @Test
    void overloaded_isTransientAndCarriesRetryAfter() {
        LlmException e = failureOf(response(529, "error-529-overloaded.json").withHeader("retry-after", "2"));

        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void errorWithoutRetryAfter_hasNone() {
        LlmException e = failureOf(response(429, "error-429-rate-limit.json"));

        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void apiKeyEchoedByAGateway_neverAppearsInTheException() {
        String body = """
                {"type": "error", "error": {"type": "authentication_error",
                 "message": "invalid x-api-key: %s"}, "request_id": "req_1"}""".formatted(API_KEY);

        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("invalid x-api-key").doesNotContain(API_KEY);
        assertThat(e.toString()).doesNotContain(API_KEY);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(API_KEY));
    }

    @Test
    void htmlErrorPageFromAProxy_isServerErrorSayingTheBodyIsNotJson() {
        LlmException e = failureOf(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody(AnthropicFixtures.read("error-502-proxy.html")));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON", "text/html"));
        assertThat(e.requestId()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON | {\"id\": \"msg_1\", \"type\": \"message\", \"content\": [{\"type\": \"te",
        "no content     | {\"id\": \"msg_1\", \"type\": \"message\", \"stop_reason\": \"end_turn\"}",
        "JSON array     | []",
    })
    void malformedSuccessBody_isInvalidResponse(String what, String body) {
        LlmException e = failureOf(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("request-id", REQUEST_ID)
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.requestId()).contains(REQUEST_ID);
    }

    @Test
    void connectionResetMidResponse_isNetwork() {
        LlmException e = failureOf(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeout() {
        LlmException e = failureOf(response(200, "message.json").withFixedDelay(2000), "300ms");

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
    }
}
