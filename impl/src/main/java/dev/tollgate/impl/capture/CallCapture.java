package dev.tollgate.impl.capture;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Route;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.observe.CallObservation;
import dev.tollgate.impl.observe.CallObserver;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;

/**
 * Runs an {@link dev.tollgate.api.LlmCall} method inside a call context and publishes its
 * record when it ends: when it returns or throws, or, if it returns a {@link CompletionStage},
 * when the stage completes, or, if it returns a stream ({@link DeferredOutcome}), when the stream
 * ends or is closed.
 */
public final class CallCapture {
    private final CallContexts contexts;
    private final List<UsageExtractor> extractors;
    private final BiConsumer<LlmCallContext, ChatResponse> extracted;
    private final RecordSink sink;
    private final CaptureFailures failures;
    private final String currency;
    private final CallObserver observer;
    private final Callers callers;

    /**
     * @param contexts the call contexts
     * @param extractors read usage from results of other clients
     * @param extracted prices, charges and records an answer an extractor read, in the call it was read in
     * @param sink where records go
     * @param failures where capture failures are counted
     * @param currency the currency of costs
     * @param observer told when calls start, leave their thread and end; must not throw
     * @param callers names the caller of each call when it begins
     */
    public CallCapture(CallContexts contexts, List<UsageExtractor> extractors,
            BiConsumer<LlmCallContext, ChatResponse> extracted, RecordSink sink, CaptureFailures failures, String currency,
            CallObserver observer, Callers callers) {
        this.contexts = contexts;
        this.extractors = List.copyOf(extractors);
        this.extracted = extracted;
        this.sink = sink;
        this.failures = failures;
        this.currency = currency;
        this.observer = observer;
        this.callers = callers;
    }

    /**
     * Runs the method.
     *
     * @param point the intercepted method
     * @param proceed runs it
     * @return what it returned; a returned {@link CompletionStage} is passed on with the same
     *     outcome, completed after the record is published
     * @throws Exception what it threw, unchanged
     */
    public Object invoke(CallPoint point, Callable<Object> proceed) throws Exception {
        return invoke(point, null, proceed);
    }

    /**
     * Runs the method with the targets of a route.
     *
     * @param point the intercepted method
     * @param route the route the invocation was given, or {@code null} for the method's own targets
     * @param proceed runs it
     * @return what it returned, as {@link #invoke(CallPoint, Callable)} says
     * @throws Exception what it threw, unchanged
     */
    public Object invoke(CallPoint point, Route route, Callable<Object> proceed) throws Exception {
        LlmCallContext context = contexts.open(point);
        context.principal(callers.current().orElse(null));
        if (route != null) {
            context.route(route);
        }
        CallObservation observation = observer.callStarted(context);
        Object result;
        try {
            result = proceed.call();
        } catch (Exception | Error e) {
            contexts.leave(context);
            observation.left();
            finish(context, observation, null, e);
            throw e;
        }
        contexts.leave(context);
        observation.left();
        if (result instanceof CompletionStage<?> stage) {
            return whenComplete(context, observation, stage, point.method().getReturnType());
        }
        if (result instanceof DeferredOutcome deferred) {
            deferred.outcome().whenComplete((value, failure) -> finish(context, observation, null, unwrap(failure)));
            return result;
        }
        finish(context, observation, result, null);
        return result;
    }

    private Object whenComplete(LlmCallContext context, CallObservation observation, CompletionStage<?> stage,
            Class<?> declared) {
        CompletionStage<?> observed = stage.whenComplete(
                (value, failure) -> finish(context, observation, value, unwrap(failure)));
        if (declared.isInstance(observed)) {
            return observed;
        }
        return stage;
    }

    private void finish(LlmCallContext context, CallObservation observation, Object result, Throwable failure) {
        LlmCallRecord record;
        try {
            if (failure == null && result != null && !(result instanceof ChatResponse) && !extractors.isEmpty()) {
                extract(context, result);
            }
            List<Exchange> exchanges = context.close();
            CallPoint point = context.point();
            record = LlmCallRecord.builder()
                    .id(context.id())
                    .parentId(context.parent() == null ? null : context.parent().id())
                    .callName(point.callName())
                    .principal(context.principal())
                    .method(point.method())
                    .startedAt(context.startedAt())
                    .duration(Duration.ofNanos(System.nanoTime() - context.startNanos()))
                    .failure(failure)
                    .exchanges(exchanges)
                    .currency(currency)
                    .build();
        } catch (RuntimeException e) {
            failures.report("building a call record", e);
            return;
        }
        observation.ended(record);
        try {
            sink.publish(record);
        } catch (RuntimeException e) {
            failures.report("publishing a call record", e);
        }
    }

    private void extract(LlmCallContext context, Object result) {
        for (UsageExtractor extractor : extractors) {
            Optional<ChatResponse> found;
            try {
                found = extractor.extract(result);
            } catch (RuntimeException e) {
                failures.report("extracting usage with " + extractor.getClass().getName(), e);
                continue;
            }
            if (found.isPresent()) {
                // an answer the record cannot hold (no provider, say) must not cost the whole record
                try {
                    extracted.accept(context, found.get());
                } catch (RuntimeException e) {
                    failures.report("recording the answer of " + extractor.getClass().getName(), e);
                }
                return;
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

}
