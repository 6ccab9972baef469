package dev.tollgate.impl;

import dev.tollgate.api.Budgets;
import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Target;
import dev.tollgate.api.spi.BudgetKey;
import dev.tollgate.api.spi.BudgetLimits;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.UsageLedger;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.api.spi.RecordStore;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.observe.CallObserver;
import dev.tollgate.impl.observe.Observers;
import dev.tollgate.impl.budget.BudgetConfig;
import dev.tollgate.impl.budget.BudgetGuard;
import dev.tollgate.impl.budget.BudgetView;
import dev.tollgate.impl.budget.JdbcBudgetStore;
import dev.tollgate.impl.budget.MemoryBudgetStore;
import dev.tollgate.impl.capture.CallCapture;
import dev.tollgate.impl.capture.Callers;
import dev.tollgate.impl.capture.CallContexts;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.ExchangeRecorder;
import dev.tollgate.impl.capture.PromptCapture;
import dev.tollgate.impl.capture.RecordSink;
import dev.tollgate.impl.capture.RecordSinks;
import dev.tollgate.impl.client.DefaultChatClient;
import dev.tollgate.impl.client.UnsupportedOptions;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ConfigReader;
import dev.tollgate.impl.config.ProviderProperties;
import dev.tollgate.impl.config.TollgateConfigException;
import dev.tollgate.impl.fallback.FallbackChain;
import dev.tollgate.impl.fallback.FallbackPlan;
import dev.tollgate.impl.fallback.FallbackPlans;
import dev.tollgate.impl.foreign.ForeignClients;
import dev.tollgate.impl.foreign.ForeignExchanges;
import dev.tollgate.impl.health.ProviderHealthRegistry;
import dev.tollgate.impl.health.ProviderTracker;
import dev.tollgate.impl.ledger.DefaultUsageLedger;
import dev.tollgate.impl.pricing.PriceTable;
import dev.tollgate.impl.pricing.Pricing;
import dev.tollgate.impl.provider.AdapterCatalog;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.provider.ProviderRegistry;
import dev.tollgate.impl.provider.ServiceLookup;
import dev.tollgate.impl.ratelimit.RateLimits;
import dev.tollgate.impl.redact.BuiltInRedactors;
import dev.tollgate.impl.store.Persistence;
import dev.tollgate.impl.store.StoreSettings;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.Config;

/**
 * The engine, assembled once from configuration: providers, pricing, capture and the
 * {@link ChatClient}. Containers build one per application and hand its parts to their beans.
 */
public final class Tollgate implements AutoCloseable {
    /** How long a retry waits at most for a provider's {@code Retry-After}, unless configured. */
    public static final Duration DEFAULT_RETRY_AFTER_WAIT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(Tollgate.class.getName());

    private final ProviderRegistry registry;
    private final Pricing pricing;
    private final ProviderHealthRegistry health;
    private final CallContexts contexts;
    private final CaptureFailures failures;
    private final CallCapture capture;
    private final DefaultChatClient chatClient;
    private final FallbackPlans fallbackPlans;
    private final FallbackChain fallback;
    private final Budgets budgets;
    private final DefaultUsageLedger ledger;
    private final Persistence persistence;
    private final Config config;
    private final ForeignExchanges foreign;
    private final ForeignClients clients;

    /** The engine-wide settings read from configuration. */
    private record Settings(boolean capturePrompts, Duration maxRetryAfterWait, List<PromptRedactor> builtInRedactors,
            StoreSettings store, BudgetConfig budgets, BudgetStore budgetStore, ForeignClients clients) {
    }

