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

    /** The prefix of the settings of other client libraries whose requests are metered. */
    public static final String CLIENTS_PREFIX = "tollgate.clients.";
    /** The provider id requests of one client library are recorded under, after the library's prefix. */
    public static final String CLIENT_PROVIDER = "provider";

    /** Whether prompts and answers are kept in captured exchanges. */
    public static final String CAPTURE_PROMPTS = "tollgate.capture.prompts";
    /** Whether one call keeps prompts and answers, after the call's prefix; overrides its annotation. */
    public static final String CALL_CAPTURE = "capture";
    /** The built-in redactors to run: {@code email}, {@code card}, {@code api-key}, or {@code none}. */
    public static final String REDACTION_BUILTIN = "tollgate.redaction.builtin";
    /** The prefix of custom redaction patterns: {@code tollgate.redaction.patterns.<name>=<regex>}. */
    public static final String REDACTION_PATTERNS = "tollgate.redaction.patterns.";
    /** What replaces redacted text; {@code {name}} stands for the redactor's name. */
    public static final String REDACTION_REPLACEMENT = "tollgate.redaction.replacement";
    /** How many records may wait for each record store. */
    public static final String STORE_QUEUE_CAPACITY = "tollgate.store.queue-capacity";
    /** How many records are handed to a record store at most at once. */
    public static final String STORE_BATCH_SIZE = "tollgate.store.batch-size";
    /** How long after a failure a record store gets the same records again, at first. */
    public static final String STORE_RETRY_DELAY = "tollgate.store.retry-delay";
    /** How long pending records are handed over at shutdown. */
    public static final String STORE_SHUTDOWN_TIMEOUT = "tollgate.store.shutdown-timeout";
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

    /** The prefix of budget keys: {@code tollgate.budgets.<name>.<field>}. */
    public static final String BUDGETS_PREFIX = "tollgate.budgets.";
    /** A budget's limit, in {@link #PRICING_CURRENCY}; required, more than zero. */
    public static final String BUDGET_LIMIT = "limit";
    /** A budget's period: {@code day} or {@code month}; required. */
    public static final String BUDGET_PERIOD = "period";
    /** What gets its own allowance: {@code call}, {@code provider} or {@code principal}; unset for one shared allowance. */
    public static final String BUDGET_PER = "per";
    /** The only call name a budget applies to. */
    public static final String BUDGET_CALL = "call";
    /** The only provider id a budget applies to. */
    public static final String BUDGET_PROVIDER = "provider";
    /** The only principal a budget applies to. */
    public static final String BUDGET_PRINCIPAL = "principal";
    /** The time zone in which budget days and months begin; {@code UTC} by default. */
    public static final String BUDGET_ZONE = "tollgate.budget.zone";
    /** Where budget balances are kept: {@code memory} (the default) or {@code jdbc}. */
    public static final String BUDGET_STORE = "tollgate.budget.store";
    /** The JNDI name of the data source of the {@code jdbc} budget store. */
    public static final String BUDGET_DATASOURCE = "tollgate.budget.datasource";
    /** The table of the {@code jdbc} budget store; {@code tollgate_budget} by default. */
    public static final String BUDGET_TABLE = "tollgate.budget.table";
    /** The output tokens estimated for a request that sets no {@code maxTokens}; 1024 by default. */
    public static final String BUDGET_OUTPUT_TOKENS = "tollgate.budget.output-tokens";

    private ConfigKeys() {
    }

    /**
     * @param name a budget's name
     * @param field a budget field, such as {@link #BUDGET_LIMIT}
     * @return {@code tollgate.budgets.<name>.<field>}
     */
    public static String budgetProperty(String name, String field) {
        return BUDGETS_PREFIX + name + "." + field;
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
     * @param library a client library: {@code openai-java}, {@code anthropic-java} or {@code langchain4j}
     * @param key a key after the library's prefix
     * @return {@code tollgate.clients.<library>.<key>}
     */
    public static String clientProperty(String library, String key) {
        return CLIENTS_PREFIX + library + "." + key;
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
