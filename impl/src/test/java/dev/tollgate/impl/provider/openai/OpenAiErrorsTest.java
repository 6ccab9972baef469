package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.PermanentLlmException;
import dev.tollgate.api.TransientLlmException;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OpenAiErrorsTest {
    private static final String PATH = "/v1/chat/completions";
    private static final String REQUEST_ID = "req_0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestRecordSink sink = new TestRecordSink();

    private ChatClient client(String baseUrl, String timeout) {
        return Tollgate.builder(TestConfig.properties()
                        .set("tollgate.providers.openai.type", "openai")
                        .set("tollgate.providers.openai.base-url", baseUrl)
                        .set("tollgate.providers.openai.api-key", OpenAiFixtures.API_KEY)
                        .set("tollgate.providers.openai.model", "gpt-4o-mini")
                        .set("tollgate.providers.openai.timeout", timeout)
                        .build())
                .recordSink(sink)
                .build()
                .chatClient();
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        return failureOf(answer, "5s");
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer, String timeout) {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        return failureAt(openAi.baseUrl() + "/v1", timeout);
    }

    private LlmException failureAt(String baseUrl, String timeout) {
        LlmException e = catchThrowableOfType(LlmException.class,
                () -> client(baseUrl, timeout).chat(ChatRequest.of("Summarise the contract")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private static ResponseDefinitionBuilder response(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-request-id", REQUEST_ID)
                .withBody(OpenAiFixtures.read(fixture));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "401, error-401-invalid-api-key.json,         AUTHENTICATION,          invalid_api_key",
        "403, error-403-unsupported-region.json,      PERMISSION,              unsupported_country_region_territory",
        "404, error-404-model-not-found.json,         MODEL_NOT_FOUND,         model_not_found",
        "400, error-400-context-length-exceeded.json, CONTEXT_LENGTH_EXCEEDED, context_length_exceeded",
        "400, error-400-unsupported-parameter.json,   INVALID_REQUEST,         unsupported_parameter",
        "429, error-429-rate-limit-exceeded.json,     RATE_LIMITED,            rate_limit_exceeded",
        "429, error-429-insufficient-quota.json,      QUOTA_EXCEEDED,          insufficient_quota",
        "500, error-500-server-error.json,            SERVER_ERROR,            server_error",
        "503, error-503-overloaded.json,              OVERLOADED,              server_error",
    })
    void errorResponse_isMappedToItsCategory_withEveryDetail(int status, String fixture, ErrorCategory category,
            String code) {
        LlmException e = failureOf(response(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerErrorCode()).contains(code);
        assertThat(e.providerMessage()).isPresent();
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
        assertThat(e.getMessage())
                .startsWith("[" + category + "] openai/gpt-4o-mini:")
                .contains("HTTP " + status, code, REQUEST_ID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "vLLM context window   | 400 | {\"object\": \"error\", \"message\": \"This model's maximum context length is 4096 tokens. However, you requested 5120 tokens (4096 in the messages, 1024 in the completion).\", \"type\": \"BadRequestError\", \"param\": null, \"code\": 400} | CONTEXT_LENGTH_EXCEEDED",
        "vLLM unknown model    | 404 | {\"object\": \"error\", \"message\": \"The model `llama-9` does not exist.\", \"type\": \"NotFoundError\", \"param\": null, \"code\": 404} | MODEL_NOT_FOUND",
        "Ollama unknown model  | 404 | {\"error\": {\"message\": \"model \\\"llama9\\\" not found, try pulling it first\", \"type\": \"api_error\", \"param\": null, \"code\": null}} | MODEL_NOT_FOUND",
        "wrong base path       | 404 | {\"detail\": \"Not Found\"} | INVALID_REQUEST",
        "Azure content filter  | 400 | {\"error\": {\"message\": \"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.\", \"type\": null, \"param\": \"prompt\", \"code\": \"content_filter\", \"status\": 400}} | CONTENT_FILTERED",
        "OpenAI flagged prompt | 400 | {\"error\": {\"message\": \"Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again with a different prompt.\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_prompt\"}} | CONTENT_FILTERED",
        "plain error text      | 429 | {\"error\": \"Too many requests, slow down\"} | RATE_LIMITED",
        "Anthropic-style 529   | 529 | {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}} | OVERLOADED",
    })
    void compatibleServerError_isMappedToItsCategory(String server, int status, String body, ErrorCategory category) {
        LlmException e = failureOf(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerMessage()).isPresent();
    }

    @Test
    void retryAfterAsAPastHttpDate_isNoWait() {
        LlmException e = failureOf(response(429, "error-429-rate-limit-exceeded.json")
                .withHeader("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"));

        assertThat(e.retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void retryAfterAsAFutureHttpDate_isTheTimeUntilThen() {
        LlmException e = failureOf(response(503, "error-503-overloaded.json")
                .withHeader("retry-after", "Fri, 31 Dec 2100 23:59:59 GMT"));

        assertThat(e.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(365 * 50)));
    }

    @Test
    void unreadableRetryAfter_isIgnored() {
        LlmException e = failureOf(response(429, "error-429-rate-limit-exceeded.json")
                .withHeader("retry-after", "soon"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void rateLimited_carriesRetryAfterInSeconds() {
        LlmException e = failureOf(response(429, "error-429-rate-limit-exceeded.json").withHeader("retry-after", "20"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        assertThat(e.getMessage()).contains("retry after 20000 ms");
    }

    @Test
    void rateLimited_prefersRetryAfterMs() {
        LlmException e = failureOf(response(429, "error-429-rate-limit-exceeded.json")
                .withHeader("retry-after", "2")
                .withHeader("retry-after-ms", "1500"));

        assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void rateLimitedWithoutHeaders_hasNoRetryAfter() {
        LlmException e = failureOf(response(429, "error-429-rate-limit-exceeded.json"));

        assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void insufficientQuota_isPermanent() {
        LlmException e = failureOf(response(429, "error-429-insufficient-quota.json").withHeader("retry-after", "1"));

        assertThat(e.category()).isEqualTo(ErrorCategory.QUOTA_EXCEEDED);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
    }

    @Test
    void htmlErrorPageFromAProxy_isServerErrorSayingTheBodyIsNotJson() {
        LlmException e = failureOf(aResponse()
                .withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody(OpenAiFixtures.read("error-502-proxy.html")));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.httpStatus()).hasValue(502);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON", "text/html"));
        assertThat(e.getMessage()).contains("non-JSON").doesNotContain("<html>");
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void unparseableJsonErrorBody_keepsTheStatusCategory() {
        LlmException e = failureOf(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Internal"));

        assertThat(e.category()).isEqualTo(ErrorCategory.SERVER_ERROR);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("unparseable"));
    }

    @Test
    void apiKeyEchoedByTheProvider_neverAppearsInTheException() {
        String body = """
                {"error": {"message": "Incorrect API key provided: %s. You can find your API key at \
                https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", "param": null, \
                "code": "invalid_api_key"}}""".formatted(OpenAiFixtures.API_KEY);

        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("Incorrect API key provided").doesNotContain(OpenAiFixtures.API_KEY);
        assertThat(e.toString()).doesNotContain(OpenAiFixtures.API_KEY);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(OpenAiFixtures.API_KEY));
    }

    @Test
    void apiKeyEchoedAtTheEndOfALongMessage_isNotLeakedByTruncation() {
        String longKey = "sk-proj-" + "Q7vX2mN9pL4kR8sT1wY6zA3bC5dE0fG".repeat(5);
        // the key starts before the 500th character, where long provider messages are cut
        String filler = "Request rejected by the gateway policy engine. ".repeat(9);
        String body = """
                {"error": {"message": "%s Offending credential: %s", "type": "invalid_request_error", \
                "code": "invalid_api_key"}}""".formatted(filler, longKey);
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(body)));
        ChatClient client = Tollgate.builder(TestConfig.properties()
                        .set("tollgate.providers.gw.type", "openai")
                        .set("tollgate.providers.gw.base-url", openAi.baseUrl() + "/v1")
                        .set("tollgate.providers.gw.api-key", longKey)
                        .set("tollgate.providers.gw.model", "gpt-4o-mini")
                        .build())
                .build()
                .chatClient();

        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).doesNotContain(longKey.substring(0, 16));
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(longKey.substring(0, 16)));
    }

    @Test
    void connectionRefused_isNetwork() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        LlmException e = failureAt("http://localhost:" + closedPort + "/v1", "5s");

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void answerSlowerThanTheTimeout_isTimeout() {
        LlmException e = failureOf(response(200, "chat-completion.json").withFixedDelay(2000), "300ms");

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
        assertThat(e.getMessage()).contains("300 ms");
    }

    @Test
    void bodySlowerThanTheTimeout_isTimeout_whenTheHeadersCameInTime() {
        long start = System.nanoTime();
        // the first of 8 chunks, and the headers with it, come after 750 ms; the last after 6 s
        LlmException e = failureOf(response(200, "chat-completion.json").withChunkedDribbleDelay(8, 6000), "1500ms");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e.getMessage()).contains("1500 ms");
        assertThat(tookMillis).as("the deadline ends the body, not its last chunk").isBetween(1400L, 4500L);
    }

    @Test
    void interruptedCaller_isCancelled_andKeepsItsInterruptFlag() {
        openAi.stubFor(post(urlEqualTo(PATH)).willReturn(response(200, "chat-completion.json").withFixedDelay(2000)));
        ChatClient client = client(openAi.baseUrl() + "/v1", "5s");

        Thread.currentThread().interrupt();
        LlmException e;
        try {
            e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("hi")));
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
        }

        assertThat(e.category()).isEqualTo(ErrorCategory.CANCELLED);
        assertThat(e).isInstanceOf(PermanentLlmException.class);
        assertThat(e.provider()).contains("openai");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "MALFORMED_RESPONSE_CHUNK",
        "EMPTY_RESPONSE"})
    void connectionBrokenMidResponse_isNetwork(Fault fault) {
        LlmException e = failureOf(aResponse().withFault(fault));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON      | application/json | {\"id\": \"chatcmpl-1\", \"choices\": [{\"index\": 0, \"mess",
        "not JSON            | text/html        | <html><body>Service Unavailable</body></html>",
        "JSON array          | application/json | []",
        "no choices          | application/json | @chat-completion-no-choices.json",
    })
    void malformedSuccessBody_isInvalidResponse(String what, String contentType, String body) {
        String payload = body.startsWith("@") ? OpenAiFixtures.read(body.substring(1)) : body;

        LlmException e = failureOf(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", contentType)
                .withHeader("x-request-id", REQUEST_ID)
                .withBody(payload));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e).isInstanceOf(TransientLlmException.class);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.requestId()).contains(REQUEST_ID);
        assertThat(e.provider()).contains("openai");
        assertThat(e.model()).contains("gpt-4o-mini");
    }

    @Test
    void redirect_isNotFollowedAndIsInvalidResponse() {
        LlmException e = failureOf(aResponse().withStatus(302).withHeader("Location", "https://example.com/login"));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.getMessage()).contains("302");
    }

    @Test
    void failedRequest_isRecordedAsAFailedExchange() {
        failureOf(response(503, "error-503-overloaded.json"));

        LlmCallRecord record = sink.single();
        assertThat(record.callName()).isEqualTo(LlmCallRecord.STANDALONE);
        assertThat(record.outcome()).isEqualTo(LlmCallRecord.Outcome.FAILURE);
        assertThat(record.failureCategory()).contains(ErrorCategory.OVERLOADED);
        Exchange exchange = record.exchanges().get(0);
        assertThat(exchange.succeeded()).isFalse();
        assertThat(exchange.error()).hasValueSatisfying(err -> assertThat(err.category())
                .isEqualTo(ErrorCategory.OVERLOADED));
        assertThat(exchange.requestId()).contains(REQUEST_ID);
        assertThat(exchange.usage()).as("a refused request uses no tokens").isEqualTo(dev.tollgate.api.Usage.zero());
    }

    @Test
    void requestThatTimedOut_hasAnUnknownUsage() {
        failureOf(response(200, "chat-completion.json").withFixedDelay(3000), "PT0.5S");

        assertThat(sink.single().exchanges().get(0).usage().isKnown())
                .as("the provider may have spent tokens on a request that timed out").isFalse();
    }
}
