package dev.tollgate.interceptors.telemetry;

import dev.tollgate.impl.observe.CallObserver;
import dev.tollgate.impl.telemetry.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.Config;

/** Creates the telemetry observer on the application's OpenTelemetry; loaded only where its API is present. */
final class OpenTelemetryObservers {
    private OpenTelemetryObservers() {
    }

    static CallObserver create(Config config, BeanManager beanManager) {
        return Telemetry.observer(openTelemetry(beanManager), config);
    }

    /** The bean MicroProfile Telemetry (or the application) provides, else the global instance. */
    private static OpenTelemetry openTelemetry(BeanManager beanManager) {
        Instance<OpenTelemetry> bean = beanManager.createInstance().select(OpenTelemetry.class);
        return bean.isResolvable() ? bean.get() : GlobalOpenTelemetry.get();
    }
}
