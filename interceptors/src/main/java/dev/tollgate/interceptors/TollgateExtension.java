package dev.tollgate.interceptors;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.Fallback;
import dev.tollgate.api.LlmCall;
import dev.tollgate.api.spi.BudgetKey;
import dev.tollgate.api.spi.BudgetLimits;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.PriceSource;
import dev.tollgate.api.spi.PromptRedactor;
import dev.tollgate.api.spi.RecordStore;
import dev.tollgate.api.spi.UsageExtractor;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.TollgateConfigException;
import dev.tollgate.impl.fallback.FallbackPlan;
import dev.tollgate.impl.provider.ServiceLookup;
import dev.tollgate.interceptors.health.HealthIntegration;
import dev.tollgate.interceptors.langchain4j.LangChain4jIntegration;
import dev.tollgate.interceptors.telemetry.TelemetryIntegration;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tollgate's portable extension.
 *
 * <ol>
 *   <li>Before discovery, it registers the library's beans and interceptors itself, so they work
 *       whatever the application's bean discovery mode, and sets the interceptor priority from
 *       {@code tollgate.interceptor.priority}. Where the MicroProfile Health API is present, it
 *       also registers the readiness check {@code tollgate}; where LangChain4j is present, the
 *       {@code ChatModelListener} bean that meters its model calls.</li>
 *   <li>For every managed bean, it reads the {@link LlmCall} metadata of each business method
 *       once (a method annotation overrides the class annotation).</li>
 *   <li>After validation, it builds the engine from MicroProfile Config and validates every
 *       method's metadata against it; each problem is a deployment problem that names the
 *       method or the property to fix. The application's first {@link BudgetStore},
 *       {@link BudgetKey} and {@link BudgetLimits} (CDI beans, then {@link ServiceLoader} services)
 *       replace the configured budget store, the container's caller identity and the configured
 *       limits. Where the OpenTelemetry API is present and
 *       {@code tollgate.telemetry.enabled} is not {@code false}, the engine traces and measures
 *       every call on the application's {@code OpenTelemetry} bean, else on the global one.</li>
 * </ol>
 */
public class TollgateExtension implements Extension {
    private static final System.Logger LOG = System.getLogger(TollgateExtension.class.getName());
    private static final int FALLBACK_OFFSET = Fallback.PRIORITY - LlmCall.PRIORITY;

    private final Map<CallPointKey, DeclaredCall> declared = new ConcurrentHashMap<>();
    private final Map<CallPointKey, CallPoint> callPoints = new ConcurrentHashMap<>();
    private final Map<CallPointKey, Fallback> declaredFallbacks = new ConcurrentHashMap<>();
    private final Map<CallPointKey, FallbackPlan> fallbackPlans = new ConcurrentHashMap<>();
    private volatile boolean chatClientInjected;
    private volatile Tollgate engine;

    void registerBeans(@Observes BeforeBeanDiscovery bbd) {
        int priority = capturePriority();
        bbd.addAnnotatedType(LlmCallInterceptor.class, LlmCallInterceptor.class.getName())
                .remove(a -> a.annotationType() == Priority.class)
                .add(new PriorityLiteral(priority));
        bbd.addAnnotatedType(FallbackInterceptor.class, FallbackInterceptor.class.getName())
                .remove(a -> a.annotationType() == Priority.class)
                .add(new PriorityLiteral(priority + FALLBACK_OFFSET));
        bbd.addAnnotatedType(TollgateRuntime.class, TollgateRuntime.class.getName());
        bbd.addAnnotatedType(TollgateProducers.class, TollgateProducers.class.getName());
        HealthIntegration.register(bbd);
        LangChain4jIntegration.register(bbd);
    }

