package dev.tollgate.impl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.provider.openai.OpenAiFixtures;
import dev.tollgate.impl.telemetry.Telemetry;
import dev.tollgate.impl.telemetry.TestTelemetry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sends a known API key through every path a provider can take, with the provider echoing it in
 * every error, and all of Tollgate's logging on: the key shows nowhere in what was logged, thrown,
 * recorded or exported.
 */
class SecretsNeverLeakTest {
    private static final String KEY = "sk-live-SECRET-7Qw3Er5Ty8Ui0Op2As4Df6Gh";
    private static final String ANTHROPIC_KEY = "sk-ant-SECRET-1Zx3Cv5Bn7Mm9Lk2Jh4Gf6Ds";
    private static final String OPENAI_PATH = "/v1/chat/completions";
    private static final String ANTHROPIC_PATH = "/v1/messages";

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The method a container would intercept; only its metadata is used. */
    @SuppressWarnings("unused")
    static final class TestService {
        String ask(String text) {
            return text;
        }
    }

    /** Everything logged under {@code dev.tollgate} and {@code io.opentelemetry}, formatted with stack traces. */
    static final class CapturedLog extends Handler implements AutoCloseable {
        private final StringBuilder text = new StringBuilder();
        private final List<Logger> loggers = List.of(Logger.getLogger("dev.tollgate"), Logger.getLogger("io.opentelemetry"));
        private final List<Level> levels = new ArrayList<>();

        CapturedLog() {
            setFormatter(new SimpleFormatter());
            setLevel(Level.ALL);
            for (Logger l : loggers) {
                levels.add(l.getLevel());
                l.setLevel(Level.ALL);
                l.addHandler(this);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            text.append(getFormatter().format(record));
        }

        @Override
        public void flush() {
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void close() {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).removeHandler(this);
                loggers.get(i).setLevel(levels.get(i));
            }
        }
    }

    private final TestRecordSink sink = new TestRecordSink();
    private final TestTelemetry telemetry = new TestTelemetry();
    private final StringBuilder thrown = new StringBuilder();

    private Tollgate tollgate() {
        Config config = TestConfig.properties()
                .set("tollgate.provider", "openai")
                .set("tollgate.providers.openai.type", "openai")
                .set("tollgate.providers.openai.base-url", provider.baseUrl() + "/v1")
                .set("tollgate.providers.openai.api-key", KEY)
                .set("tollgate.providers.openai.model", "gpt-4o-mini")
                .set("tollgate.providers.openai.timeout", "PT1S")
                .set("tollgate.providers.openai.circuit.enabled", "false")
                .set("tollgate.providers.claude.type", "anthropic")
                .set("tollgate.providers.claude.base-url", provider.baseUrl())
                .set("tollgate.providers.claude.api-key", ANTHROPIC_KEY)
                .set("tollgate.providers.claude.model", "claude-sonnet-4-5")
                .set("tollgate.providers.claude.circuit.enabled", "false")
                .set("tollgate.telemetry.capture-content", "true")
                .build();
        return Tollgate.builder(config).recordSink(sink).executor(Runnable::run)
                .observers(List.of(Telemetry.observer(telemetry.openTelemetry(), config))).build();
    }

    /** A recorded body whose every message quotes the key, as a careless proxy would. */
    private static String echoing(String fixture, String key) {
        String body = OpenAiFixtures.resource(fixture);
        String echoed = body.replaceAll("\"message\":\\s*\"", "\"message\": \"key " + key + " was refused: ");
        return echoed.equals(body) ? body + "<!-- " + key + " -->" : echoed;
    }

