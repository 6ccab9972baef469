package dev.tollgate.tck.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.metrics.ConfigurableMetricExporterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

/**
 * Offers {@link TckMetrics} to the container's OpenTelemetry SDK as the exporter
 * {@value TckSpanExporterProvider#NAME}, chosen by {@code otel.metrics.exporter}.
 */
public class TckMetricExporterProvider implements ConfigurableMetricExporterProvider {
    @Override
    public MetricExporter createExporter(ConfigProperties config) {
        return new TckMetrics();
    }

    @Override
    public String getName() {
        return TckSpanExporterProvider.NAME;
    }
}
