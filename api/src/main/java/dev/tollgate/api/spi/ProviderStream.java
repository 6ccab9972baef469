package dev.tollgate.api.spi;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;

/**
 * One streamed answer as a {@link ProviderClient} reads it from the wire, pulled by Tollgate.
 *
 * <p>Rules for implementations:
 * <ol>
 *   <li>{@link #next()} blocks until the provider sends more text, and returns {@code null} once
 *       the provider has ended the stream properly (its end marker or final event seen);</li>
 *   <li>a failure, a stream cut short without the end marker and a malformed event are thrown from
 *       {@link #next()} as an {@link LlmException}; after that, and after {@code null}, {@link #next()}
 *       is not called again;</li>
 *   <li>{@link #summary()} returns at any time what the stream has said so far: model, ids,
 *       finish reason, usage (unknown until reported; {@linkplain dev.tollgate.api.Usage#partial()
 *       partial} if only a part was), a cost the provider reported; its text is ignored;</li>
 *   <li>{@link #close()} may be called from another thread while {@link #next()} blocks, and must
 *       then make it return or throw promptly; it is idempotent.</li>
 * </ol>
 */
public interface ProviderStream extends AutoCloseable {

    /**
     * @return the next text, never empty; {@code null} when the stream ended properly
     * @throws LlmException if the stream failed
     */
    String next();

    /** @return what the stream has said so far, as a response without text */
    ChatResponse summary();

    /** Stops reading and releases the connection. */
    @Override
    void close();
}