    private static ResponseDefinitionBuilder error(int status, String fixture, String key) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-echo-authorization", "Bearer " + key).withBody(echoing(fixture, key));
    }

    @Test
    void apiKeys_appearNowhereOnAnyPath_withAllLoggingOn() throws Exception {
        Set<ErrorCategory> categories = EnumSet.noneOf(ErrorCategory.class);
        try (CapturedLog log = new CapturedLog()) {
            Tollgate tollgate = tollgate();

            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(OpenAiFixtures.resource("openai/chat-completion.json"))));
            call(tollgate, "openai", false);
            String[][] openAiErrors = {
                    {"400", "openai/error-400-context-length-exceeded.json"},
                    {"400", "openai/error-400-unsupported-parameter.json"},
                    {"401", "openai/error-401-invalid-api-key.json"},
                    {"403", "openai/error-403-unsupported-region.json"},
                    {"404", "openai/error-404-model-not-found.json"},
                    {"429", "openai/error-429-insufficient-quota.json"},
                    {"429", "openai/error-429-rate-limit-exceeded.json"},
                    {"500", "openai/error-500-server-error.json"},
                    {"502", "openai/error-502-proxy.html"},
                    {"503", "openai/error-503-overloaded.json"},
                    {"200", "openai/openrouter-200-error.json"}};
            for (String[] e : openAiErrors) {
                provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(error(Integer.parseInt(e[0]), e[1], KEY)));
                categories.add(call(tollgate, "openai", false));
            }
            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"id\": \"" + KEY + "\", \"choices\": [")));
            categories.add(call(tollgate, "openai", false));
            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            categories.add(call(tollgate, "openai", false));
            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(2500)
                    .withBody(KEY)));
            categories.add(call(tollgate, "openai", false));
            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(echoing("openai/stream-error.txt", KEY))));
            categories.add(call(tollgate, "openai", true));
            provider.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(OpenAiFixtures.resource("openai/stream-truncated.txt"))
                    .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
            categories.add(call(tollgate, "openai", true));

            String[][] anthropicErrors = {
                    {"401", "anthropic/error-401-authentication.json"},
                    {"403", "anthropic/error-403-permission.json"},
                    {"429", "anthropic/error-429-rate-limit.json"},
                    {"529", "anthropic/error-529-overloaded.json"}};
            for (String[] e : anthropicErrors) {
                provider.stubFor(post(urlEqualTo(ANTHROPIC_PATH))
                        .willReturn(error(Integer.parseInt(e[0]), e[1], ANTHROPIC_KEY)));
                categories.add(call(tollgate, "claude", false));
            }
            provider.stubFor(post(urlEqualTo(ANTHROPIC_PATH)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(echoing("anthropic/stream-overloaded.sse", ANTHROPIC_KEY))));
            categories.add(call(tollgate, "claude", true));

            assertThat(categories).contains(ErrorCategory.AUTHENTICATION, ErrorCategory.PERMISSION,
                    ErrorCategory.INVALID_REQUEST, ErrorCategory.MODEL_NOT_FOUND, ErrorCategory.CONTEXT_LENGTH_EXCEEDED,
                    ErrorCategory.RATE_LIMITED, ErrorCategory.QUOTA_EXCEEDED, ErrorCategory.TIMEOUT,
                    ErrorCategory.NETWORK, ErrorCategory.SERVER_ERROR, ErrorCategory.OVERLOADED,
                    ErrorCategory.INVALID_RESPONSE);
            assertThat(sink.records()).hasSize(1 + openAiErrors.length + 5 + anthropicErrors.length + 1);
            assertThat(log.text()).as("what was logged").isNotEmpty();
            assertNoKey("what was logged", log.text());
            assertNoKey("the providers", tollgate.providers().toString());
        }
        assertNoKey("what was thrown", thrown.toString());
        for (LlmCallRecord record : sink.records()) {
            assertNoKey("a record", record.toString());
            record.exchanges().forEach(e -> assertNoKey("an exchange", e.toString() + e.error().map(this::describe)));
        }
        assertThat(telemetry.spans()).hasSizeGreaterThan(sink.records().size());
        assertNoKey("the exported spans", telemetry.spans().toString());
        assertNoKey("the exported metrics", telemetry.metrics().collectAllMetrics().toString());
    }

    private ErrorCategory call(Tollgate tollgate, String providerId, boolean streamed) throws NoSuchMethodException {
        CallPoint point = tollgate.callPoint("TestService.ask", TestService.class.getDeclaredMethod("ask", String.class),
                providerId, "");
        ChatClient llm = tollgate.chatClient();
        try {
            tollgate.capture().invoke(point, () -> {
                if (!streamed) {
                    return llm.chat(ChatRequest.of("Say hello")).text();
                }
                try (ChatStream stream = llm.stream(ChatRequest.of("Say hello"))) {
                    stream.forEach(chunk -> { });
                    ChatResponse response = stream.response().toCompletableFuture().join();
                    return response.text();
                }
            });
            return null;
        } catch (Exception e) {
            thrown.append(describe(e));
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            assertThat(cause).isInstanceOf(LlmException.class);
            return ((LlmException) cause).category();
        }
    }

    private String describe(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        StringBuilder all = new StringBuilder(out.toString());
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append(c.getMessage());
            if (c instanceof LlmException l) {
                all.append(l.providerMessage()).append(l.providerErrorCode()).append(l.requestId());
            }
        }
        return all.toString();
    }

    private static void assertNoKey(String where, String text) {
        assertThat(text).as(where).doesNotContain(KEY).doesNotContain(ANTHROPIC_KEY);
    }
}
