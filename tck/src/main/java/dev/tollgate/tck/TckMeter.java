package dev.tollgate.tck;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The {@code Meter} bean that MicroProfile Telemetry provides, for containers that have the
 * OpenTelemetry API without it: SmallRye Fault Tolerance asks for one wherever the API is present.
 * A no-op: the tests read no Fault Tolerance metric.
 */
@Dependent
public class TckMeter {
    /** @return a meter that records nothing */
    @Produces
    @Dependent
    public Meter meter() {
        return OpenTelemetry.noop().getMeter("dev.tollgate.tck");
    }
}
