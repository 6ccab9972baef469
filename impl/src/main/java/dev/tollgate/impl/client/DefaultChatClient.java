package dev.tollgate.impl.client;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ChatStream;
import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.api.Usage;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.budget.BudgetGuard;
import dev.tollgate.impl.budget.BudgetHold;
import dev.tollgate.impl.capture.CallContexts;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.ExchangeRecorder;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.health.ProviderHealthRegistry;
import dev.tollgate.impl.health.ProviderTracker;
import dev.tollgate.impl.http.OutboundHeaders;
import dev.tollgate.impl.observe.CallObserver;
import dev.tollgate.impl.observe.RequestObservation;
import dev.tollgate.impl.observe.RequestStart;
import dev.tollgate.impl.pricing.Pricing;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.provider.ProviderRegistry;
import dev.tollgate.impl.ratelimit.Permit;
import dev.tollgate.impl.ratelimit.RateLimits;
import dev.tollgate.impl.structured.StructuredAnswers;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Sends each request to its resolved target, prices the answer, and records the exchange into
 * the current call context.
 */
public final class DefaultChatClient implements ChatClient {
    private final TargetResolver resolver;
    private final CallContexts contexts;
    private final ExchangeRecorder recorder;
    private final Pricing pricing;
    private final CaptureFailures failures;
    private final Executor executor;
    private final StructuredAnswers structured = new StructuredAnswers();
    private final Duration maxRetryAfterWait;
    private final ProviderHealthRegistry health;
    private final RateLimits rateLimits;
    private final UnsupportedOptions unsupported;
    private final CallObserver observer;
    private final BudgetGuard budgets;

    /**
     * @param registry the configured providers
     * @param contexts the call contexts
     * @param recorder records exchanges
     * @param pricing prices answers
     * @param failures where capture failures are counted
     * @param executor runs {@link #chatAsync(ChatRequest)} requests
     * @param maxRetryAfterWait the longest a retry waits for a target's {@code Retry-After}
     * @param health the providers' health and circuits
     * @param rateLimits the client-side rate limits
     * @param unsupported refuses or drops the options a provider cannot honour
     * @param observer told of each request sent; must not throw
     * @param budgets reserves each request's estimated cost on the budgets that apply to it
     */
    public DefaultChatClient(ProviderRegistry registry, CallContexts contexts, ExchangeRecorder recorder,
            Pricing pricing, CaptureFailures failures, Executor executor, Duration maxRetryAfterWait,
            ProviderHealthRegistry health, RateLimits rateLimits, UnsupportedOptions unsupported,
            CallObserver observer, BudgetGuard budgets) {
        this.resolver = new TargetResolver(registry);
        this.contexts = contexts;
        this.recorder = recorder;
        this.pricing = pricing;
        this.failures = failures;
        this.executor = executor;
        this.maxRetryAfterWait = maxRetryAfterWait;
        this.health = health;
        this.rateLimits = rateLimits;
        this.unsupported = unsupported;
        this.observer = observer;
        this.budgets = budgets;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return send(request, contexts.current());
    }

    @Override
    public <T> T chat(ChatRequest request, Class<T> type) {
        return structured.read(chat(structured.request(request, type)), type);
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        LlmCallContext context = contexts.current();
        return CompletableFuture.supplyAsync(() -> send(request, context), executor);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        Attempt attempt = attempt(request, contexts.current(), true);
        ProviderStream source;
        try (OutboundHeaders.Scope headers = attempt.headers()) {
            source = attempt.provider().client().stream(attempt.request());
        } catch (RuntimeException e) {
            throw attempt.failed(e);
        }
        return new DefaultChatStream(source, attempt::answered, attempt::failedAfter, attempt.observation::firstChunk,
                executor);
    }

    private ChatResponse send(ChatRequest request, LlmCallContext context) {
        Attempt attempt = attempt(request, context, false);
        ChatResponse answer;
        try (OutboundHeaders.Scope headers = attempt.headers()) {
            answer = attempt.provider().client().chat(attempt.request());
        } catch (RuntimeException e) {
            throw attempt.failed(e);
        }
        return attempt.answered(answer, true);
    }

    private Attempt attempt(ChatRequest request, LlmCallContext context, boolean streamed) {
        TargetResolver.Resolved resolved = resolver.resolve(request, context);
        Target target = resolved.target();
        ChatRequest targeted = request.provider().isPresent() && request.model().isPresent()
                ? request
                : request.toBuilder().target(target).build();
        ChatRequest effective;
        try {
            effective = unsupported.apply(resolved.provider(), targeted);
        } catch (LlmException e) {
            throw unsent(new RequestStart(context, resolved.provider(), target, targeted, streamed), e);
        }
        RequestStart start = new RequestStart(context, resolved.provider(), target, effective, streamed);
        try {
            awaitRetryAfter(context, resolved.provider(), target);
        } catch (LlmException e) {
            throw unsent(start, e);
        }
        ProviderTracker tracker = health.tracker(target.provider()).orElse(null);
        if (tracker != null && !tracker.isAvailable()) {
            throw unsent(start, tracker.circuitOpen());
        }
        Permit permit;
        try {
            permit = rateLimits.forTarget(target.provider(), target.model()).acquire(effective);
        } catch (LlmException e) {
            throw unsent(start, e);
        }
        BudgetHold budget;
        try {
            budget = budgets.reserve(context, resolved.provider(), target, effective);
        } catch (LlmException e) {
            permit.release();
            throw unsent(start, e);
        }
        if (tracker != null && !tracker.tryAcquire()) {
            LlmException open = tracker.circuitOpen();
            budget.release();
            permit.release();
            throw unsent(start, open);
        }
        RequestObservation observation = observer.requestStarted(start);
        return new Attempt(context, resolved.provider(), target, effective, tracker, permit, budget, observation,
                contexts.clock().instant(), System.nanoTime());
    }

