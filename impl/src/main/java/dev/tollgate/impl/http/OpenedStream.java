package dev.tollgate.impl.http;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body of a streamed answer, open until it is read to its end or closed. The provider's
 * timeout covers the whole stream: when it passes, the body is closed under a blocked reader,
 * whose read then fails and is reported as {@link ErrorCategory#TIMEOUT}.
 */
public final class OpenedStream implements AutoCloseable {
    private static final int OPEN = 0;
    private static final int CLOSED = 1;
    private static final int TIMED_OUT = 2;
    private static final int FINISHED = 3;

    private final String providerId;
    private final String model;
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;
    private final Duration timeout;
    private final String requestId;
    private final AtomicInteger state;
    private final ScheduledFuture<?> deadline;

    private OpenedStream(String providerId, String model, int status, HttpHeaders headers, InputStream body,
            Duration timeout, Duration remaining, String requestId, AtomicInteger state, ScheduledFuture<?> deadline) {
        this.providerId = providerId;
        this.model = model;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.timeout = timeout;
        this.requestId = requestId;
        this.state = state;
        this.deadline = deadline != null ? deadline : Deadlines.after(remaining, this::timeOut);
    }

    static OpenedStream open(String providerId, String model, int status, HttpHeaders headers, InputStream body,
            Duration timeout, Duration remaining) {
        return new OpenedStream(providerId, model, status, headers, body, timeout, remaining, null,
                new AtomicInteger(OPEN), null);
    }

    OpenedStream withRequestId(String id) {
        return new OpenedStream(providerId, model, status, headers, body, timeout, null, id, state, deadline);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the response headers */
    public HttpHeaders headers() {
        return headers;
    }

    /** @return the body, to be read by one thread */
    public InputStream body() {
        return body;
    }

    /** @return the provider's request id, or {@code null} */
    public String requestId() {
        return requestId;
    }

    /** @return whether the caller closed the stream before it ended */
    public boolean closedByCaller() {
        return state.get() == CLOSED;
    }

    /**
     * @param e a failed read of the body
     * @return what the failure means: {@link ErrorCategory#TIMEOUT} if the deadline closed the
     *     stream, {@link ErrorCategory#CANCELLED} if the caller did, {@link ErrorCategory#NETWORK}
     *     otherwise
     */
    public LlmException failure(IOException e) {
        return switch (state.get()) {
            case TIMED_OUT -> failure(ErrorCategory.TIMEOUT, "the stream did not end within "
                    + timeout.toMillis() + " ms", e);
            case CLOSED -> failure(ErrorCategory.CANCELLED, "the stream was closed", e);
            default -> failure(ErrorCategory.NETWORK, "the stream broke: "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        };
    }

    /**
     * @param category the category
     * @param message what happened
     * @param cause the cause, or {@code null}
     * @return a failure of this stream
     */
    public LlmException failure(ErrorCategory category, String message, Throwable cause) {
        return LlmException.builder(category).provider(providerId).model(model).requestId(requestId)
                .message(message).cause(cause).build();
    }

    byte[] readAll() {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void timeOut() {
        if (state.compareAndSet(OPEN, TIMED_OUT)) {
            closeQuietly();
        }
    }

    /** Releases the connection; idempotent and safe from any thread. */
    @Override
    public void close() {
        deadline.cancel(false);
        state.compareAndSet(OPEN, CLOSED);
        closeQuietly();
    }

    /** Marks the stream as read to its end, so closing it is not a cancellation. */
    public void finished() {
        deadline.cancel(false);
        state.compareAndSet(OPEN, FINISHED);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            body.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }
}
