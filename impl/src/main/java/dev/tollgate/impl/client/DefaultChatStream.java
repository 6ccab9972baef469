package dev.tollgate.impl.client;

import dev.tollgate.api.ChatChunk;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.capture.DeferredOutcome;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

/**
 * A {@link ChatStream} over a provider's stream: pulls text on demand, gathers the answer, and
 * records the exchange exactly once, however the stream ends.
 */
final class DefaultChatStream implements ChatStream, DeferredOutcome {
    private final ProviderStream source;
    private final BiFunction<ChatResponse, Boolean, ChatResponse> onAnswer;
    private final BiFunction<RuntimeException, ChatResponse, LlmException> onFailure;
    private final Runnable onFirstChunk;
    private final Executor executor;
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<ChatResponse> response = new CompletableFuture<>();
    private final AtomicBoolean consumed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    /**
     * @param source the provider's stream
     * @param onAnswer prices and records the answer; the flag says whether the stream ended properly
     * @param onFailure records a failure, with what the stream reported before it, and returns it as
     *     an {@link LlmException}
     * @param onFirstChunk told when the first text arrives
     * @param executor runs the reads of the {@linkplain #publisher() publisher}
     */
    DefaultChatStream(ProviderStream source, BiFunction<ChatResponse, Boolean, ChatResponse> onAnswer,
            BiFunction<RuntimeException, ChatResponse, LlmException> onFailure, Runnable onFirstChunk,
            Executor executor) {
        this.source = source;
        this.onAnswer = onAnswer;
        this.onFailure = onFailure;
        this.onFirstChunk = onFirstChunk;
        this.executor = executor;
    }

    /**
     * @return the next text, or {@code null} once the stream has ended
     * @throws LlmException if the stream failed
     */
    String pull() {
        if (ended.get()) {
            return null;
        }
        String next;
        try {
            next = source.next();
        } catch (RuntimeException e) {
            if (!ended.compareAndSet(false, true)) {
                throw e instanceof LlmException l ? l : new IllegalStateException(e);
            }
            source.close();
            LlmException failure = onFailure.apply(e, summaryOrNothing());
            response.completeExceptionally(failure);
            throw failure;
        }
        if (next == null) {
            end(true);
            return null;
        }
        boolean first;
        synchronized (text) {
            first = text.length() == 0 && !next.isEmpty();
            text.append(next);
        }
        if (first) {
            onFirstChunk.run();
        }
        return next;
    }

    private ChatResponse summaryOrNothing() {
        try {
            return source.summary();
        } catch (RuntimeException e) {
            return ChatResponse.builder().build();
        }
    }

    private void end(boolean complete) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (!complete) {
            source.close();
        }
        String answered;
        synchronized (text) {
            answered = text.toString();
        }
        try {
            response.complete(onAnswer.apply(source.summary().toBuilder().text(answered).build(), complete));
        } catch (RuntimeException e) {
            response.completeExceptionally(e);
        }
    }

    private void claim() {
        if (!consumed.compareAndSet(false, true)) {
            throw new IllegalStateException("a ChatStream can be consumed once");
        }
    }

    @Override
    public Iterator<ChatChunk> iterator() {
        claim();
        return new Iterator<>() {
            private String next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = pull();
                }
                return next != null;
            }

            @Override
            public ChatChunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ChatChunk chunk = ChatChunk.of(next);
                next = null;
                return chunk;
            }
        };
    }

    @Override
    public Flow.Publisher<ChatChunk> publisher() {
        claim();
        return new ChunkPublisher(this, executor);
    }

    @Override
    public CompletionStage<ChatResponse> response() {
        return response.minimalCompletionStage();
    }

    @Override
    public CompletionStage<?> outcome() {
        return response;
    }

    @Override
    public void close() {
        end(false);
    }
}
