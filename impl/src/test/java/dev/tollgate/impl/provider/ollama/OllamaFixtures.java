package dev.tollgate.impl.provider.ollama;

import dev.tollgate.impl.TestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The Ollama {@code /api/chat} bodies under {@code src/test/resources/ollama/}, written after Ollama's API docs. */
final class OllamaFixtures {
    static final String API_KEY = "ollama-test-4f8b2d9e1c7a4b3e9d2f";

    private OllamaFixtures() {
    }

    /**
     * @param baseUrl the stub's URL
     * @return a provider {@code ollama} on the stub, without a key, with model {@code llama3.2} and a
     *     5 s timeout
     */
    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.ollama.type", "ollama")
                .set("tollgate.providers.ollama.base-url", baseUrl)
                .set("tollgate.providers.ollama.model", "llama3.2")
                .set("tollgate.providers.ollama.timeout", "5s");
    }

    static String read(String name) {
        try (InputStream in = OllamaFixtures.class.getResourceAsStream("/ollama/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
