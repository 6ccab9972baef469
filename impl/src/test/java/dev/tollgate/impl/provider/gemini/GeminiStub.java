package dev.tollgate.impl.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.TestRecordSink;

/** The Gemini API stubbed by a test class's WireMock server, and a client of it that records its calls. */
final class GeminiStub {
    private final WireMockExtension server;
    private final TestRecordSink sink = new TestRecordSink();

    /** @param server the test class's server */
    GeminiStub(WireMockExtension server) {
        this.server = server;
    }

    /** @return a client of provider {@code gemini} on the stub */
    ChatClient client() {
        return GeminiFixtures.client(GeminiFixtures.config(server.baseUrl()), sink);
    }

    /** @return where the client's calls are recorded */
    TestRecordSink sink() {
        return sink;
    }

    /** @param fixture a body under {@code gemini/} that every {@code generateContent} gets */
    void answerWith(String fixture) {
        server.stubFor(GeminiFixtures.generateContent(GeminiFixtures.read("gemini/" + fixture)));
    }

    /**
     * @param request a request the adapter must refuse
     * @return the failure, checked to be INVALID_REQUEST with nothing sent
     */
    LlmException refusedBeforeSending(ChatRequest request) {
        LlmException e = catchThrowableOfType(LlmException.class, () -> client().chat(request));
        assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(server.getAllServeEvents()).as("nothing was sent").isEmpty();
        return e;
    }
}
