package dev.tollgate.tck.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The application's OpenTelemetry where the container provides none: an SDK exporting spans to
 * {@link TckSpans} as each ends and keeping metrics in memory. Deployed only to such containers.
 */
@ApplicationScoped
public class TckOpenTelemetry {
    private static final InMemoryMetricReader METRICS = InMemoryMetricReader.create();
    private static final OpenTelemetry SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new TckSpans()))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(METRICS).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** @return the SDK, the one OpenTelemetry of the deployment */
    @Produces
    @ApplicationScoped
    public OpenTelemetry openTelemetry() {
        return SDK;
    }

    /**
     * @param name a metric name
     * @return the points of that metric collected so far, cumulative since the deployment started
     */
    public static List<TckMetricPoint> points(String name) {
        return METRICS.collectAllMetrics().stream().filter(m -> m.getName().equals(name))
                .flatMap(TckOpenTelemetry::points).toList();
    }

    private static Stream<TckMetricPoint> points(MetricData metric) {
        if (metric.getType() == MetricDataType.HISTOGRAM) {
            return metric.getHistogramData().getPoints().stream().map(p -> new TckMetricPoint(text(p), p.getCount(),
                    p.getSum(), ((HistogramPointData) p).getBoundaries(), metric.getUnit()));
        }
        return metric.getDoubleSumData().getPoints().stream()
                .map(p -> new TckMetricPoint(text(p), 1, p.getValue(), List.of(), metric.getUnit()));
    }

    private static Map<String, String> text(PointData point) {
        Map<String, String> attributes = new LinkedHashMap<>();
        point.getAttributes().forEach((k, v) -> attributes.put(k.getKey(), String.valueOf(v)));
        return attributes;
    }
}
