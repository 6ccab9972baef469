package dev.tollgate.impl.config;

/** Every configuration property name of Tollgate, declared once. */
public final class ConfigKeys {
    /** The id of the provider requests go to by default. */
    public static final String PROVIDER = "tollgate.provider";
    /** The prefix of every provider's properties: {@code tollgate.providers.<id>.<key>}. */
    public static final String PROVIDERS_PREFIX = "tollgate.providers.";
    /** The wire protocol of a provider. */
    public static final String TYPE = "type";
    /** The base URL of a provider's API. */
    public static final String BASE_URL = "base-url";
    /** The API key of a provider. */
    public static final String API_KEY = "api-key";
    /** The default model of a provider. */
    public static final String MODEL = "model";
    /** How long one request to a provider may take. */
    public static final String TIMEOUT = "timeout";
    /** Whether a provider's circuit opens after failures in a row; {@code true} by default. */
    public static final String CIRCUIT_ENABLED = "circuit.enabled";
    /** How many transient failures in a row open a provider's circuit; 5 by default. */
    public static final String CIRCUIT_FAILURE_THRESHOLD = "circuit.failure-threshold";
    /** How long a provider's circuit stays open before trial requests; {@code PT30S} by default. */
    public static final String CIRCUIT_DELAY = "circuit.delay";
    /** How many trial requests must succeed to close a half-open circuit; 1 by default. */
    public static final String CIRCUIT_HALF_OPEN_TRIALS = "circuit.half-open-trials";

    /** The prefix of a provider's client-side rate-limit keys, after the provider's prefix. */
    public static final String RATE_LIMIT = "rate-limit.";
    /** Requests a minute, after {@link #RATE_LIMIT} or after a model under {@link #RATE_LIMIT_MODELS}. */
    public static final String RPM = "rpm";
    /** Tokens a minute, after {@link #RATE_LIMIT} or after a model under {@link #RATE_LIMIT_MODELS}. */
    public static final String TPM = "tpm";
    /** How long a request may wait for a provider's rate limit, after {@link #RATE_LIMIT}. */
    public static final String MAX_WAIT = "max-wait";
    /** The prefix of per-model rate limits, after {@link #RATE_LIMIT}: {@code models."<model>".rpm}. */
    public static final String RATE_LIMIT_MODELS = "models.";

    /** The prefix of price keys: {@code tollgate.pricing.<provider>.<model>.<field>}. */
    public static final String PRICING_PREFIX = "tollgate.pricing.";
    /** The currency of all prices. */
    public static final String PRICING_CURRENCY = "tollgate.pricing.currency";
    /** A price file in LiteLLM's format: a file path, or {@code classpath:} and a resource name. */
    public static final String PRICING_FILE = "tollgate.pricing.file";

    /** Whether prompts and answers are kept in captured exchanges. */
    public static final String CAPTURE_PROMPTS = "tollgate.capture.prompts";
    /** Whether calls and requests are traced and measured where OpenTelemetry is present; {@code true} by default. */
    public static final String TELEMETRY_ENABLED = "tollgate.telemetry.enabled";
    /** Whether request spans carry the prompts and answers, as captured and redacted; {@code false} by default. */
    public static final String TELEMETRY_CAPTURE_CONTENT = "tollgate.telemetry.capture-content";
    /** The priority of the capture interceptor; the fallback interceptor runs 5 above it. */
    public static final String INTERCEPTOR_PRIORITY = "tollgate.interceptor.priority";

    /** What a provider does with options it cannot honour: {@code reject} (the default) or {@code drop}. */
    public static final String UNSUPPORTED_OPTIONS = "unsupported-options";
    /** The fallback chain of every {@code @Fallback} method that names no target. */
    public static final String FALLBACK = "tollgate.fallback";
    /** The prefix of one call's properties: {@code tollgate.call."<call name>".<key>}. */
    public static final String CALL_PREFIX = "tollgate.call.";
    /** A call's fallback targets, overriding its annotation. */
    public static final String CALL_FALLBACK = "fallback";
    /** The categories that move a call on to its next fallback target. */
    public static final String CALL_FALLBACK_ON = "fallback-on";
    /** The target a call tries once when its context is too small. */
    public static final String CALL_CONTEXT_FALLBACK = "context-fallback";
    /** The longest wait before a request to a target that asked to be retried later. */
    public static final String RETRY_AFTER_MAX_WAIT = "tollgate.retry-after.max-wait";

    private ConfigKeys() {
    }

    /**
     * @param callName a call name, which may contain dots
     * @param key a key after the call's prefix
     * @return {@code tollgate.call."<call name>".<key>}
     */
    public static String callProperty(String callName, String key) {
        return CALL_PREFIX + "\"" + callName + "\"." + key;
    }

    /**
     * @param id a provider id
     * @param key a key after the provider's prefix
     * @return {@code tollgate.providers.<id>.<key>}
     */
    public static String providerProperty(String id, String key) {
        return PROVIDERS_PREFIX + id + "." + key;
    }

    /**
     * @param id a provider id
     * @param field {@link #RPM}, {@link #TPM} or {@link #MAX_WAIT}
     * @return {@code tollgate.providers.<id>.rate-limit.<field>}
     */
    public static String rateLimitProperty(String id, String field) {
        return providerProperty(id, RATE_LIMIT + field);
    }
}
