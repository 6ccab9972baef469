package dev.tollgate.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Captures every provider call made inside a CDI business method into one
 * {@link LlmCallRecord} event.
 *
 * <p>On a method, it applies to that method; on a class, to every business method of the class.
 * A method-level annotation overrides a class-level one.
 *
 * <ol>
 *   <li>Each invocation opens a call context. Every {@link ChatClient} request made while the
 *       method runs, on its thread, including retries and {@link Fallback} attempts, is recorded
 *       in it as an {@link Exchange}, with its usage and cost.</li>
 *   <li>When the method returns or throws, the record is fired as a CDI event, synchronously and
 *       asynchronously. The method's result or exception is passed on unchanged.</li>
 *   <li>Inside the method, {@link ChatClient} requests that do not name a provider or model go to
 *       {@link #provider()} and {@link #model()}.</li>
 *   <li>Prompts and answers are kept in the record only when {@link #capture()} and
 *       {@code tollgate.capture.prompts} allow it, after the configured redaction ran on them.</li>
 *   <li>It is a definition error if {@link #provider()} names a provider that is not configured.</li>
 * </ol>
 *
 * <p>The interceptor runs at priority {@link #PRIORITY}, outside {@link Fallback} and outside
 * MicroProfile Fault Tolerance, so one record holds every attempt. The configuration property
 * {@code tollgate.interceptor.priority} moves it (and {@link Fallback}'s, which stays 5 higher).
 */
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
@InterceptorBinding
public @interface LlmCall {

    /** The default priority of the capture interceptor: {@code Interceptor.Priority.PLATFORM_AFTER}. */
    int PRIORITY = Interceptor.Priority.PLATFORM_AFTER;

    /**
     * The logical call name under which records, metrics and budgets are kept.
     *
     * @return the name; empty means {@code SimpleClassName.methodName}
     */
    @Nonbinding
    String value() default "";

    /**
     * The provider id requests go to unless they name one.
     *
     * @return a provider id configured under {@code tollgate.providers.<id>}; empty means
     *     {@code tollgate.provider}
     */
    @Nonbinding
    String provider() default "";

    /**
     * The model requests use unless they name one.
     *
     * @return a model name; empty means the provider's {@code tollgate.providers.<id>.model}
     */
    @Nonbinding
    String model() default "";

    /**
     * Whether the prompts and answers of this call's requests are kept in its {@link Exchange}s.
     * They are kept only when this is {@code true} and {@code tollgate.capture.prompts} is
     * {@code true} (the default of both). The configuration property
     * {@code tollgate.call."<call name>".capture} overrides this member. Usage, cost and errors
     * are captured either way.
     *
     * @return {@code false} to keep no prompt or answer of this call
     */
    @Nonbinding
    boolean capture() default true;

    /** Supports inline instantiation of {@link LlmCall}. */
    final class Literal extends AnnotationLiteral<LlmCall> implements LlmCall {
        /** The annotation with every member at its default. */
        public static final Literal INSTANCE = new Literal("", "", "", true);

        private final String value;
        private final String provider;
        private final String model;
        private final boolean capture;

        private Literal(String value, String provider, String model, boolean capture) {
            this.value = value;
            this.provider = provider;
            this.model = model;
            this.capture = capture;
        }

        /**
         * @param value the call name
         * @param provider the provider id
         * @param model the model
         * @return the annotation
         */
        public static Literal of(String value, String provider, String model) {
            return new Literal(value, provider, model, true);
        }

        /**
         * @param value the call name
         * @param provider the provider id
         * @param model the model
         * @param capture whether prompts and answers are kept
         * @return the annotation
         */
        public static Literal of(String value, String provider, String model, boolean capture) {
            return new Literal(value, provider, model, capture);
        }

        @Override
        public String value() {
            return value;
        }

        @Override
        public String provider() {
            return provider;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public boolean capture() {
            return capture;
        }
    }
}
