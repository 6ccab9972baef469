package dev.tollgate.impl.provider.cohere;

import dev.tollgate.impl.TestConfig;
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

    /**
     * @param baseUrl the stub's URL
     * @return a provider {@code cohere} on the stub, with the test key, model {@code command-a-03-2025}
     *     and a 5 s timeout
     */
    static TestConfig config(String baseUrl) {
        return TestConfig.properties()
                .set("tollgate.providers.cohere.type", "cohere")
                .set("tollgate.providers.cohere.base-url", baseUrl)
                .set("tollgate.providers.cohere.api-key", API_KEY)
                .set("tollgate.providers.cohere.model", "command-a-03-2025")
                .set("tollgate.providers.cohere.timeout", "5s");
    }

    static String read(String name) {
        try (InputStream in = CohereFixtures.class.getResourceAsStream("/cohere/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
