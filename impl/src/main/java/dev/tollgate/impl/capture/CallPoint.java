package dev.tollgate.impl.capture;

import dev.tollgate.api.Target;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * What is known of one intercepted method at deployment: its call name, the target its provider
 * requests go to first, and whether its prompts and answers may be kept. Built once per method,
 * never per call.
 *
 * @param callName the logical call name
 * @param method the intercepted method
 * @param primary the provider, and the model if one is fixed, of the first attempt
 * @param capture whether the call's prompts and answers may be kept, as far as the call decides
 */
public record CallPoint(String callName, Method method, Target primary, boolean capture) {
    /**
     * Checks the parts.
     *
     * @param callName not null
     * @param method not null
     * @param primary not null
     * @param capture whether prompts and answers may be kept
     */
    public CallPoint {
        Objects.requireNonNull(callName, "callName");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(primary, "primary");
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
}
