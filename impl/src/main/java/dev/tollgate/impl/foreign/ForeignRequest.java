package dev.tollgate.impl.foreign;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.budget.BudgetHold;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.observe.RequestObservation;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** A request another client sent, from when Tollgate was told of it to its answer or failure. */
public final class ForeignRequest {
    private final ForeignExchanges exchanges;
    private final LlmCallContext context;
    private final ConfiguredProvider provider;
    private final Target target;
    private final ChatRequest request;
    private final BudgetHold hold;
    private final RequestObservation observation;
    private final Instant startedAt;
    private final long start;
    private final AtomicBoolean ended = new AtomicBoolean();

    ForeignRequest(ForeignExchanges exchanges, LlmCallContext context, ConfiguredProvider provider, Target target,
            ChatRequest request, BudgetHold hold, RequestObservation observation, Instant startedAt, long start) {
        this.exchanges = exchanges;
        this.context = context;
        this.provider = provider;
        this.target = target;
        this.request = request;
        this.hold = hold;
        this.observation = observation;
        this.startedAt = startedAt;
        this.start = start;
    }

    /**
     * Records the answer; only the first end of a request counts.
     *
     * @param answer what the provider answered, with model and usage
     */
    public void answered(ChatResponse answer) {
        if (ended.compareAndSet(false, true)) {
            exchanges.answered(this, answer);
        }
    }

    /**
     * Records the failure; only the first end of a request counts.
     *
     * @param failure why it failed
     */
    public void failed(LlmException failure) {
        if (ended.compareAndSet(false, true)) {
            exchanges.failed(this, failure);
        }
    }

    /** @return the provider id and the model asked for */
    public Target target() {
        return target;
    }

    LlmCallContext context() {
        return context;
    }

    ConfiguredProvider provider() {
        return provider;
    }

    ChatRequest request() {
        return request;
    }

    BudgetHold hold() {
        return hold;
    }

    RequestObservation observation() {
        return observation;
    }

    Instant startedAt() {
        return startedAt;
    }

    Duration latency() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
