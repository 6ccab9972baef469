package dev.tollgate.impl.http;

import java.net.http.HttpRequest;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Headers to add to every provider request the current thread sends, such as the trace context
 * of the request being traced. Set around a provider client's call by the thread that makes it.
 */
public final class OutboundHeaders {
    private static final ThreadLocal<Consumer<BiConsumer<String, String>>> CURRENT = new ThreadLocal<>();

    private OutboundHeaders() {
    }

    /**
     * Makes a source of headers current on this thread until the returned scope is closed.
     *
     * @param source adds headers through the consumer it is given
     * @return closes the scope, restoring what was current before
     */
    public static Scope open(Consumer<BiConsumer<String, String>> source) {
        Consumer<BiConsumer<String, String>> previous = CURRENT.get();
        CURRENT.set(source);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /**
     * Adds the current headers, if any, to a request.
     *
     * @param request the request being built
     */
    static void addTo(HttpRequest.Builder request) {
        Consumer<BiConsumer<String, String>> source = CURRENT.get();
        if (source != null) {
            source.accept(request::setHeader);
        }
    }

    /** The extent of a source of headers. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