    private Tollgate(Builder b, ProviderRegistry registry, Pricing pricing, ProviderHealthRegistry health,
            RateLimits rateLimits, UnsupportedOptions unsupported, Settings settings) {
        this.registry = registry;
        this.pricing = pricing;
        this.health = health;
        this.contexts = new CallContexts(b.clock);
        this.failures = new CaptureFailures();
        this.config = b.config;
        this.clients = settings.clients();
        this.persistence = new Persistence(b.stores, settings.store(), b.threadFactory);
        this.ledger = new DefaultUsageLedger(b.clock, persistence::status);
        RecordSink sink = new RecordSinks(List.of(ledger, persistence, b.sink), failures);
        List<PromptRedactor> redactors = new ArrayList<>(settings.builtInRedactors());
        redactors.addAll(b.redactors);
        PromptCapture prompts = new PromptCapture(settings.capturePrompts(), redactors, failures);
        Callers callers = new Callers(b.budgetKey, failures);
        ExchangeRecorder recorder = new ExchangeRecorder(contexts, prompts, sink, failures, pricing.currency(),
                callers);
        Observers observers = new Observers(b.observers, failures);
        BudgetGuard guard = new BudgetGuard(settings.budgets(), settings.budgetStore(), callers, b.budgetLimits,
                pricing, b.clock, failures);
        this.foreign = new ForeignExchanges(registry, contexts, recorder, pricing, guard, observers, failures);
        List<UsageExtractor> extractors = new ArrayList<>(b.extractors);
        extractors.addAll(settings.clients().extractors(failures));
        this.capture = new CallCapture(contexts, extractors, foreign::extracted, sink, failures,
                pricing.currency(), observers, callers);
        this.budgets = new BudgetView(settings.budgets(), settings.budgetStore(), b.clock, pricing.currency(),
                b.budgetLimits, failures);
        this.chatClient = new DefaultChatClient(registry, contexts, recorder, pricing, failures, b.executor,
                settings.maxRetryAfterWait(), health, rateLimits, unsupported, observers, guard);
        this.fallbackPlans = new FallbackPlans(b.config, registry);
        this.fallback = new FallbackChain(contexts,
                provider -> health.tracker(provider).map(ProviderTracker::isAvailable).orElse(true));
    }

    /**
     * @param config the application's configuration
     * @return a builder
     */
    public static Builder builder(Config config) {
        return new Builder(config);
    }

    /** @return the client applications inject */
    public ChatClient chatClient() {
        return chatClient;
    }

    /** @return runs intercepted methods in call contexts */
    public CallCapture capture() {
        return capture;
    }

    /** @return the call contexts */
    public CallContexts contexts() {
        return contexts;
    }

    /** @return the configured providers */
    public ProviderRegistry providers() {
        return registry;
    }

    /** @return prices and costs */
    public Pricing pricing() {
        return pricing;
    }

    /** @return the health and circuits of the configured providers */
    public ProviderHealthRegistry health() {
        return health;
    }

    /** @return the configured budgets and what is left of them */
    public Budgets budgets() {
        return budgets;
    }

    /** @return the running totals of every record published */
    public UsageLedger ledger() {
        return ledger;
    }

    /**
     * Hands the records still queued to the record stores, for at most
     * {@code tollgate.store.shutdown-timeout} per store, and stops their writers. Idempotent.
     */
    @Override
    public void close() {
        persistence.close();
    }

    /** @return the count of capture failures */
    public CaptureFailures captureFailures() {
        return failures;
    }

    /**
     * Validates the metadata of an intercepted method and fixes its first target.
     *
     * @param callName the logical call name
     * @param method the method
     * @param provider the provider it names, or empty for the default
     * @param model the model it names, or empty for the provider's default
     * @return the call point
     * @throws IllegalArgumentException naming the method and the property to set, if the provider
     *     is not configured or there is no model
     */
    public CallPoint callPoint(String callName, Method method, String provider, String model) {
        return callPoint(callName, method, provider, model, true);
    }

