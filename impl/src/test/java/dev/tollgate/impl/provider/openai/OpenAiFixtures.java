package dev.tollgate.impl.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded Chat Completions bodies under {@code src/test/resources/openai/}. */
final class OpenAiFixtures {
    static final String API_KEY = "sk-test-5fJ2q9XyZr8LmN3vB7kP0aWXYZ";

    private OpenAiFixtures() {
    }

    static String read(String name) {
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream("/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture openai/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
