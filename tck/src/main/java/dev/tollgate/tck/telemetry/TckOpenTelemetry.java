package dev.tollgate.tck.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * The application's OpenTelemetry where the container provides none: an SDK exporting to
 * {@link TckSpans} as each span ends and to {@link TckMetrics} every 50 ms, as the container's SDK
 * does when configured by the deployment. Deployed only to such containers.
 */
@ApplicationScoped
public class TckOpenTelemetry {
    private static final OpenTelemetry SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(new TckSpans()))
                    .build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(
                    PeriodicMetricReader.builder(new TckMetrics()).setInterval(Duration.ofMillis(50)).build()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    /** @return the SDK, the one OpenTelemetry of the deployment */
    @Produces
    @ApplicationScoped
    public OpenTelemetry openTelemetry() {
        return SDK;
    }
}
