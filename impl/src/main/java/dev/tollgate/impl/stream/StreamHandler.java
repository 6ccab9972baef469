package dev.tollgate.impl.stream;

import dev.tollgate.api.ChatResponse;

/**
 * What one provider makes of the units of its stream (events, documents): the text to deliver,
 * and what the stream said about the answer.
 *
 * @param <T> the unit of the wire format
 */
public interface StreamHandler<T> {

    /**
     * @param unit the next unit
     * @return the text it adds to the answer, or {@code null} or empty if none
     * @throws dev.tollgate.api.LlmException if the unit reports a failure
     * @throws RuntimeException of any other kind if the unit is malformed
     */
    String accept(T unit);

    /** @return whether the provider's end marker was seen, so nothing more is read */
    boolean ended();

    /**
     * @return whether a stream whose bytes end now has ended properly; by default, whether the
     *     end marker was seen. Protocols without an end marker say whether the final unit came.
     */
    default boolean completeAtEnd() {
        return ended();
    }

    /** @return what the stream said so far, as a response without text */
    ChatResponse summary();
}
