package dev.tollgate.impl.telemetry;

import dev.tollgate.api.Cost;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.observe.RequestObservation;
import dev.tollgate.impl.observe.RequestStart;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.function.BiConsumer;

/** The {@code CLIENT} span and the metrics of one provider request. */
final class RequestTrace implements RequestObservation {
    private static final double NANOS_PER_SECOND = 1e9;

    private final Span span;
    private final TextMapPropagator propagator;
    private final GenAiMetrics metrics;
    private final Attributes common;
    private final RequestStart start;
    private final boolean captureContent;
    private final String currency;
    private final long startNanos = System.nanoTime();
    private volatile boolean firstChunkSeen;

    RequestTrace(Span span, TextMapPropagator propagator, GenAiMetrics metrics, Attributes common, RequestStart start,
            boolean captureContent, String currency) {
        this.span = span;
        this.propagator = propagator;
        this.metrics = metrics;
        this.common = common;
        this.start = start;
        this.captureContent = captureContent;
        this.currency = currency;
    }

    private String model() {
        String model = common.get(GenAi.REQUEST_MODEL);
        return model == null ? "" : model;
    }

    @Override
    public void headers(BiConsumer<String, String> header) {
        propagator.inject(Context.current().with(span), header, (h, name, value) -> h.accept(name, value));
    }

    @Override
    public void firstChunk() {
        if (firstChunkSeen) {
            return;
        }
        firstChunkSeen = true;
        double seconds = (System.nanoTime() - startNanos) / NANOS_PER_SECOND;
        span.setAttribute(GenAi.RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
        metrics.firstChunk(seconds, common);
    }

    @Override
    public void ended(Exchange exchange) {
        AttributesBuilder response = common.toBuilder();
        exchange.responseModel().ifPresent(m -> response.put(GenAi.RESPONSE_MODEL, m));
        Attributes metricAttributes = response.build();
        Usage usage = exchange.usage();
        boolean tokensKnown = usage.isKnown() && (exchange.succeeded() || usage.totalTokens() > 0);
        String errorType = exchange.error().map(LlmException::category).map(Enum::name).orElse(null);
        describe(exchange, metricAttributes, tokensKnown ? usage : null, errorType);
        metrics.duration((System.nanoTime() - startNanos) / NANOS_PER_SECOND, errorType == null ? metricAttributes
                : metricAttributes.toBuilder().put(GenAi.ERROR_TYPE, errorType).build());
        if (tokensKnown) {
            metrics.tokens(usage.inputTokens(), usage.outputTokens(), metricAttributes);
        }
        Cost cost = exchange.cost();
        if (cost.isKnown() && cost.currency().equals(currency)) {
            metrics.cost(cost.total().doubleValue(), Attributes.of(GenAi.PROVIDER_ID, start.target().provider(),
                    GenAi.REQUEST_MODEL, model(), GenAi.CALL_NAME, start.callName()));
        }
        span.end();
    }

    /** Puts what the request came to on its span; the span ends after the metrics are recorded. */
    private void describe(Exchange exchange, Attributes metricAttributes, Usage usage, String errorType) {
        span.setAllAttributes(metricAttributes);
        exchange.responseId().ifPresent(id -> span.setAttribute(GenAi.RESPONSE_ID, id));
        exchange.finishReason().ifPresent(r -> span.setAttribute(GenAi.RESPONSE_FINISH_REASONS,
                List.of(ContentJson.finishReason(r))));
        if (usage != null) {
            span.setAttribute(GenAi.USAGE_INPUT_TOKENS, usage.inputTokens());
            span.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, usage.outputTokens());
            if (usage.cachedInputTokens() > 0) {
                span.setAttribute(GenAi.USAGE_CACHE_READ_INPUT_TOKENS, usage.cachedInputTokens());
            }
            if (usage.reasoningTokens() > 0) {
                span.setAttribute(GenAi.USAGE_REASONING_OUTPUT_TOKENS, usage.reasoningTokens());
            }
        }
        CallTrace.cost(span, exchange.cost());
        if (captureContent && !exchange.requestMessages().isEmpty()) {
            span.setAttribute(GenAi.INPUT_MESSAGES, ContentJson.input(exchange.requestMessages()));
        }
        if (captureContent) {
            exchange.responseText().ifPresent(text -> span.setAttribute(GenAi.OUTPUT_MESSAGES,
                    ContentJson.output(text, exchange.finishReason().orElse(null))));
        }
        if (errorType != null) {
            CallTrace.failed(span, errorType);
        }
    }
}
