package dev.tollgate.impl.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.tollgate.api.ChatClient;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.TestRecordSink;
import dev.tollgate.impl.Tollgate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the recorded bodies under {@code src/test/resources/gemini/} and {@code vertex/}, and
 * sets up a Gemini provider against a stub.
 */
final class GeminiFixtures {
    static final String PATH = "/v1beta/models/gemini-2.0-flash:generateContent";
    static final String STREAM_PATH = "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse";
    static final String API_KEY = "AIzaSyD3xQ7vN2mK8pL4rT9wB6cF1hJ5sG0eZ_aY";
    static final String ACCESS_TOKEN = "ya29.a0AfB_byC7kQz3mN8vX2pL5rT9wB4cF6hJ1sG0eZ";

    private GeminiFixtures() {
    }

    /**
     * @param path a path under the test resources, such as {@code gemini/generate-content.json}
     * @return the body
     */
    static String read(String path) {
        try (InputStream in = GeminiFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param baseUrl the stub's base URL
     * @return the configuration of provider {@code gemini}, model {@code gemini-2.0-flash}
     */
    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.gemini.type", "gemini")
                .set("tollgate.providers.gemini.base-url", baseUrl)
                .set("tollgate.providers.gemini.api-key", API_KEY)
                .set("tollgate.providers.gemini.model", "gemini-2.0-flash")
                .set("tollgate.providers.gemini.timeout", "5s");
    }

    /**
     * @param config the configuration
     * @param sink where the calls are recorded
     * @return a client of it
     */
    static ChatClient client(TestConfig config, TestRecordSink sink) {
        return Tollgate.builder(config.build()).recordSink(sink).build().chatClient();
    }

    /**
     * @param body a {@code generateContent} response body
     * @return a stub answering every model's {@code generateContent} of the Gemini API with it
     */
    static MappingBuilder generateContent(String body) {
        return post(urlPathMatching("/v1beta/models/[^/]+:generateContent")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body));
    }

    /**
     * @param events the events, separated by blank lines
     * @return a 200 response streaming them, as Google does: {@code text/event-stream}, each line
     *     ended by CR LF
     */
    static ResponseDefinitionBuilder eventStream(String events) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(events.replace("\r\n", "\n").replace("\n", "\r\n"));
    }
}
