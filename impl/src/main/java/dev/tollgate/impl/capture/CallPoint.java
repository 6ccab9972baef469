package dev.tollgate.impl.capture;

import dev.tollgate.api.Target;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * What is known of one intercepted method at deployment: its call name and the target its
 * provider requests go to first. Built once per method, never per call.
 *
 * @param callName the logical call name
 * @param method the intercepted method
 * @param primary the provider, and the model if one is fixed, of the first attempt
 */
public record CallPoint(String callName, Method method, Target primary) {
    /**
     * Checks the parts.
     *
     * @param callName not null
     * @param method not null
     * @param primary not null
     */
    public CallPoint {
        Objects.requireNonNull(callName, "callName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(primary, "primary");
    }
}
