package dev.tollgate.impl.provider.gemini;

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
import org.junit.jupiter.params.provider.EnumSource;

/** How the Gemini API's error responses and broken answers become {@link LlmException}s. */
class GeminiErrorsTest {
    private static final String PATH = "/v1beta/models/gemini-2.0-flash:generateContent";

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, "5s");
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer, String timeout) {
        google.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        var client = Tollgate.builder(TestConfig.properties()
                        .set("tollgate.providers.gemini.type", "gemini")
                        .set("tollgate.providers.gemini.base-url", google.baseUrl())
                        .set("tollgate.providers.gemini.api-key", GeminiFixtures.API_KEY)
                        .set("tollgate.providers.gemini.model", "gemini-2.0-flash")
                        .set("tollgate.providers.gemini.timeout", timeout)
                        .build())
                .build()
                .chatClient();
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client.chat(ChatRequest.of("Summarise the contract")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private static ResponseDefinitionBuilder response(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(GeminiFixtures.read("gemini/" + fixture));
    }

    @ParameterizedTest(name = "{1} {2} -> {3}")
    @CsvSource({
        "error-400-api-key-invalid.json,         400, INVALID_ARGUMENT,    AUTHENTICATION",
        "error-400-context-length.json,          400, INVALID_ARGUMENT,    CONTEXT_LENGTH_EXCEEDED",
        "error-400-invalid-argument.json,        400, INVALID_ARGUMENT,    INVALID_REQUEST",
        "error-400-free-tier-unavailable.json,   400, FAILED_PRECONDITION, QUOTA_EXCEEDED",
        "error-400-location-unsupported.json,    400, FAILED_PRECONDITION, PERMISSION",
        "error-403-api-key-service-blocked.json, 403, PERMISSION_DENIED,   PERMISSION",
        "error-404-model-not-found.json,         404, NOT_FOUND,           MODEL_NOT_FOUND",
        "error-429-per-minute.json,              429, RESOURCE_EXHAUSTED,  RATE_LIMITED",
        "error-429-no-details.json,              429, RESOURCE_EXHAUSTED,  RATE_LIMITED",
        "error-429-per-day.json,                 429, RESOURCE_EXHAUSTED,  QUOTA_EXCEEDED",
        "error-429-limit-zero.json,              429, RESOURCE_EXHAUSTED,  QUOTA_EXCEEDED",
        "error-500-internal.json,                500, INTERNAL,            SERVER_ERROR",
        "error-503-unavailable.json,             503, UNAVAILABLE,         OVERLOADED",
        "error-504-deadline-exceeded.json,       504, DEADLINE_EXCEEDED,   TIMEOUT",
    })
    void errorResponse_isClassifiedWithStatusWordAndMessage(String fixture, int status, String word,
            ErrorCategory category) {
        LlmException e = failureOf(response(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.isTransient()).isEqualTo(category.isTransient());
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).contains(word);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
        assertThat(e.provider()).contains("gemini");
        assertThat(e.model()).contains("gemini-2.0-flash");
    }

    @Test
    void rateLimited_takesItsRetryAfterFromRetryInfo() {
        LlmException e = failureOf(response(429, "error-429-per-minute.json"));

        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("retry after 7000 ms");
    }

    @Test
    void rateLimitedWithoutRetryInfo_hasNoRetryAfter() {
        LlmException e = failureOf(response(429, "error-429-no-details.json"));

        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void retryAfterHeader_winsOverRetryInfo() {
        LlmException e = failureOf(response(429, "error-429-per-minute.json").withHeader("Retry-After", "2"));

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void fractionalRetryDelay_isKeptToTheMillisecond() {
        LlmException e = failureOf(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.read("gemini/error-429-per-minute.json").replace("\"7s\"", "\"1.250s\"")));

        assertThat(e.retryAfter()).contains(Duration.ofMillis(1250));
    }

    @ParameterizedTest
    @CsvSource({"soon", "-3s", "7", "1e12s"})
    void unreadableRetryDelay_isIgnored(String delay) {
        LlmException e = failureOf(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody(GeminiFixtures.read("gemini/error-429-per-minute.json")
                        .replace("\"7s\"", "\"" + delay + "\"")));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void dailyQuota_isPermanentButKeepsTheSuggestedDelay() {
        LlmException e = failureOf(response(429, "error-429-per-day.json"));

        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(33));
    }

    @Test
    void quotaFailureWithDetailsBeforeTheType_isStillRead() {
        String body = """
                {"error": {"code": 429, "message": "Quota exceeded.", "status": "RESOURCE_EXHAUSTED",
                  "details": [{"violations": [{"quotaId": "GenerateRequestsPerDayPerProjectPerModel"}],
                               "@type": "type.googleapis.com/google.rpc.QuotaFailure"}]}}""";

        LlmException e = failureOf(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
    }

    @Test
    void apiKeyEchoedByTheProvider_neverAppearsInTheException() {
        String body = GeminiFixtures.read("gemini/error-400-api-key-invalid.json")
                .replace("API key not valid. Please pass a valid API key.",
                        "API key " + GeminiFixtures.API_KEY + " not valid. Please pass a valid API key.");

        LlmException e = failureOf(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("not valid").doesNotContain(GeminiFixtures.API_KEY);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(GeminiFixtures.API_KEY));
        assertThat(e.toString()).doesNotContain(GeminiFixtures.API_KEY);
    }

    @Test
    void googleFrontEndPageForAnUnknownPath_isInvalidRequestNotAMissingModel() {
        LlmException e = failureOf(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(GeminiFixtures.read("gemini/error-404-unknown-path.html")));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON"));
    }

    @Test
    void htmlErrorPageFromAProxy_isServerErrorSayingTheBodyIsNotJson() {
        LlmException e = failureOf(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.getMessage()).contains("non-JSON").doesNotContain("<html>");
    }

    @Test
    void unparseableJsonErrorBody_keepsTheStatusCategory() {
        LlmException e = failureOf(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": 429, \"status\": \"RESOURCE_"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("unparseable"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON | application/json | {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hel",
        "not JSON       | text/html        | <html><body>Service Unavailable</body></html>",
        "JSON array     | application/json | [{\"candidates\": []}]",
    })
    void malformedSuccessBody_isInvalidResponse(String what, String contentType, String body) {
        LlmException e = failureOf(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.provider()).contains("gemini");
    }

    @Test
    void redirect_isNotFollowedAndIsInvalidResponse() {
        LlmException e = failureOf(aResponse().withStatus(302).withHeader("Location", "https://accounts.google.com/"));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("302");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void connectionBrokenMidResponse_isNetwork(Fault fault) {
        LlmException e = failureOf(aResponse().withFault(fault));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeout() {
        LlmException e = failureOf(response(200, "generate-content.json").withFixedDelay(2000), "300ms");

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e).isInstanceOf(TransientLlmException.class);
    }
}