    <T> void readMetadata(@Observes ProcessManagedBean<T> pmb) {
        AnnotatedType<T> type = pmb.getAnnotatedBeanClass();
        if (type.isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
            return;
        }
        Class<?> beanClass = pmb.getBean().getBeanClass();
        LlmCall classLevel = type.getAnnotation(LlmCall.class);
        Fallback classFallback = type.getAnnotation(Fallback.class);
        for (AnnotatedMethod<? super T> m : type.getMethods()) {
            Fallback fallback = m.getAnnotation(Fallback.class) != null ? m.getAnnotation(Fallback.class) : classFallback;
            if (fallback != null && isBusinessMethod(m.getJavaMember())) {
                declaredFallbacks.put(new CallPointKey(beanClass, m.getJavaMember()), fallback);
            }
            LlmCall annotation = m.getAnnotation(LlmCall.class);
            if (annotation == null) {
                annotation = classLevel;
            }
            Method method = m.getJavaMember();
            if (annotation != null && isBusinessMethod(method)) {
                declared.put(new CallPointKey(beanClass, method), DeclaredCall.of(beanClass, method, annotation));
            }
        }
    }

    void noteChatClientUse(@Observes ProcessInjectionPoint<?, ChatClient> pip) {
        chatClientInjected = true;
    }

    void start(@Observes AfterDeploymentValidation adv, BeanManager beanManager) {
        Tollgate built;
        try {
            Config config = config();
            Tollgate.Builder builder = Tollgate.builder(config);
            discover(beanManager, BudgetStore.class).stream().findFirst().ifPresent(builder::budgetStore);
            builder.budgetKey(discover(beanManager, BudgetKey.class).stream().findFirst()
                    .orElseGet(() -> new ContainerPrincipal(beanManager, classLoader())));
            discover(beanManager, BudgetLimits.class).stream().findFirst().ifPresent(builder::budgetLimits);
            built = builder
                    .recordSink(new CdiRecordSink(beanManager))
                    .priceSources(discover(beanManager, PriceSource.class))
                    .redactors(discover(beanManager, PromptRedactor.class))
                    .usageExtractors(discover(beanManager, UsageExtractor.class))
                    .recordStores(discover(beanManager, RecordStore.class))
                    .threadFactory(threadFactory())
                    .observers(TelemetryIntegration.observers(config, beanManager, classLoader()))
                    .executor(executor())
                    .classLoader(classLoader())
                    .services(new ServiceLookup() {
                        @Override
                        public <T> List<T> find(Class<T> type) {
                            return discover(beanManager, type);
                        }
                    })
                    .build();
        } catch (TollgateConfigException e) {
            e.problems().forEach(p -> adv.addDeploymentProblem(new DeploymentException(p)));
            return;
        }
        if (built.providers().ids().isEmpty() && (chatClientInjected || !declared.isEmpty())) {
            adv.addDeploymentProblem(new DeploymentException(dev.tollgate.impl.Messages.noProviderConfigured()));
            built.close();
            return;
        }
        for (Map.Entry<CallPointKey, DeclaredCall> e : declared.entrySet()) {
            DeclaredCall d = e.getValue();
            try {
                callPoints.put(e.getKey(), built.callPoint(d.callName(), d.method(), d.provider(), d.model(), d.capture()));
            } catch (IllegalArgumentException problem) {
                adv.addDeploymentProblem(new DeploymentException(problem.getMessage()));
            }
        }
        for (Map.Entry<CallPointKey, Fallback> e : declaredFallbacks.entrySet()) {
            DeclaredCall d = declared.get(e.getKey());
            Method method = e.getKey().method();
            if (d == null) {
                adv.addDeploymentProblem(new DeploymentException(dev.tollgate.impl.Messages.fallbackWithoutLlmCall(
                        method.getDeclaringClass().getName() + "." + method.getName())));
                continue;
            }
            Fallback f = e.getValue();
            try {
                fallbackPlans.put(e.getKey(), built.fallbackPlan(d.callName(), method, f.value(), f.on(),
                        f.contextFallback()));
            } catch (IllegalArgumentException problem) {
                adv.addDeploymentProblem(new DeploymentException(problem.getMessage()));
            }
        }
        engine = built;
    }

    void stop(@Observes BeforeShutdown shutdown) {
        close();
    }

