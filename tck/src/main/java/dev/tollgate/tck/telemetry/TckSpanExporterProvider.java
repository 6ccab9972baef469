package dev.tollgate.tck.telemetry;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Offers {@link TckSpans} to the container's OpenTelemetry SDK as the exporter
 * {@value #NAME}, chosen by {@code otel.traces.exporter}.
 */
public class TckSpanExporterProvider implements ConfigurableSpanExporterProvider {
    /** The exporter's name. */
    public static final String NAME = "tollgate-tck";

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new TckSpans();
    }

    @Override
    public String getName() {
        return NAME;
    }
}
