package dev.tollgate.impl.telemetry;

import dev.tollgate.api.Cost;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.Locale;

/** The span of one {@link dev.tollgate.api.LlmCall} invocation, current on its thread until it leaves. */
final class CallTrace implements dev.tollgate.impl.observe.CallObservation {
    private final Span span;
    private final Scope scope;

    CallTrace(Span span, Scope scope) {
        this.span = span;
        this.scope = scope;
    }

    @Override
    public void left() {
        scope.close();
    }

    @Override
    public void ended(LlmCallRecord record) {
        span.setAttribute(GenAi.CALL_OUTCOME, record.outcome().name().toLowerCase(Locale.ROOT));
        span.setAttribute(GenAi.CALL_REQUESTS, (long) record.exchanges().size());
        Usage usage = record.usage();
        if (usage.isKnown()) {
            span.setAttribute(GenAi.CALL_INPUT_TOKENS, usage.inputTokens());
            span.setAttribute(GenAi.CALL_OUTPUT_TOKENS, usage.outputTokens());
        }
        cost(span, record.cost());
        record.failureCategory().ifPresent(category -> failed(span, category.name()));
        if (record.outcome() == LlmCallRecord.Outcome.FAILURE && record.failureCategory().isEmpty()) {
            failed(span, record.failure().map(f -> f.getClass().getName()).orElse("_OTHER"));
        }
        span.end();
    }

    static void cost(Span span, Cost cost) {
        if (cost.isKnown()) {
            span.setAttribute(GenAi.COST, cost.total().doubleValue());
            span.setAttribute(GenAi.COST_CURRENCY, cost.currency());
        }
    }

    /** Marks a span failed with a low-cardinality type and no message, which could quote a secret. */
    static void failed(Span span, String type) {
        span.setAttribute(GenAi.ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, type);
    }
}
