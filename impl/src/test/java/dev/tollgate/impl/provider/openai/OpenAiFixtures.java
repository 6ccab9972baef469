package dev.tollgate.impl.provider.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the recorded bodies of the Chat Completions family: {@code src/test/resources/openai/}, and
 * those of Azure OpenAI and Mistral beside it.
 */
public final class OpenAiFixtures {
    static final String API_KEY = "sk-test-5fJ2q9XyZr8LmN3vB7kP0aWXYZ";

    private OpenAiFixtures() {
    }

    static String read(String name) {
        return resource("openai/" + name);
    }

    /**
     * @param path a path under {@code src/test/resources}, such as {@code azure/chat-completion.json}
     * @return the file's text
     */
    public static String resource(String path) {
        try (InputStream in = OpenAiFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
