package dev.tollgate.tck.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Keeps the latest cumulative export of every metric of the deployment in memory, for the tests to read. */
public final class TckMetrics implements MetricExporter {
    private static final Map<String, MetricData> LATEST = new ConcurrentHashMap<>();

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
        metrics.forEach(m -> LATEST.put(m.getName(), m));
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /**
     * @param name a metric name
     * @return its points as last exported, cumulative since the deployment started
     */
    public static List<TckMetricPoint> points(String name) {
        MetricData metric = LATEST.get(name);
        return metric == null ? List.of() : points(metric).toList();
    }

    private static Stream<TckMetricPoint> points(MetricData metric) {
        if (metric.getType() == MetricDataType.HISTOGRAM) {
            return metric.getHistogramData().getPoints().stream().map(p -> new TckMetricPoint(text(p), p.getCount(),
                    p.getSum(), p.getBoundaries(), metric.getUnit()));
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