    /** Records a request refused before it was sent, and tells the observers of it as one that failed at once. */
    private LlmException unsent(RequestStart start, LlmException refusal) {
        Exchange exchange = recorder.failure(start.context(), start.target(), start.request(), refusal,
                contexts.clock().instant(), Duration.ZERO, false);
        if (exchange != null) {
            observer.requestStarted(start).ended(exchange);
        }
        return refusal;
    }

    /**
     * Waits as long as the target asked this call to before a retry, up to the configured bound; a
     * longer wait fails at once, unsent, so a fallback can move on.
     */
    private void awaitRetryAfter(LlmCallContext context, ConfiguredProvider provider, Target target) {
        long wait = context == null ? 0 : context.waitNanos(target);
        if (wait <= 0) {
            return;
        }
        if (wait > maxRetryAfterWait.toNanos()) {
            throw LlmException.builder(ErrorCategory.RATE_LIMITED).provider(provider.id())
                    .model(target.model()).retryAfter(Duration.ofNanos(wait))
                    .message(Messages.retryAfterTooLong(provider.id(), Duration.ofNanos(wait), maxRetryAfterWait))
                    .build();
        }
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LlmException.builder(ErrorCategory.CANCELLED).provider(provider.id())
                    .model(target.model()).message("interrupted while waiting to retry").cause(e).build();
        }
    }

    /** One request to one provider, from sending it to recording how it ended. */
    private final class Attempt {
        private final LlmCallContext context;
        private final ConfiguredProvider provider;
        private final Target target;
        private final ChatRequest request;
        private final ProviderTracker tracker;
        private final Permit permit;
        private final BudgetHold budget;
        private final RequestObservation observation;
        private final Instant startedAt;
        private final long start;

        Attempt(LlmCallContext context, ConfiguredProvider provider, Target target, ChatRequest request,
                ProviderTracker tracker, Permit permit, BudgetHold budget, RequestObservation observation,
                Instant startedAt, long start) {
            this.context = context;
            this.provider = provider;
            this.target = target;
            this.request = request;
            this.tracker = tracker;
            this.permit = permit;
            this.budget = budget;
            this.observation = observation;
            this.startedAt = startedAt;
            this.start = start;
        }

        ConfiguredProvider provider() {
            return provider;
        }

        ChatRequest request() {
            return request;
        }

        /** @return the scope in which the observers' headers go with every HTTP request sent */
        OutboundHeaders.Scope headers() {
            return observation == RequestObservation.NONE ? () -> { } : OutboundHeaders.open(observation::headers);
        }

        private void ended(Exchange exchange) {
            if (exchange != null) {
                observation.ended(exchange);
            }
        }

        ChatResponse answered(ChatResponse answer, boolean complete) {
            ChatResponse.Builder response = answer.toBuilder()
                    .provider(provider.id())
                    .cost(price(provider, answer, target.model(), complete))
                    .latency(Duration.ofNanos(System.nanoTime() - start));
            if (!complete) {
                response.usage(answer.usage().partial());
            }
            ChatResponse built = response.build();
            permit.settle(built.usage());
            budget.settle(built.cost());
            if (tracker != null) {
                tracker.recordSuccess(built.latency());
            }
            ended(recorder.success(context, target, request, built, startedAt));
            return built;
        }

        LlmException failed(RuntimeException e) {
            LlmException failure = asLlmException(e);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            permit.settleFailure(failure);
            budget.settleFailure(failure);
            if (tracker != null) {
                tracker.recordFailure(failure.category(), latency);
            }
            ended(recorder.failure(context, target, request, failure, startedAt, latency));
            if (context != null && failure.retryAfter().isPresent()
                    && (failure.category() == ErrorCategory.RATE_LIMITED || failure.category() == ErrorCategory.OVERLOADED)) {
                context.retryAfter(target, failure.retryAfter().get());
            }
            return failure;
        }

        /** A client failure that is not an {@link LlmException} is a bug of the adapter, reported as one. */
        private LlmException asLlmException(RuntimeException e) {
            return e instanceof LlmException l ? l
                    : LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider(provider.id())
                            .model(target.model()).message(Messages.unexpectedFailure(provider.id())).cause(e).build();
        }

        /**
         * Records a stream that failed after the provider reported some of its usage.
         *
         * @param e the failure
         * @param summary what the stream said before it failed
         * @return the failure as an {@link LlmException}
         */
        LlmException failedAfter(RuntimeException e, ChatResponse summary) {
            if (!summary.usage().isKnown() && summary.usage().equals(Usage.unknown())) {
                return failed(e);
            }
            LlmException failure = asLlmException(e);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Usage partial = summary.usage().partial();
            permit.settle(partial);
            Cost cost = price(provider, summary, target.model(), false);
            budget.settle(cost);
            if (tracker != null) {
                tracker.recordFailure(failure.category(), latency);
            }
            ended(recorder.failure(context, target, request, failure, startedAt, latency, partial, cost));
            return failure;
        }
    }

    private Cost price(ConfiguredProvider provider, ChatResponse answer, String requestedModel, boolean complete) {
        try {
            if (answer.cost().isReported()) {
                Cost reported = pricing.reported(answer.cost());
                return complete ? reported : reported.partial();
            }
            Usage usage = complete ? answer.usage() : PartialUsage.counted(answer.usage());
            Cost cost = pricing.cost(provider, answer.model().isEmpty() ? null : answer.model(), requestedModel,
                    answer.serviceTier().orElse(null), usage);
            return complete ? cost : cost.partial();
        } catch (RuntimeException e) {
            failures.report("pricing an exchange", e);
            return Cost.unknown();
        }
    }
}
