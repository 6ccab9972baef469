package dev.tollgate.impl.observe;

import dev.tollgate.api.Exchange;
import java.util.function.BiConsumer;

/** What an observer is told of one provider request after it began. */
public interface RequestObservation {
    /** Observes nothing. */
    RequestObservation NONE = new RequestObservation() {
    };

    /**
     * Adds headers to the HTTP request about to be sent, such as {@code traceparent}.
     *
     * @param header takes a header name and value
     */
    default void headers(BiConsumer<String, String> header) {
    }

    /** The first chunk of a streamed answer arrived. */
    default void firstChunk() {
    }

    /**
     * The request ended, answered or failed.
     *
     * @param exchange the request as recorded
     */
    default void ended(Exchange exchange) {
    }
}
