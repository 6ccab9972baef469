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

    /** The prefix of price keys: {@code tollgate.pricing.<provider>.<model>.<field>}. */
    public static final String PRICING_PREFIX = "tollgate.pricing.";
    /** The currency of all prices. */
    public static final String PRICING_CURRENCY = "tollgate.pricing.currency";
    /** A price file in LiteLLM's format: a file path, or {@code classpath:} and a resource name. */
    public static final String PRICING_FILE = "tollgate.pricing.file";

    /** Whether prompts and answers are kept in captured exchanges. */
    public static final String CAPTURE_PROMPTS = "tollgate.capture.prompts";
    /** The priority of the capture interceptor; the fallback interceptor runs 5 above it. */
    public static final String INTERCEPTOR_PRIORITY = "tollgate.interceptor.priority";

    private ConfigKeys() {
    }

    /**
     * @param id a provider id
     * @param key a key after the provider's prefix
     * @return {@code tollgate.providers.<id>.<key>}
     */
    public static String providerProperty(String id, String key) {
        return PROVIDERS_PREFIX + id + "." + key;
    }
}
