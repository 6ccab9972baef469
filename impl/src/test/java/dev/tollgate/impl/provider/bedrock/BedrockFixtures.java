package dev.tollgate.impl.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.tollgate.api.ChatClient;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The recorded Converse bodies under {@code src/test/resources/bedrock/}, and test credentials. */
final class BedrockFixtures {
    /** AWS's documented example key pair. */
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDtestsessiontoken";
    static final String API_KEY = "ABSKQmVkcm9ja0FQSUtleS10ZXN0LWtleS0wMTIzNDU2Nzg5";
    static final String REGION = "eu-central-1";
    static final String MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
    static final String PATH = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse";
    static final String STREAM_PATH = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream";
    static final String REQUEST_ID = "2d3b5f71-4a0e-4d8c-9b1f-7e6a5c4d3b2a";

    private BedrockFixtures() {
    }

    static String read(String name) {
        try (InputStream in = BedrockFixtures.class.getResourceAsStream("/bedrock/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture bedrock/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a provider {@code bedrock} with the example keys, talking to the stub */
    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.bedrock.type", "bedrock")
                .set("tollgate.providers.bedrock.region", REGION)
                .set("tollgate.providers.bedrock.base-url", baseUrl)
                .set("tollgate.providers.bedrock.access-key-id", ACCESS_KEY_ID)
                .set("tollgate.providers.bedrock.secret-access-key", SECRET_ACCESS_KEY)
                .set("tollgate.providers.bedrock.model", MODEL)
                .set("tollgate.providers.bedrock.timeout", "5s");
    }

    /** @return a client of the provider of {@link #config(String)} */
    static ChatClient client(String baseUrl) {
        return Tollgate.builder(config(baseUrl).build()).build().chatClient();
    }

    /** @return a 200 answer with the fixture, as Bedrock sends it */
    static ResponseDefinitionBuilder answer(String fixture) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", REQUEST_ID)
                .withBody(read(fixture));
    }

    /** @return a 200 answer streaming the AWS event stream messages, as Bedrock sends them */
    static ResponseDefinitionBuilder eventStream(byte[] messages) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-RequestId", REQUEST_ID)
                .withBody(messages);
    }

    /** @return an error answer with the fixture, named by {@code x-amzn-ErrorType} as Bedrock names it */
    static ResponseDefinitionBuilder error(int status, String errorType, String fixture) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", REQUEST_ID)
                .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withBody(read(fixture));
    }
}
