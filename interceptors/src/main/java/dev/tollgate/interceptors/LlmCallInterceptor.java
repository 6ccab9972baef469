package dev.tollgate.interceptors;

import dev.tollgate.api.LlmCall;
import dev.tollgate.api.Route;
import dev.tollgate.impl.capture.CallPoint;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * Runs each {@link LlmCall} method inside a call context and fires its record when it ends. A
 * {@link Route} argument sets the invocation's targets.
 */
@LlmCall
@Interceptor
@Priority(LlmCall.PRIORITY)
public class LlmCallInterceptor implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TollgateRuntime runtime;
    private final Bean<?> bean;

    /**
     * @param runtime the engine
     * @param bean the intercepted bean
     */
    @Inject
    public LlmCallInterceptor(TollgateRuntime runtime, @Intercepted Bean<?> bean) {
        this.runtime = runtime;
        this.bean = bean;
    }

    /**
     * @param context the invocation
     * @return what the method returned
     * @throws Exception what the method threw
     */
    @AroundInvoke
    public Object capture(InvocationContext context) throws Exception {
        CallPoint point = runtime.callPoint(bean.getBeanClass(), context.getMethod());
        return runtime.engine().capture().invoke(point, point.route(context.getParameters()), context::proceed);
    }
}
