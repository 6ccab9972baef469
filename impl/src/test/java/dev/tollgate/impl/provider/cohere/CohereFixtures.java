package dev.tollgate.impl.provider.cohere;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The Cohere v2 Chat bodies under {@code src/test/resources/cohere/}, written after Cohere's API reference. */
final class CohereFixtures {
    static final String API_KEY = "co-test-Xb71Qm2Lz9Rk4Vt8Wp3Nd6Hf";
    static final String TRACE_ID = "6e0f777a5f86c8b5453bf374fd3fadbd";

    private CohereFixtures() {
    }

    static String read(String name) {
        try (InputStream in = CohereFixtures.class.getResourceAsStream("/cohere/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