    /**
     * Hands the records still queued to the record stores and stops their writers; idempotent, so
     * the end of the application context may do it first, while the stores' beans still work.
     */
    void close() {
        Tollgate e = engine;
        if (e != null) {
            e.close();
        }
    }

    /**
     * @return the engine
     * @throws IllegalStateException if the deployment failed
     */
    Tollgate engine() {
        Tollgate e = engine;
        if (e == null) {
            throw new IllegalStateException(Messages.notStarted());
        }
        return e;
    }

    /**
     * The call point of an interception point; one the extension did not see at deployment (a
     * binding added by another extension) is read and validated on first use.
     */
    CallPoint callPoint(Class<?> beanClass, Method method) {
        CallPointKey key = new CallPointKey(beanClass, method);
        CallPoint point = callPoints.get(key);
        if (point != null) {
            return point;
        }
        return callPoints.computeIfAbsent(key, k -> {
            DeclaredCall d = DeclaredCall.reflect(beanClass, method);
            if (d == null) {
                d = DeclaredCall.of(beanClass, method, LlmCall.Literal.INSTANCE);
            }
            return engine().callPoint(d.callName(), d.method(), d.provider(), d.model(), d.capture());
        });
    }

    /**
     * The fallback chain of an interception point; one the extension did not see at deployment is
     * read and validated on first use.
     */
    FallbackPlan fallbackPlan(Class<?> beanClass, Method method) {
        CallPointKey key = new CallPointKey(beanClass, method);
        FallbackPlan plan = fallbackPlans.get(key);
        if (plan != null) {
            return plan;
        }
        return fallbackPlans.computeIfAbsent(key, k -> {
            Fallback f = method.getAnnotation(Fallback.class) != null ? method.getAnnotation(Fallback.class)
                    : beanClass.getAnnotation(Fallback.class) != null ? beanClass.getAnnotation(Fallback.class)
                    : Fallback.Literal.INSTANCE;
            CallPoint point = callPoint(beanClass, method);
            return engine().fallbackPlan(point.callName(), method, f.value(), f.on(), f.contextFallback());
        });
    }

    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)
                && method.getDeclaringClass() != Object.class;
    }

    private static int capturePriority() {
        try {
            return config().getOptionalValue(ConfigKeys.INTERCEPTOR_PRIORITY, String.class)
                    .map(v -> {
                        try {
                            return Integer.parseInt(v.strip());
                        } catch (NumberFormatException e) {
                            LOG.log(Level.WARNING, Messages.priorityInvalid(v));
                            return LlmCall.PRIORITY;
                        }
                    })
                    .orElse(LlmCall.PRIORITY);
        } catch (RuntimeException e) {
            return LlmCall.PRIORITY;
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig(classLoader());
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : TollgateExtension.class.getClassLoader();
    }

    private static <T> List<T> discover(BeanManager beanManager, Class<T> type) {
        List<T> found = new ArrayList<>();
        beanManager.createInstance().select(type).forEach(found::add);
        for (T service : ServiceLoader.load(type, classLoader())) {
            found.add(service);
        }
        return found;
    }

    private static ThreadFactory threadFactory() {
        return managed("java:comp/DefaultManagedThreadFactory", ThreadFactory.class,
                dev.tollgate.impl.store.Persistence.daemonThreads(),
                "no managed thread factory; record stores are written by daemon threads");
    }

    private static Executor executor() {
        return managed("java:comp/DefaultManagedExecutorService", Executor.class, ForkJoinPool.commonPool(),
                "no managed executor; asynchronous requests run on the common pool");
    }

    /** The container's default resource of that JNDI name, or {@code otherwise} where there is none. */
    private static <T> T managed(String jndiName, Class<T> type, T otherwise, String without) {
        try {
            Object found = new javax.naming.InitialContext().lookup(jndiName);
            if (type.isInstance(found)) {
                return type.cast(found);
            }
        } catch (javax.naming.NamingException | RuntimeException e) {
            LOG.log(Level.DEBUG, without);
        }
        return otherwise;
    }
}
