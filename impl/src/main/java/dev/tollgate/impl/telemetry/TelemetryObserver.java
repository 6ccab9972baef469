package dev.tollgate.impl.telemetry;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.observe.CallObservation;
import dev.tollgate.impl.observe.CallObserver;
import dev.tollgate.impl.observe.RequestObservation;
import dev.tollgate.impl.observe.RequestStart;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.util.Optional;

/**
 * Traces every {@link dev.tollgate.api.LlmCall} invocation as a span, and every provider request as a
 * {@code CLIENT} span of the GenAI conventions under it, and records the conventions' client metrics
 * and Tollgate's cost counter.
 */
public final class TelemetryObserver implements CallObserver {
    /** The instrumentation scope of Tollgate's spans and metrics. */
    public static final String SCOPE = "dev.tollgate";

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final GenAiMetrics metrics;
    private final TelemetrySettings settings;
    private final String currency;

    /**
     * @param openTelemetry where spans and metrics go
     * @param settings what to trace
     * @param currency the currency of costs
     */
    public TelemetryObserver(OpenTelemetry openTelemetry, TelemetrySettings settings, String currency) {
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.metrics = new GenAiMetrics(openTelemetry.getMeter(SCOPE), currency);
        this.settings = settings;
        this.currency = currency;
    }

    @Override
    public CallObservation callStarted(LlmCallContext context) {
        String callName = context.point().callName();
        Span span = tracer.spanBuilder(callName).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAi.CALL_NAME, callName).startSpan();
        context.attach(this, span);
        return new CallTrace(span, Context.current().with(span).makeCurrent());
    }

    @Override
    public RequestObservation requestStarted(RequestStart start) {
        ChatRequest request = start.request();
        String model = request.model().orElse(start.target().model());
        Attributes common = commonAttributes(start, model);
        SpanBuilder builder = tracer.spanBuilder(model == null ? GenAi.CHAT : GenAi.CHAT + " " + model)
                .setSpanKind(SpanKind.CLIENT).setParent(parent(start.context()))
                .setAllAttributes(common)
                .setAttribute(GenAi.PROVIDER_ID, start.target().provider())
                .setAttribute(GenAi.CALL_NAME, start.callName());
        requestParameters(builder, request);
        if (start.streamed()) {
            builder.setAttribute(GenAi.REQUEST_STREAM, true);
        }
        return new RequestTrace(builder.startSpan(), propagator, metrics, common, start, settings.captureContent(), currency);
    }

    private Context parent(LlmCallContext context) {
        Context current = Context.current();
        return context != null && context.attachment(this) instanceof Span call ? current.with(call) : current;
    }

    private Attributes commonAttributes(RequestStart start, String model) {
        AttributesBuilder a = Attributes.builder()
                .put(GenAi.OPERATION_NAME, GenAi.CHAT)
                .put(GenAi.PROVIDER_NAME, GenAi.providerName(start.provider().type()));
        if (model != null) {
            a.put(GenAi.REQUEST_MODEL, model);
        }
        Optional<URI> base = settings.baseUrls().apply(start.target().provider());
        if (base.isPresent() && base.get().getHost() != null) {
            URI uri = base.get();
            a.put(GenAi.SERVER_ADDRESS, uri.getHost());
            a.put(GenAi.SERVER_PORT, (long) (uri.getPort() > 0 ? uri.getPort()
                    : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443));
        }
        return a.build();
    }

    private static void requestParameters(SpanBuilder span, ChatRequest request) {
        request.temperature().ifPresent(v -> span.setAttribute(GenAi.REQUEST_TEMPERATURE, v));
        request.topP().ifPresent(v -> span.setAttribute(GenAi.REQUEST_TOP_P, v));
        request.maxTokens().ifPresent(v -> span.setAttribute(GenAi.REQUEST_MAX_TOKENS, (long) v));
        request.seed().ifPresent(v -> span.setAttribute(GenAi.REQUEST_SEED, v));
        if (!request.stop().isEmpty()) {
            span.setAttribute(GenAi.REQUEST_STOP_SEQUENCES, request.stop());
        }
        if (request.responseFormat() != null && request.responseFormat().kind() != ResponseFormat.Kind.TEXT) {
            span.setAttribute(GenAi.OUTPUT_TYPE, "json");
        }
    }
}
