package dev.tollgate.impl.provider.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded bodies under {@code src/test/resources/gemini/} and {@code vertex/}. */
final class GeminiFixtures {
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
}
