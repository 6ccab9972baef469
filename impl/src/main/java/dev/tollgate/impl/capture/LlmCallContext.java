package dev.tollgate.impl.capture;

import dev.tollgate.api.Exchange;
import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one running {@link dev.tollgate.api.LlmCall} invocation: the exchanges made so
 * far and the target of the current attempt. Exchanges may arrive from other threads (async
 * requests), so adding and closing are synchronized.
 */
public final class LlmCallContext {
    private final String id;
    private final LlmCallContext parent;
    private final CallPoint point;
    private final Instant startedAt;
    private final long startNanos;
    private final List<Exchange> exchanges = new ArrayList<>(2);
    private volatile Target target;
    private final java.util.Map<Target, Long> notBefore = new java.util.concurrent.ConcurrentHashMap<>(2);
    private final java.util.Map<Object, Object> attachments = new java.util.concurrent.ConcurrentHashMap<>(2);
    private boolean closed;
    private volatile String principal;
    private volatile Route route;

    LlmCallContext(String id, LlmCallContext parent, CallPoint point, Instant startedAt, long startNanos) {
        this.id = id;
        this.parent = parent;
        this.point = point;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.target = point.primary();
    }

    /** @return the id of the record this context becomes */
    public String id() {
        return id;
    }

    /** @return the enclosing context, or {@code null} */
    public LlmCallContext parent() {
        return parent;
    }

    /** @return the intercepted method's metadata */
    public CallPoint point() {
        return point;
    }

    /** @return the target of the current attempt */
    public Target target() {
        return target;
    }

    /**
     * Moves the following requests to another target, for the next fallback attempt.
     *
     * @param next the target
     */
    public void target(Target next) {
        this.target = next;
    }

    /**
     * Remembers that a target asked not to be asked again for a while, so the call's next request to
     * it (a retry) waits.
     *
     * @param failed the target that asked
     * @param delay how long it asked to wait
     */
    public void retryAfter(Target failed, java.time.Duration delay) {
        notBefore.put(failed, System.nanoTime() + delay.toNanos());
    }

    /**
     * @param next a target about to be asked
     * @return how many nanoseconds it asked this call to wait still; zero or less if none
     */
    public long waitNanos(Target next) {
        Long at = notBefore.get(next);
        return at == null ? 0 : at - System.nanoTime();
    }

    /** @return the caller named when the call began, or {@code null} */
    public String principal() {
        return principal;
    }

    void principal(String name) {
        this.principal = name;
    }

    /** @return the route the invocation was given, or {@code null} for the method's own targets */
    public Route route() {
        return route;
    }

    void route(Route given) {
        this.route = given;
        this.target = given.primary();
    }

    /**
     * Keeps per-call state of an observer with the call, such as its trace span.
     *
     * @param key the owner's key
     * @param value the state
     */
    public void attach(Object key, Object value) {
        attachments.put(key, value);
    }

    /**
     * @param key the owner's key
     * @return what was {@linkplain #attach attached} under the key, or {@code null}
     */
    public Object attachment(Object key) {
        return attachments.get(key);
    }

    /** @return when the call started */
    public Instant startedAt() {
        return startedAt;
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * @param exchange a completed request
     * @return {@code false} if the context is already closed and did not take it
     */
    synchronized boolean add(Exchange exchange) {
        if (closed) {
            return false;
        }
        exchanges.add(exchange);
        return true;
    }

    /**
     * @param responseId a provider's id of an answer
     * @return whether an exchange with that answer is already recorded in this call
     */
    public synchronized boolean answered(String responseId) {
        return exchanges.stream().anyMatch(e -> responseId.equals(e.responseId().orElse(null)));
    }

    /** @return the exchanges recorded; later ones are refused */
    synchronized List<Exchange> close() {
        closed = true;
        return List.copyOf(exchanges);
    }
}
