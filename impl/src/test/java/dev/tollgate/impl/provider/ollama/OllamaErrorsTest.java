package dev.tollgate.impl.provider.ollama;

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
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OllamaErrorsTest {
    private static final String PATH = "/api/chat";

    @RegisterExtension
    static WireMockExtension ollama = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static LlmException failureAt(String baseUrl, String timeout) {
        var client = Tollgate.builder(TestConfig.of(
                        "tollgate.providers.ollama.type", "ollama",
                        "tollgate.providers.ollama.base-url", baseUrl,
                        "tollgate.providers.ollama.api-key", OllamaFixtures.API_KEY,
                        "tollgate.providers.ollama.model", "llama3.2",
                        "tollgate.providers.ollama.timeout", timeout))
                .build()
                .chatClient();
        LlmException e = catchThrowableOfType(LlmException.class, () -> client.chat(ChatRequest.of("Summarise")));
        assertThat(e).as("the call fails with an LlmException").isNotNull();
        return e;
    }

    private LlmException failureOf(ResponseDefinitionBuilder answer) {
        ollama.stubFor(post(urlEqualTo(PATH)).willReturn(answer));
        return failureAt(ollama.baseUrl(), "5s");
    }

    private static ResponseDefinitionBuilder error(int status, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(OllamaFixtures.read(fixture));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "400, error-400-invalid.json,            INVALID_REQUEST",
        "400, error-400-context-length.json,     CONTEXT_LENGTH_EXCEEDED",
        "500, error-400-context-length.json,     CONTEXT_LENGTH_EXCEEDED",
        "401, error-401-unauthorized.json,       AUTHENTICATION",
        "403, error-403-remote-disabled.json,    PERMISSION",
        "404, error-404-model-not-found.json,    MODEL_NOT_FOUND",
        "429, error-429-hourly-limit.json,       RATE_LIMITED",
        "429, error-429-weekly-limit.json,       QUOTA_EXCEEDED",
        "500, error-500-model-failed.json,       SERVER_ERROR",
        "502, error-502-cloud-unreachable.json,  SERVER_ERROR",
        "503, error-503-server-busy.json,        OVERLOADED",
    })
    void errorResponse_isMappedToItsCategory_withTheServersMessage(int status, String fixture, ErrorCategory category) {
        LlmException e = failureOf(error(status, fixture));

        assertThat(e.category()).isEqualTo(category);
        assertThat(e).isInstanceOf(category.isTransient() ? TransientLlmException.class : PermanentLlmException.class);
        assertThat(e.provider()).contains("ollama");
        assertThat(e.model()).contains("llama3.2");
        assertThat(e.httpStatus()).hasValue(status);
        String unescaped = OllamaFixtures.read(fixture).replace("\\\"", "\"");
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(unescaped).contains(m));
        assertThat(e.requestId()).isEmpty();
        assertThat(e.getMessage()).startsWith("[" + category + "] ollama/llama3.2:").contains("HTTP " + status);
    }

    @Test
    void unknownPathOfAnotherServer_isInvalidRequestNotAMissingModel() {
        LlmException e = failureOf(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("404 page not found"));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("non-JSON"));
    }

    @Test
    void apiKeyEchoedByAProxy_neverAppearsInTheException() {
        LlmException e = failureOf(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"unauthorized: key " + OllamaFixtures.API_KEY + " is not valid\"}"));

        assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(e.getMessage()).contains("unauthorized").doesNotContain(OllamaFixtures.API_KEY);
        assertThat(e.toString()).doesNotContain(OllamaFixtures.API_KEY);
        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(OllamaFixtures.API_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated JSON   | {\"model\": \"llama3.2\", \"message\": {\"role\": \"assist",
        "no message       | {\"model\": \"llama3.2\", \"done\": true}",
        "error in a 200   | {\"error\": \"an error was encountered while running the model\"}",
    })
    void malformedSuccessBody_isInvalidResponse(String what, String body) {
        LlmException e = failureOf(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body));

        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_RESPONSE);
        assertThat(e.httpStatus()).isEmpty();
    }

    @Test
    void errorInASuccessBody_isQuotedInTheFailure() {
        LlmException e = failureOf(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"an error was encountered while running the model\"}"));

        assertThat(e.getMessage()).contains("an error was encountered while running the model");
    }

    @Test
    void ollamaNotRunning_isNetwork() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        LlmException e = failureAt("http://127.0.0.1:" + closedPort, "5s");

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.getMessage()).contains("connection refused");
    }

    @Test
    void modelStillLoadingPastTheTimeout_isTimeout() {
        ollama.stubFor(post(urlEqualTo(PATH)).willReturn(error(200, "chat.json").withFixedDelay(2000)));

        LlmException e = failureAt(ollama.baseUrl(), "300ms");

        assertThat(e.category()).isEqualTo(ErrorCategory.TIMEOUT);
        assertThat(e).isInstanceOf(TransientLlmException.class);
    }

    @Test
    void connectionResetMidResponse_isNetwork() {
        LlmException e = failureOf(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(e.category()).isEqualTo(ErrorCategory.NETWORK);
        assertThat(e.model()).contains("llama3.2");
    }
}
