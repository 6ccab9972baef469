package dev.tollgate.interceptors;

import dev.tollgate.api.LlmCall;
import java.lang.reflect.Method;

/**
 * The {@link LlmCall} metadata of one method, as read from its annotations (method over class).
 *
 * @param callName the logical call name
 * @param method the method
 * @param provider the provider named, or empty
 * @param model the model named, or empty
 * @param capture whether the annotation lets prompts and answers be kept
 */
record DeclaredCall(String callName, Method method, String provider, String model, boolean capture) {

    static DeclaredCall of(Class<?> beanClass, Method method, LlmCall annotation) {
        String name = annotation.value().isEmpty()
                ? beanClass.getSimpleName() + "." + method.getName()
                : annotation.value();
        return new DeclaredCall(name, method, annotation.provider(), annotation.model(), annotation.capture());
    }

    /**
     * Reads the metadata by reflection, for interception points the extension did not see.
     *
     * @param beanClass the bean class
     * @param method the method
     * @return the metadata, or {@code null} if neither carries {@link LlmCall}
     */
    static DeclaredCall reflect(Class<?> beanClass, Method method) {
        LlmCall annotation = method.getAnnotation(LlmCall.class);
        if (annotation == null) {
            annotation = beanClass.getAnnotation(LlmCall.class);
        }
        return annotation == null ? null : of(beanClass, method, annotation);
    }
}
