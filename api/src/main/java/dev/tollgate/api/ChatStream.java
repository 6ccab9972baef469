package dev.tollgate.api;

import java.util.Iterator;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A streamed answer, from {@link ChatClient#stream(ChatRequest)}.
 *
 * <p>Rules:
 * <ol>
 *   <li>Consume it once: either {@linkplain #iterator() iterate} it in the calling thread, or
 *       subscribe one subscriber to its {@linkplain #publisher() publisher}, which reads from the
 *       provider only as far as the subscriber has requested. A second consumer gets an
 *       {@link IllegalStateException}.</li>
 *   <li>A provider failure ends the stream with an {@link LlmException}, after the chunks already
 *       delivered: thrown from {@link Iterator#hasNext()} or signalled by
 *       {@link Flow.Subscriber#onError(Throwable)}. A stream that stops arriving before the
 *       provider's timeout ends with {@link ErrorCategory#TIMEOUT}; one that ends without the
 *       provider's end marker, or with a malformed event, with {@link ErrorCategory#INVALID_RESPONSE}.</li>
 *   <li>{@link #close()} stops reading and releases the connection; it is idempotent and safe from
 *       any thread. Closing an unfinished stream, or cancelling the subscription, ends it early.</li>
 *   <li>Whichever way it ends, the stream's exchange is recorded once, with the provider's own
 *       usage as far as the provider reported it; a stream ended early has a usage and cost that
 *       are not {@linkplain Usage#isKnown() known} in full.</li>
 * </ol>
 *
 * <p>Use it in try-with-resources: {@code try (ChatStream s = llm.stream(request)) { for (ChatChunk c : s) … }}.
 */
public interface ChatStream extends Iterable<ChatChunk>, AutoCloseable {

    /**
     * @return the chunks, read from the provider as {@link Iterator#hasNext()} asks for them
     * @throws IllegalStateException if the stream was already consumed
     */
    @Override
    Iterator<ChatChunk> iterator();

    /**
     * @return a publisher for one subscriber, reading from the provider on demand
     * @throws IllegalStateException if the stream was already consumed
     */
    Flow.Publisher<ChatChunk> publisher();

    /**
     * The whole answer: text, finish reason, usage, cost, model and ids. Completes when the stream
     * ends, exceptionally with the {@link LlmException} that ended it; a stream closed early
     * completes with what was received.
     *
     * @return the stage of the answer
     */
    CompletionStage<ChatResponse> response();

    /** Stops reading and releases the connection. */
    @Override
    void close();
}
