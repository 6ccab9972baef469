package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.API_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.MODEL;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.PATH;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.REQUEST_ID;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SECRET_ACCESS_KEY;
import static dev.tollgate.impl.provider.bedrock.BedrockFixtures.SESSION_TOKEN;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Bedrock Runtime error of Converse, as Bedrock sends it, and every transport failure. */
class BedrockErrorsTest {

    @RegisterExtension
    static WireMockExtension bedrock = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static LlmException failureOf(ResponseDefinitionBuilder answer, TestConfig config) {
        bedrock.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> Tollgate.builder(config.build()).build().chatClient().chat(ChatRequest.of("Summarise the contract")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private static LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, BedrockFixtures.config(bedrock.baseUrl()));
    }

    @ParameterizedTest(name = "HTTP {0} {1} ({2}) -> {3}")
    @CsvSource({
        "400, ValidationException,           error-400-validation.json,            INVALID_REQUEST",
        "400, ValidationException,           error-400-input-too-long.json,        CONTEXT_LENGTH_EXCEEDED",
        "400, ValidationException,           error-400-invalid-model-id.json,      MODEL_NOT_FOUND",
        "400, ServiceQuotaExceededException, error-400-service-quota.json,         QUOTA_EXCEEDED",
        "403, AccessDeniedException,         error-403-access-denied.json,         PERMISSION",
        "403, AccessDeniedException,         error-403-iam-denied.json,            PERMISSION",
        "403, UnrecognizedClientException,   error-403-unrecognized-client.json,   AUTHENTICATION",
        "403, InvalidSignatureException,     error-403-invalid-signature.json,     AUTHENTICATION",
        "403, ExpiredTokenException,         error-403-expired-token.json,         AUTHENTICATION",
        "404, ResourceNotFoundException,     error-404-resource-not-found.json,    MODEL_NOT_FOUND",
        "408, ModelTimeoutException,         error-408-model-timeout.json,         TIMEOUT",
        "424, ModelErrorException,           error-424-model-error.json,           SERVER_ERROR",
        "429, ThrottlingException,           error-429-throttling.json,            RATE_LIMITED",
        "429, ModelNotReadyException,        error-429-model-not-ready.json,       OVERLOADED",
        "500, InternalServerException,       error-500-internal-server.json,       SERVER_ERROR",
        "503, ServiceUnavailableException,   error-503-service-unavailable.json,   OVERLOADED",
    })
    void errorResponse_isClassifiedByItsErrorType_withEveryDetail(int status, String type, String fixture,
            ErrorCategory category) {
        LlmException e = failureOf(BedrockFixtures.error(status, type, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.provider()).contains("bedrock");
        assertThat(e.model()).contains(MODEL);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).as("the namespace after ':' is cut").contains(type);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
        assertThat(e.getMessage())
                .startsWith("[" + category + "] bedrock/" + MODEL + ":")
                .contains("HTTP " + status, type, REQUEST_ID);
    }

    @Test
    void accessDeniedByIam_keepsTheCapitalisedMessageOfTheAuthorisationLayer() {
        LlmException e = failureOf(BedrockFixtures.error(403, "AccessDeniedException", "error-403-iam-denied.json"));

        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("User: arn:aws:iam::123456789012:user/invoices-app is not authorized"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Input is too long for requested model.                                                  | CONTEXT_LENGTH_EXCEEDED",
        "Too many input tokens. Max input tokens: 8192, request input token count: 9001          | CONTEXT_LENGTH_EXCEEDED",
        "The model returned the following errors: prompt is too long: 215000 tokens > 200000 maximum | CONTEXT_LENGTH_EXCEEDED",
        "The model returned the following errors: input length and `max_tokens` exceed context limit: 187254 + 20000 > 200000 | CONTEXT_LENGTH_EXCEEDED",
        "The provided model identifier is invalid.                                               | MODEL_NOT_FOUND",
        "Your account is not authorized to invoke this API operation.                            | PERMISSION",
        "Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn't supported. | INVALID_REQUEST",
    })
    void validationException_isRefinedByItsMessage(String message, ErrorCategory category) {
        assertThat(BedrockErrors.category(400, "ValidationException", message)).isEqualTo(category);
    }

    @Test
    void errorWithoutErrorTypeHeader_isClassifiedByItsStatus() {
        LlmException e = failureOf(aResponse()
                .withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Too many requests, please wait before trying again.\"}"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.providerErrorCode()).isEmpty();
        assertThat(e.providerMessage()).contains("Too many requests, please wait before trying again.");
    }

    @Test
    void htmlErrorPageFromAProxy_isServerErrorSayingTheBodyIsNotJson() {
        LlmException e = failureOf(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody(BedrockFixtures.read("error-502-proxy.html")));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON", "text/html"));
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void connectionResetMidResponse_isNetwork() {
        LlmException e = failureOf(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeout() {
        LlmException e = failureOf(BedrockFixtures.answer("converse.json").withFixedDelay(1500),
                BedrockFixtures.config(bedrock.baseUrl()).set("tollgate.providers.bedrock.timeout", "300ms"));

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
    }

    @Test
    void credentialsEchoedInAnErrorMessage_neverAppearInTheException() {
        String body = "{\"message\":\"Rejected secret %s with token %s\"}".formatted(SECRET_ACCESS_KEY, SESSION_TOKEN);

        LlmException e = failureOf(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "InvalidSignatureException:http://internal.amazon.com/coral/")
                        .withBody(body),
                BedrockFixtures.config(bedrock.baseUrl())
                        .set("tollgate.providers.bedrock.session-token", SESSION_TOKEN));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("Rejected secret ***").doesNotContain(SECRET_ACCESS_KEY, SESSION_TOKEN);
        assertThat(e.providerMessage()).hasValueSatisfying(m ->
                assertThat(m).doesNotContain(SECRET_ACCESS_KEY, SESSION_TOKEN));
    }

    @Test
    void apiKeyEchoedInAnErrorMessage_neverAppearsInTheException() {
        LlmException e = failureOf(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/")
                        .withBody("{\"Message\":\"Bearer token " + API_KEY + " is not authorized\"}"),
                TestConfig.properties()
                        .set("tollgate.providers.bedrock.type", "bedrock")
                        .set("tollgate.providers.bedrock.region", "us-east-1")
                        .set("tollgate.providers.bedrock.base-url", bedrock.baseUrl())
                        .set("tollgate.providers.bedrock.api-key", API_KEY)
                        .set("tollgate.providers.bedrock.model", MODEL));

        assertThat(e.category()).isEqualTo(ErrorCategory.PERMISSION);
        assertThat(e.getMessage()).contains("Bearer token ***").doesNotContain(API_KEY);
    }
}
