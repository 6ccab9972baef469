package dev.tollgate.impl;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a stream read to its end delivered: its texts, then its response or its failure.
 *
 * @param pieces the texts, in order
 * @param response the response, or {@code null} if the stream failed
 * @param failure the failure, or {@code null}
 */
public record StreamRead(List<String> pieces, ChatResponse response, LlmException failure) {

    /**
     * Streams a request and reads every chunk.
     *
     * @param client the client
     * @param request the request
     * @return what the stream delivered
     * @throws LlmException if the stream fails before it opens
     */
    public static StreamRead of(ChatClient client, ChatRequest request) {
        List<String> pieces = new ArrayList<>();
        try (ChatStream stream = client.stream(request)) {
            stream.forEach(c -> pieces.add(c.text()));
            return new StreamRead(pieces, response(stream), null);
        } catch (LlmException e) {
            return new StreamRead(pieces, null, e);
        }
    }

    /**
     * @param stream a stream that ended or was closed
     * @return its response, within 5 s
     * @throws AssertionError if it does not complete
     */
    public static ChatResponse response(ChatStream stream) {
        try {
            return stream.response().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the stream's response did not complete", e);
        }
    }
}
