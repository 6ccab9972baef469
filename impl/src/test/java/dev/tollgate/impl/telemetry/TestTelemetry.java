package dev.tollgate.impl.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/** An OpenTelemetry SDK that keeps every span and metric in memory, exported as each span ends. */
public final class TestTelemetry {
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final OpenTelemetrySdk sdk;

    /** @param more further span processors, after the in-memory exporter */
    public TestTelemetry(SpanProcessor... more) {
        io.opentelemetry.sdk.trace.SdkTracerProviderBuilder tracing = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans));
        for (SpanProcessor p : more) {
            tracing.addSpanProcessor(p);
        }
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(tracing.build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    /** @return the SDK */
    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** @return the spans ended so far */
    public List<SpanData> spans() {
        return spans.getFinishedSpanItems();
    }

    /**
     * @param name a span name
     * @return the only ended span of that name
     */
    public SpanData span(String name) {
        List<SpanData> named = spans().stream().filter(s -> s.getName().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one span '" + name + "' but got " + spans());
        }
        return named.get(0);
    }

    /** @return the reader of the metrics */
    public InMemoryMetricReader metrics() {
        return metrics;
    }
}
