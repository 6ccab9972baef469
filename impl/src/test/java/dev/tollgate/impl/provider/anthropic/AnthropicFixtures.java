package dev.tollgate.impl.provider.anthropic;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
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
}
