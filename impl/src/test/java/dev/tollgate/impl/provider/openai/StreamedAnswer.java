package dev.tollgate.impl.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a test read from a {@link ChatStream}: the pieces delivered, and how the stream ended, with
 * its response or its failure.
 *
 * @param pieces the texts delivered, in order
 * @param response the response, or {@code null} if the stream failed
 * @param failure the failure, or {@code null} if the stream ended properly
 */
public record StreamedAnswer(List<String> pieces, ChatResponse response, LlmException failure) {

    /**
     * @param body a server-sent event stream
     * @return a 200 answer with that body, typed as an event stream
     */
    public static ResponseDefinitionBuilder sse(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /**
     * Reads a stream to its end and closes it.
     *
     * @param stream the stream
     * @return what it delivered, and its response or failure
     */
    public static StreamedAnswer read(ChatStream stream) {
        List<String> pieces = new ArrayList<>();
        try (stream) {
            Iterator<dev.tollgate.api.ChatChunk> chunks = stream.iterator();
            while (chunks.hasNext()) {
                pieces.add(chunks.next().text());
            }
        } catch (LlmException e) {
            return new StreamedAnswer(pieces, null, e);
        }
        try {
            return new StreamedAnswer(pieces, stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS), null);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the stream's response did not complete", e);
        }
    }

    /** @return the delivered pieces joined */
    public String text() {
        return String.join("", pieces);
    }
}
