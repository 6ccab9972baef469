package dev.tollgate.interceptors;

import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import dev.tollgate.impl.fallback.FallbackPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Method;

/**
 * The engine as a normal-scoped bean, so that interceptors of passivating beans can hold it.
 */
@ApplicationScoped
public class TollgateRuntime {
    private TollgateExtension extension;

    /** For the container's proxy. */
    protected TollgateRuntime() {
    }

    /**
     * @param extension the extension that built the engine
     */
    @Inject
    public TollgateRuntime(TollgateExtension extension) {
        this.extension = extension;
    }

    /**
     * Hands the records still queued to the record stores while the application's beans, record
     * stores among them, still work.
     *
     * @param event the end of the application context
     */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        extension.close();
    }

    /** @return the engine */
    public Tollgate engine() {
        return extension.engine();
    }

    /**
     * @param beanClass the intercepted bean's class
     * @param method the intercepted method
     * @return its call point
     */
    public CallPoint callPoint(Class<?> beanClass, Method method) {
        return extension.callPoint(beanClass, method);
    }

    /**
     * @param beanClass the intercepted bean's class
     * @param method the intercepted method
     * @return its fallback chain
     */
    public FallbackPlan fallbackPlan(Class<?> beanClass, Method method) {
        return extension.fallbackPlan(beanClass, method);
    }
}
