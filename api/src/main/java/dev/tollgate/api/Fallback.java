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
import java.util.Arrays;

/**
 * An ordered chain of other providers or models to try when a provider call fails.
 *
 * <p>This is not MicroProfile Fault Tolerance's
 * {@code org.eclipse.microprofile.faulttolerance.Fallback}, which names a handler method. The two
 * compose: Tollgate's {@code @Fallback} runs outside MicroProfile Fault Tolerance, so each target
 * gets the method's {@code @Retry} and {@code @Timeout} afresh, and MicroProfile's fallback
 * handler runs inside each attempt. A method carrying both writes one of them fully qualified:
 *
 * <pre>{@code
 * @LlmCall
 * @dev.tollgate.api.Fallback({"anthropic/claude-sonnet-4-5", "ollama"})
 * @Retry(maxRetries = 2, retryOn = TransientLlmException.class)
 * @org.eclipse.microprofile.faulttolerance.Fallback(fallbackMethod = "cannedAnswer")
 * public String answer(String question) { ... }
 * }</pre>
 *
 * <ol>
 *   <li>The method runs first against its primary target ({@link LlmCall#provider()} and
 *       {@link LlmCall#model()}, or the configured default).</li>
 *   <li>When it fails with an {@link LlmException} whose category is in {@link #on()}, it runs
 *       again against the next target of {@link #value()}, in order, until one succeeds.</li>
 *   <li>A failure of category {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED} moves once to
 *       {@link #contextFallback()}, a model with a larger context, if one is named.</li>
 *   <li>A target whose provider's circuit is open is skipped without a request.</li>
 *   <li>Any other failure ends the chain at once. When every target fails, the caller gets the
 *       first failure, with the later ones {@linkplain Throwable#getSuppressed() suppressed}.
 *       A method returning a {@link java.util.concurrent.CompletionStage} moves on when its stage
 *       fails.</li>
 *   <li>Every attempt is an {@link Exchange} of the one {@link LlmCallRecord}, with its target and
 *       error; the exchange without an error is the answer.</li>
 *   <li>Configuration overrides the annotation for one call:
 *       {@code tollgate.call."<call name>".fallback=a/m1,b},
 *       {@code tollgate.call."<call name>".fallback-on=RATE_LIMITED,TIMEOUT} and
 *       {@code tollgate.call."<call name>".context-fallback=a/m2}; {@code tollgate.fallback} is the
 *       chain of every {@code @Fallback} method that names no target.</li>
 *   <li>It is a definition error if a target is malformed or names a provider that is not
 *       configured, or if the method has no {@link LlmCall} binding.</li>
 * </ol>
 */
@Inherited
@Documented
@Retention(RUNTIME)
@Target({METHOD, TYPE})
@InterceptorBinding
public @interface Fallback {

    /** The default priority of the fallback interceptor, 5 above {@link LlmCall#PRIORITY}. */
    int PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 5;

    /**
     * The targets tried after the primary one fails, in order.
     *
     * @return each {@code "providerId"} or {@code "providerId/model"}
     */
    @Nonbinding
    String[] value() default {};

    /**
     * The failure categories that move on to the next target.
     *
     * @return the categories; by default the {@linkplain ErrorCategory#isTransient() transient} ones
     */
    @Nonbinding
    ErrorCategory[] on() default {
        ErrorCategory.RATE_LIMITED,
        ErrorCategory.TIMEOUT,
        ErrorCategory.NETWORK,
        ErrorCategory.SERVER_ERROR,
        ErrorCategory.OVERLOADED,
        ErrorCategory.INVALID_RESPONSE
    };

    /**
     * The target tried once when a target fails with {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED},
     * whether or not {@link #on()} holds that category.
     *
     * @return {@code "providerId"} or {@code "providerId/model"}; empty for none
     */
    @Nonbinding
    String contextFallback() default "";

    /** Supports inline instantiation of {@link Fallback}. */
    final class Literal extends AnnotationLiteral<Fallback> implements Fallback {
        /** The annotation with every member at its default. */
        public static final Literal INSTANCE = new Literal(new String[0], null);

        private final String[] value;
        private final ErrorCategory[] on;

        private Literal(String[] value, ErrorCategory[] on) {
            this.value = value;
            this.on = on;
        }

        /**
         * @param targets the fallback targets
         * @return the annotation with {@link #on()} at its default
         */
        public static Literal of(String... targets) {
            return new Literal(targets.clone(), null);
        }

        @Override
        public String[] value() {
            return value.clone();
        }

        @Override
        public String contextFallback() {
            return "";
        }

        @Override
        public ErrorCategory[] on() {
            if (on != null) {
                return on.clone();
            }
            return Arrays.stream(ErrorCategory.values())
                    .filter(ErrorCategory::isTransient)
                    .toArray(ErrorCategory[]::new);
        }
    }
}
