package dev.tollgate.impl.telemetry;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * How Tollgate traces: whether prompt and answer content go into spans, which version of the GenAI
 * conventions was asked for, and where each provider is.
 *
 * @param captureContent whether spans carry {@code gen_ai.input.messages} and {@code gen_ai.output.messages}
 * @param latestExperimental whether {@code OTEL_SEMCONV_STABILITY_OPT_IN} asks for {@value #GEN_AI_LATEST_EXPERIMENTAL}
 * @param baseUrls the configured base URL of a provider id, if any
 */
public record TelemetrySettings(boolean captureContent, boolean latestExperimental,
        Function<String, Optional<URI>> baseUrls) {
    /** The opt-in value of the GenAI conventions. */
    public static final String GEN_AI_LATEST_EXPERIMENTAL = "gen_ai_latest_experimental";
    /** The system property of the opt-in; the environment variable is {@code OTEL_SEMCONV_STABILITY_OPT_IN}. */
    public static final String OPT_IN_PROPERTY = "otel.semconv-stability.opt-in";

    /**
     * @param optIn the value of {@code OTEL_SEMCONV_STABILITY_OPT_IN}, a comma-separated list, or {@code null}
     * @return whether it holds {@value #GEN_AI_LATEST_EXPERIMENTAL}
     */
    public static boolean latestExperimental(String optIn) {
        return optIn != null && Arrays.stream(optIn.split(",")).map(String::strip)
                .anyMatch(GEN_AI_LATEST_EXPERIMENTAL::equals);
    }
}