    /**
     * Validates the metadata of an intercepted method and fixes its first target and whether its
     * prompts are captured; {@code tollgate.call."<call name>".capture} overrides the annotation.
     *
     * @param callName the logical call name
     * @param method the method
     * @param provider the provider it names, or empty for the default
     * @param model the model it names, or empty for the provider's default
     * @param capture whether its annotation lets prompts and answers be kept
     * @return the call point
     * @throws IllegalArgumentException naming the method or the property to set, if the provider
     *     is not configured, there is no model, or the capture property is not a boolean
     */
    public CallPoint callPoint(String callName, Method method, String provider, String model, boolean capture) {
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        String id = provider.isEmpty() ? registry.defaultId().orElse(null) : provider;
        if (id == null) {
            throw new IllegalArgumentException(Messages.llmCallWithoutProvider(where));
        }
        Optional<ConfiguredProvider> configured = registry.find(id);
        if (configured.isEmpty()) {
            throw new IllegalArgumentException(Messages.llmCallProviderUnknown(where, id, registry.ids()));
        }
        if (model.isEmpty() && configured.get().defaultModelIfSet().isEmpty()) {
            throw new IllegalArgumentException(Messages.llmCallWithoutModel(where, id));
        }
        ConfigProblems problems = new ConfigProblems();
        boolean captured = new ConfigReader(config, problems)
                .bool(ConfigKeys.callProperty(callName, ConfigKeys.CALL_CAPTURE), capture);
        try {
            problems.throwIfAny();
        } catch (TollgateConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new CallPoint(callName, method, new Target(id, model.isEmpty() ? null : model), captured);
    }

    /**
     * Resolves and validates the fallback chain of a method, once, at deployment.
     *
     * @param callName the call's name
     * @param method the method
     * @param targets the annotation's targets
     * @param on the annotation's categories
     * @param contextFallback the annotation's context fallback, or empty text
     * @return the plan
     * @throws IllegalArgumentException with a message naming the method or property
     */
    public FallbackPlan fallbackPlan(String callName, Method method, String[] targets, ErrorCategory[] on,
            String contextFallback) {
        return fallbackPlans.plan(callName, method.getDeclaringClass().getName() + "." + method.getName(),
                targets, on, contextFallback);
    }

    /** @return runs methods through their fallback chains */
    public FallbackChain fallback() {
        return fallback;
    }

    /** @return meters requests made by other client libraries */
    public ForeignExchanges foreignExchanges() {
        return foreign;
    }

    /** @return the provider ids given to requests of other client libraries */
    public ForeignClients foreignClients() {
        return clients;
    }

    /** Assembles a {@link Tollgate}. */
    public static final class Builder {
        private final Config config;
        private RecordSink sink = record -> { };
        private List<PriceSource> priceSources = List.of();
        private List<PromptRedactor> redactors = List.of();
        private List<UsageExtractor> extractors = List.of();
        private List<CallObserver> observers = List.of();
        private BudgetStore budgetStore;
        private BudgetKey budgetKey = Optional::empty;
        private BudgetLimits budgetLimits = (budget, key) -> Optional.empty();
        private List<RecordStore> stores = List.of();
        private ThreadFactory threadFactory = Persistence.daemonThreads();
        private Executor executor = ForkJoinPool.commonPool();
        private Clock clock = Clock.systemUTC();
        private ClassLoader classLoader = Tollgate.class.getClassLoader();
        private ServiceLookup services;

        private Builder(Config config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * @param value where finished records go
         * @return this builder
         */
        public Builder recordSink(RecordSink value) {
            this.sink = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value price sources asked after the configured table, in order
         * @return this builder
         */
        public Builder priceSources(List<PriceSource> value) {
            this.priceSources = List.copyOf(value);
            return this;
        }

        /**
         * @param value redactors of captured text, run in order
         * @return this builder
         */
        public Builder redactors(List<PromptRedactor> value) {
            this.redactors = List.copyOf(value);
            return this;
        }

        /**
         * @param value extractors of usage from other clients' results, asked in order
         * @return this builder
         */
        public Builder usageExtractors(List<UsageExtractor> value) {
            this.extractors = List.copyOf(value);
            return this;
        }

        /**
         * @param value follow calls and requests, such as to trace them; told in order
         * @return this builder
         */
        public Builder observers(List<CallObserver> value) {
            this.observers = List.copyOf(value);
            return this;
        }

        /**
         * @param value keeps budget balances instead of the store {@code tollgate.budget.store} selects
         * @return this builder
         */
        public Builder budgetStore(BudgetStore value) {
            this.budgetStore = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value persist records, each through a queue of its own
         * @return this builder
         */
        public Builder recordStores(List<RecordStore> value) {
            this.stores = List.copyOf(value);
            return this;
        }

        /**
         * @param value names the caller for budgets per principal; by default there is none, and
         *     such budgets never apply
         * @return this builder
         */
        public Builder budgetKey(BudgetKey value) {
            this.budgetKey = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value gives single allowances of budgets limits of their own; by default none does
         * @return this builder
         */
        public Builder budgetLimits(BudgetLimits value) {
            this.budgetLimits = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value makes the threads that hand records to record stores; daemon threads by default
         * @return this builder
         */
        public Builder threadFactory(ThreadFactory value) {
            this.threadFactory = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value runs asynchronous requests
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value the clock of timestamps
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value where provider adapters are looked up
         * @return this builder
         */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value finds the integrations provider adapters ask for; by default
         *     {@link java.util.ServiceLoader} in the {@linkplain #classLoader(ClassLoader) class loader}
         * @return this builder
         */
        public Builder services(ServiceLookup value) {
            this.services = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Reads and validates the whole configuration.
         *
         * @return the engine
         * @throws TollgateConfigException listing every configuration problem found
         */
        public Tollgate build() {
            ConfigProblems problems = new ConfigProblems();
            ConfigReader reader = new ConfigReader(config, problems);
            ProviderRegistry registry = ProviderRegistry.build(reader, AdapterCatalog.load(classLoader),
                    services != null ? services : ServiceLookup.serviceLoader(classLoader));
            String currency = reader.string(ConfigKeys.PRICING_CURRENCY).orElse("USD");
            PriceTable table = PriceTable.read(reader, currency);
            BudgetConfig budgets = BudgetConfig.read(reader, registry.ids());
            Settings settings = new Settings(reader.bool(ConfigKeys.CAPTURE_PROMPTS, true),
                    reader.duration(ConfigKeys.RETRY_AFTER_MAX_WAIT, DEFAULT_RETRY_AFTER_WAIT),
                    BuiltInRedactors.read(reader), StoreSettings.read(reader), budgets, budgetStore(budgets, problems),
                    ForeignClients.read(reader, Tollgate.class.getClassLoader()));
            ProviderHealthRegistry health = ProviderHealthRegistry.read(registry.properties(), clock);
            RateLimits rateLimits = RateLimits.read(reader, registry.ids());
            UnsupportedOptions unsupported = UnsupportedOptions.read(registry.properties(), problems);
            problems.throwIfAny();
            warnUnused(registry);
            return new Tollgate(this, registry, new Pricing(table, priceSources, currency), health, rateLimits,
                    unsupported, settings);
        }

        private BudgetStore budgetStore(BudgetConfig budgets, ConfigProblems problems) {
            if (budgetStore != null) {
                return budgetStore;
            }
            if (!budgets.jdbc()) {
                return new MemoryBudgetStore();
            }
            if (budgets.dataSource() == null) {
                problems.add(Messages.budgetDataSourceMissing(ConfigKeys.BUDGET_STORE, ConfigKeys.BUDGET_DATASOURCE));
                return new MemoryBudgetStore();
            }
            return JdbcBudgetStore.jndi(budgets.dataSource(), budgets.table());
        }

        private void warnUnused(ProviderRegistry registry) {
            for (ProviderProperties p : registry.properties()) {
                String prefix = ConfigKeys.providerProperty(p.id(), "");
                for (String name : p.unreadProperties(config.getPropertyNames())) {
                    if (name.startsWith(prefix) && RateLimits.ownsProviderKey(name.substring(prefix.length()))) {
                        continue;
                    }
                    LOG.log(Level.WARNING, Messages.propertyUnused(name, p.type()));
                }
            }
        }
    }
}
