package dev.tollgate.impl.provider.mistral;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import dev.tollgate.impl.Tollgate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How Mistral's error responses are classified and what of them is kept. */
class MistralErrorsTest {
    private static final String CORRELATION_ID = "0198a1b2-ffff-7e5f-8a9b-0c1d2e3f4a5b";

    @RegisterExtension
    static WireMockExtension mistral = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        mistral.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(answer));
        LlmException e = catchThrowableOfType(LlmException.class, () -> Tollgate.builder(
                MistralClientTest.config(mistral.baseUrl()).build()).build().chatClient().chat(ChatRequest.of("hi")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("mistral-correlation-id", CORRELATION_ID)
                .withBody(MistralClientTest.fixture(fixture));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "401, error-401-unauthorized.json,         AUTHENTICATION,          ",
        "400, error-400-invalid-model.json,        MODEL_NOT_FOUND,         1500",
        "400, error-400-context-length.json,       CONTEXT_LENGTH_EXCEEDED, invalid_request_error",
        "400, error-400-invalid-request.json,      INVALID_REQUEST,         invalid_request_error",
        "422, error-422-extra-inputs.json,         INVALID_REQUEST,         invalid_request_error",
        "402, error-402-payment-required.json,     QUOTA_EXCEEDED,          invalid_request_error",
        "429, error-429-rate-limited.json,         RATE_LIMITED,            1300",
        "429, error-429-capacity-exceeded.json,    OVERLOADED,              invalid_request_error",
        "500, error-500-internal.json,             SERVER_ERROR,            internal_server_error",
    })
    void errorResponse_isMappedToItsCategory_withEveryDetail(int status, String fixture, ErrorCategory category,
            String code) {
        LlmException e = failureOf(error(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.provider()).contains("mistral");
        assertThat(e.model()).contains("mistral-small-latest");
        assertThat(e.httpStatus()).hasValue(status);
        if (code == null) {
            assertThat(e.providerErrorCode()).isEmpty();
        } else {
            assertThat(e.providerErrorCode()).contains(code);
        }
        assertThat(e.requestId()).contains(CORRELATION_ID);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
    }

    @Test
    void rateLimit_isTransientAndCarriesRetryAfter() {
        LlmException e = failureOf(error(429, "error-429-rate-limited.json")
                .withHeader("retry-after", "2")
                .withHeader("x-ratelimit-remaining-req-minute", "0"));

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(e.providerMessage()).contains("Rate limit exceeded");
    }

    @Test
    void apiKeyEchoedInAnError_isMasked() {
        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"message\":\"Unauthorized key " + MistralClientTest.API_KEY + "\",\"request_id\":\"r1\"}"));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("Unauthorized").doesNotContain(MistralClientTest.API_KEY);
        assertThat(e.toString()).doesNotContain(MistralClientTest.API_KEY);
    }
}
