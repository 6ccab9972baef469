package dev.tollgate.impl.provider.ollama;

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

    static String read(String name) {
        try (InputStream in = OllamaFixtures.class.getResourceAsStream("/ollama/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
