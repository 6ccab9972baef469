package dev.tollgate.impl.fallback;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Route;
import dev.tollgate.api.Target;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.capture.CallContexts;
import dev.tollgate.impl.capture.LlmCallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Runs a method through its fallback chain: the primary target, then each target of the plan,
 * while the failure's category is one the plan moves on for; a context-length failure goes once to
 * the plan's context fallback. A target whose provider is unavailable (its circuit open) is
 * skipped without a request. A method returning a {@link CompletionStage} moves on when the stage
 * fails. MicroProfile Fault Tolerance's own refusals inside an attempt count as the provider
 * failures they stand for: a {@code TimeoutException} as {@link ErrorCategory#TIMEOUT}, a
 * {@code CircuitBreakerOpenException} or {@code BulkheadException} as
 * {@link ErrorCategory#OVERLOADED}. When no target answers, the first failure is thrown with the
 * others suppressed.
 */
public final class FallbackChain {
    private final CallContexts contexts;
    private final Predicate<String> available;

    /**
     * @param contexts the call contexts
     * @param available whether a provider may be asked now
     */
    public FallbackChain(CallContexts contexts, Predicate<String> available) {
        this.contexts = contexts;
        this.available = available;
    }

    /**
     * @param plan the method's chain
     * @param proceed runs the method once against the context's current target
     * @return what an attempt returned
     * @throws Exception the first failure, with later ones suppressed; or a failure that is not an
     *     {@link LlmException}, at once
     */
    public Object invoke(FallbackPlan plan, Callable<Object> proceed) throws Exception {
        LlmCallContext context = contexts.current();
        if (context == null) {
            throw new IllegalStateException(Messages.fallbackWithoutLlmCall(plan.callName()));
        }
        return new Run(plan, context, proceed).next(null);
    }

    /** One invocation's walk along the chain. */
    private final class Run {
        private final FallbackPlan plan;
        private final LlmCallContext context;
        private final Callable<Object> proceed;
        private final List<Exception> failures = new ArrayList<>();
        private int position = -1;
        private boolean contextFallbackUsed;

        Run(FallbackPlan plan, LlmCallContext context, Callable<Object> proceed) {
            this.plan = plan;
            this.context = context;
            this.proceed = proceed;
        }

        /** Runs the attempt after a failure ({@code null} for the first) or throws the outcome. */
        Object next(ErrorCategory failure) throws Exception {
            Target target = following(failure);
            while (target != null) {
                if (!available.test(target.provider())) {
                    target = following(null);
                    continue;
                }
                context.target(target);
                Object result;
                try {
                    result = proceed.call();
                } catch (Exception e) {
                    ErrorCategory category = categoryOf(e);
                    if (category == null) {
                        throw e;
                    }
                    failures.add(e);
                    if (!movesOn(category)) {
                        throw outcome();
                    }
                    target = following(category);
                    continue;
                }
                if (result instanceof CompletableFuture<?> future) {
                    return future.exceptionallyCompose(this::afterAsync);
                }
                if (result instanceof CompletionStage<?> stage) {
                    return stage.exceptionallyCompose(this::afterAsync);
                }
                return result;
            }
            throw outcome();
        }

        private boolean movesOn(ErrorCategory category) {
            return plan.on().contains(category)
                    || category == ErrorCategory.CONTEXT_LENGTH_EXCEEDED && plan.contextFallback() != null
                    && !contextFallbackUsed;
        }

        private Target following(ErrorCategory failure) {
            Route route = context.route();
            if (position < 0) {
                position = 0;
                return route != null ? route.primary() : context.point().primary();
            }
            if (failure == ErrorCategory.CONTEXT_LENGTH_EXCEEDED
                    && plan.contextFallback() != null && !contextFallbackUsed) {
                contextFallbackUsed = true;
                return plan.contextFallback();
            }
            List<Target> targets = route != null ? route.fallbacks() : plan.targets();
            return position < targets.size() ? targets.get(position++) : null;
        }

        @SuppressWarnings("unchecked")
        private <T> CompletionStage<T> afterAsync(Throwable thrown) {
            Throwable cause = unwrap(thrown);
            ErrorCategory category = cause instanceof Exception e ? categoryOf(e) : null;
            if (category == null) {
                return CompletableFuture.failedFuture(cause);
            }
            failures.add((Exception) cause);
            if (!movesOn(category)) {
                return CompletableFuture.failedFuture(outcome());
            }
            LlmCallContext previous = contexts.enter(context);
            try {
                Object next = next(category);
                return next instanceof CompletionStage<?> stage ? (CompletionStage<T>) stage
                        : CompletableFuture.completedFuture((T) next);
            } catch (Exception | Error failure) {
                return CompletableFuture.failedFuture(failure);
            } finally {
                contexts.restore(previous);
            }
        }

        private Exception outcome() {
            if (failures.isEmpty()) {
                return LlmException.builder(ErrorCategory.OVERLOADED)
                        .message(Messages.fallbackAllUnavailable(plan.callName()))
                        .build();
            }
            Exception first = failures.get(0);
            for (int i = 1; i < failures.size(); i++) {
                if (failures.get(i) != first) {
                    first.addSuppressed(failures.get(i));
                }
            }
            return first;
        }
    }

    /** @return the provider failure an exception stands for, or {@code null} if it is none */
    static ErrorCategory categoryOf(Exception e) {
        if (e instanceof LlmException l) {
            return l.category();
        }
        return switch (e.getClass().getName()) {
            case "org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException" -> ErrorCategory.TIMEOUT;
            case "org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException",
                    "org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException" -> ErrorCategory.OVERLOADED;
            default -> null;
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
