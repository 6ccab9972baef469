package dev.tollgate.impl.capture;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.spi.UsageExtractor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

/**
 * Runs an {@link dev.tollgate.api.LlmCall} method inside a call context and publishes its
 * record when it ends: when it returns or throws, or, if it returns a {@link CompletionStage},
 * when the stage completes, or, if it returns a stream ({@link DeferredOutcome}), when the stream
 * ends or is closed.
 */
public final class CallCapture {
    private final CallContexts contexts;
    private final ExchangeRecorder recorder;
    private final List<UsageExtractor> extractors;
    private final UnaryOperator<ChatResponse> pricer;
    private final RecordSink sink;
    private final CaptureFailures failures;
    private final String currency;

    /**
     * @param contexts the call contexts
     * @param recorder records exchanges
     * @param extractors read usage from results of other clients
     * @param pricer adds the cost to an extracted answer
     * @param sink where records go
     * @param failures where capture failures are counted
     * @param currency the currency of costs
     */
    public CallCapture(CallContexts contexts, ExchangeRecorder recorder, List<UsageExtractor> extractors,
            UnaryOperator<ChatResponse> pricer, RecordSink sink, CaptureFailures failures, String currency) {
        this.contexts = contexts;
        this.recorder = recorder;
        this.extractors = List.copyOf(extractors);
        this.pricer = pricer;
        this.sink = sink;
        this.failures = failures;
        this.currency = currency;
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
        LlmCallContext context = contexts.open(point);
        Object result;
        try {
            result = proceed.call();
        } catch (Exception | Error e) {
            contexts.leave(context);
            finish(context, null, e);
            throw e;
        }
        contexts.leave(context);
        if (result instanceof CompletionStage<?> stage) {
            return whenComplete(context, stage, point.method().getReturnType());
        }
        if (result instanceof DeferredOutcome deferred) {
            deferred.outcome().whenComplete((value, failure) -> finish(context, null, unwrap(failure)));
            return result;
        }
        finish(context, result, null);
        return result;
    }

    private Object whenComplete(LlmCallContext context, CompletionStage<?> stage, Class<?> declared) {
        CompletionStage<?> observed = stage.whenComplete((value, failure) -> finish(context, value, unwrap(failure)));
        if (declared.isInstance(observed)) {
            return observed;
        }
        return stage;
    }

    private void finish(LlmCallContext context, Object result, Throwable failure) {
        try {
            if (failure == null && result != null && !(result instanceof ChatResponse) && !extractors.isEmpty()) {
                extract(context, result);
            }
            List<Exchange> exchanges = context.close();
            CallPoint point = context.point();
            sink.publish(LlmCallRecord.builder()
                    .id(context.id())
                    .parentId(context.parent() == null ? null : context.parent().id())
                    .callName(point.callName())
                    .method(point.method())
                    .startedAt(context.startedAt())
                    .duration(Duration.ofNanos(System.nanoTime() - context.startNanos()))
                    .failure(failure)
                    .exchanges(exchanges)
                    .currency(currency)
                    .build());
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
                    recorder.extracted(context, pricer.apply(found.get()), context.startedAt());
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
