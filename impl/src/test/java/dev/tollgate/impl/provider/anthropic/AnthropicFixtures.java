package dev.tollgate.impl.provider.anthropic;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.tollgate.api.ChatClient;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded Messages API bodies under {@code src/test/resources/anthropic/}, served as Anthropic serves them. */
final class AnthropicFixtures {
    static final String API_KEY = "sk-ant-api03-T3stK3yQ9vX2mN7pL4kR8sT1wY6zA3bC5dE0fG-8hJ2kLAA";
    static final String PATH = "/v1/messages";

    private AnthropicFixtures() {
    }

    static String read(String name) {
        try (InputStream in = AnthropicFixtures.class.getResourceAsStream("/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture anthropic/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param status the HTTP status
     * @param fixture the body's fixture
     * @param requestId the {@code request-id} header
     * @return the response, with JSON content type
     */
    static ResponseDefinitionBuilder response(int status, String fixture, String requestId) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("request-id", requestId)
                .withBody(read(fixture));
    }

    /**
     * @param events the server-sent events
     * @param requestId the {@code request-id} header
     * @return a 200 response streaming them, as Anthropic does
     */
    static ResponseDefinitionBuilder eventStream(String events, String requestId) {
        return WireMock.aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                .withHeader("Cache-Control", "no-cache")
                .withHeader("request-id", requestId)
                .withBody(events);
    }

    /**
     * @param baseUrl the stub's base URL
     * @return the configuration of provider {@code claude} against the stub, model {@code claude-sonnet-4-5}
     */
    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.claude.type", "anthropic")
                .set("tollgate.providers.claude.base-url", baseUrl)
                .set("tollgate.providers.claude.api-key", API_KEY)
                .set("tollgate.providers.claude.model", "claude-sonnet-4-5")
                .set("tollgate.providers.claude.timeout", "5s");
    }

    /**
     * @param config the configuration
     * @param sink receives the call records
     * @return a client of it
     */
    static ChatClient client(TestConfig config, TestRecordSink sink) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }
}
