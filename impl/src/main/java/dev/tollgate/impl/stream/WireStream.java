package dev.tollgate.impl.stream;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.OpenedStream;
import java.io.IOException;

/**
 * A {@link ProviderStream} over an open HTTP body: a wire-format parser splits the body into
 * units, a provider's {@link StreamHandler} turns them into text. Transport failures, a body
 * that ends before the stream is complete and malformed units end the stream with an
 * {@link LlmException}, and close the connection.
 *
 * @param <T> the unit of the wire format
 */
public final class WireStream<T> implements ProviderStream {

    /** Reads the next unit of a wire format. */
    @FunctionalInterface
    interface Units<T> {
        T next() throws IOException;
    }

    private final OpenedStream opened;
    private final Units<T> units;
    private final StreamHandler<T> handler;

    private WireStream(OpenedStream opened, Units<T> units, StreamHandler<T> handler) {
        this.opened = opened;
        this.units = units;
        this.handler = handler;
    }

    /**
     * @param opened the open body of a stream of server-sent events
     * @param handler the provider's reading of the events
     * @return the stream
     */
    public static WireStream<SseEvent> sse(OpenedStream opened, StreamHandler<SseEvent> handler) {
        return new WireStream<>(opened, new SseParser(opened.body())::next, handler);
    }

    /**
     * @param opened the open body of a newline-delimited JSON stream
     * @param handler the provider's reading of the documents
     * @return the stream
     */
    public static WireStream<byte[]> ndjson(OpenedStream opened, StreamHandler<byte[]> handler) {
        return new WireStream<>(opened, new NdjsonParser(opened.body())::next, handler);
    }

    /**
     * @param opened the open body of an AWS event stream ({@code application/vnd.amazon.eventstream})
     * @param handler the provider's reading of the messages
     * @return the stream; a message cut short by the end of the body, or whose checksums do not
     *     match, is a malformed event
     */
    public static WireStream<byte[]> eventStream(OpenedStream opened, StreamHandler<EventStreamMessage> handler) {
        return new WireStream<>(opened, new EventStreamParser(opened.body())::nextFrame,
                EventStreamParser.decoding(handler));
    }

    @Override
    public String next() {
        while (true) {
            T unit;
            try {
                unit = units.next();
            } catch (IOException e) {
                LlmException failure = opened.failure(e);
                opened.close();
                throw failure;
            }
            if (unit == null) {
                boolean complete = handler.completeAtEnd();
                opened.finished();
                if (!complete) {
                    throw opened.failure(ErrorCategory.INVALID_RESPONSE,
                            "the stream ended before the provider's end of answer", null);
                }
                return null;
            }
            String text;
            try {
                text = handler.accept(unit);
            } catch (LlmException e) {
                opened.close();
                throw e;
            } catch (RuntimeException e) {
                opened.close();
                throw opened.failure(ErrorCategory.INVALID_RESPONSE, "malformed stream event: " + e.getMessage(), e);
            }
            if (text != null && !text.isEmpty()) {
                return text;
            }
            if (handler.ended()) {
                opened.finished();
                return null;
            }
        }
    }

    @Override
    public ChatResponse summary() {
        ChatResponse summary = handler.summary();
        return summary.requestId().isPresent() || opened.requestId() == null ? summary
                : summary.toBuilder().requestId(opened.requestId()).build();
    }

    @Override
    public void close() {
        opened.close();
    }
}
