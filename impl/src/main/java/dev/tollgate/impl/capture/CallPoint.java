package dev.tollgate.impl.capture;

import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * What is known of one intercepted method at deployment: its call name, the target its provider
 * requests go to first, whether its prompts and answers may be kept, and where its {@link Route}
 * parameter is. Built once per method, never per call.
 *
 * @param callName the logical call name
 * @param method the intercepted method
 * @param primary the provider, and the model if one is fixed, of the first attempt
 * @param capture whether the call's prompts and answers may be kept, as far as the call decides
 * @param routeParameter the position of the method's first {@link Route} parameter, or -1 if it has none
 */
public record CallPoint(String callName, Method method, Target primary, boolean capture, int routeParameter) {
    /**
     * Checks the parts.
     *
     * @param callName not null
     * @param method not null
     * @param primary not null
     * @param capture whether prompts and answers may be kept
     * @param routeParameter the position of the {@link Route} parameter, or -1
     */
    public CallPoint {
        Objects.requireNonNull(callName, "callName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(primary, "primary");
    }

    /**
     * A call point whose {@link Route} parameter is found among the method's parameters.
     *
     * @param callName not null
     * @param method not null
     * @param primary not null
     * @param capture whether prompts and answers may be kept
     */
    public CallPoint(String callName, Method method, Target primary, boolean capture) {
        this(callName, method, primary, capture, routeParameterOf(method));
    }

    /**
     * A call point that lets prompts and answers be kept.
     *
     * @param callName not null
     * @param method not null
     * @param primary not null
     */
    public CallPoint(String callName, Method method, Target primary) {
        this(callName, method, primary, true);
    }

    /**
     * @param arguments the arguments of one invocation of the method
     * @return the route given to it, or {@code null} for the method's own targets
     */
    public Route route(Object[] arguments) {
        return routeParameter < 0 ? null : (Route) arguments[routeParameter];
    }

    private static int routeParameterOf(Method method) {
        Class<?>[] types = Objects.requireNonNull(method, "method").getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == Route.class) {
                return i;
            }
        }
        return -1;
    }
}
