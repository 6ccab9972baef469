package dev.tollgate.interceptors;

import dev.tollgate.api.Fallback;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Runs each {@link Fallback} method through its chain of targets, inside the capture
 * interceptor's call context and outside MicroProfile Fault Tolerance.
 */
@Fallback
@Interceptor
@Priority(Fallback.PRIORITY)
public class FallbackInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TollgateRuntime runtime;
    private final Bean<?> bean;

    /**
     * @param runtime the engine
     * @param bean the intercepted bean
     */
    @Inject
    public FallbackInterceptor(TollgateRuntime runtime, @Intercepted Bean<?> bean) {
        this.runtime = runtime;
        this.bean = bean;
    }

    /**
     * @param context the invocation
     * @return what the attempt that answered returned
     * @throws Exception the first failure of the chain, with the later ones suppressed
     */
    @AroundInvoke
    public Object fallBack(InvocationContext context) throws Exception {
        return runtime.engine().fallback()
                .invoke(runtime.fallbackPlan(bean.getBeanClass(), context.getMethod()), context::proceed);
    }
}
