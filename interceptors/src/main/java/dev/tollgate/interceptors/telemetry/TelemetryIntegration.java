package dev.tollgate.interceptors.telemetry;

import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.observe.CallObserver;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Decides whether calls are traced, without loading any class that refers to OpenTelemetry where
 * its API is absent.
 */
public final class TelemetryIntegration {
    private static final String OPEN_TELEMETRY = "io.opentelemetry.api.OpenTelemetry";

    private TelemetryIntegration() {
    }

    /**
     * @param config the application's configuration
     * @param beanManager where the application's {@code OpenTelemetry} bean is looked up
     * @param loader the class loader that must see the OpenTelemetry API
     * @return the telemetry observer, or none if telemetry is off or the API is absent
     * @throws dev.tollgate.impl.config.TollgateConfigException naming the property, if
     *     {@value ConfigKeys#TELEMETRY_ENABLED} is invalid, or {@code true} where the API is absent
     */
    public static List<CallObserver> observers(Config config, BeanManager beanManager, ClassLoader loader) {
        ConfigProblems problems = new ConfigProblems();
        ConfigReader reader = new ConfigReader(config, problems);
        boolean enabled = reader.bool(ConfigKeys.TELEMETRY_ENABLED, true);
        problems.throwIfAny();
        if (!enabled) {
            return List.of();
        }
        if (!openTelemetryPresent(loader)) {
            if (reader.string(ConfigKeys.TELEMETRY_ENABLED).isPresent()) {
                problems.add(Messages.telemetryWithoutOpenTelemetry(ConfigKeys.TELEMETRY_ENABLED));
                problems.throwIfAny();
            }
            return List.of();
        }
        return List.of(OpenTelemetryObservers.create(config, beanManager));
    }

    static boolean openTelemetryPresent(ClassLoader loader) {
        try {
            Class.forName(OPEN_TELEMETRY, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
