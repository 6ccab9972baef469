package dev.tollgate.impl.telemetry;

import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;

/** Builds the {@link TelemetryObserver} of an application from its configuration. */
public final class Telemetry {
    /** The version of the GenAI semantic conventions emitted, by default and under the opt-in alike. */
    public static final String CONVENTIONS = "1.41";

    private static final System.Logger LOG = System.getLogger(Telemetry.class.getName());

    private Telemetry() {
    }

    /**
     * Reads {@value ConfigKeys#TELEMETRY_CAPTURE_CONTENT}, the currency, the providers' base URLs and
     * {@code OTEL_SEMCONV_STABILITY_OPT_IN} (the environment variable, or the system property
     * {@value TelemetrySettings#OPT_IN_PROPERTY}, or the same name in the application's configuration).
     *
     * @param openTelemetry where spans and metrics go
     * @param config the application's configuration
     * @return the observer
     * @throws dev.tollgate.impl.config.TollgateConfigException naming the property, if one is invalid
     */
    public static TelemetryObserver observer(OpenTelemetry openTelemetry, Config config) {
        ConfigProblems problems = new ConfigProblems();
        ConfigReader reader = new ConfigReader(config, problems);
        boolean captureContent = reader.bool(ConfigKeys.TELEMETRY_CAPTURE_CONTENT, false);
        String currency = reader.string(ConfigKeys.PRICING_CURRENCY).orElse("USD");
        String optIn = reader.string(TelemetrySettings.OPT_IN_PROPERTY)
                .orElseGet(() -> System.getenv("OTEL_SEMCONV_STABILITY_OPT_IN"));
        problems.throwIfAny();
        Map<String, Optional<URI>> baseUrls = new ConcurrentHashMap<>();
        TelemetrySettings settings = new TelemetrySettings(captureContent,
                TelemetrySettings.latestExperimental(optIn),
                id -> baseUrls.computeIfAbsent(id, k -> baseUrl(config, k)));
        LOG.log(System.Logger.Level.DEBUG, () -> "tracing with the GenAI semantic conventions " + CONVENTIONS
                + (settings.latestExperimental() ? ", the latest this version supports, as "
                        + TelemetrySettings.GEN_AI_LATEST_EXPERIMENTAL + " asks" : ""));
        return new TelemetryObserver(openTelemetry, settings, currency);
    }

    private static Optional<URI> baseUrl(Config config, String id) {
        try {
            return config.getOptionalValue(ConfigKeys.providerProperty(id, ConfigKeys.BASE_URL), String.class)
                    .map(v -> URI.create(v.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
