package dev.tollgate.impl.client;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.capture.CallContexts;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.ExchangeRecorder;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.pricing.Pricing;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.provider.ProviderRegistry;
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

    /**
     * @param registry the configured providers
     * @param contexts the call contexts
     * @param recorder records exchanges
     * @param pricing prices answers
     * @param failures where capture failures are counted
     * @param executor runs {@link #chatAsync(ChatRequest)} requests
     */
    public DefaultChatClient(ProviderRegistry registry, CallContexts contexts, ExchangeRecorder recorder,
            Pricing pricing, CaptureFailures failures, Executor executor) {
        this.resolver = new TargetResolver(registry);
        this.contexts = contexts;
        this.recorder = recorder;
        this.pricing = pricing;
        this.failures = failures;
        this.executor = executor;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return send(request, contexts.current());
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        LlmCallContext context = contexts.current();
        return CompletableFuture.supplyAsync(() -> send(request, context), executor);
    }

    private ChatResponse send(ChatRequest request, LlmCallContext context) {
        TargetResolver.Resolved resolved = resolver.resolve(request, context);
        ConfiguredProvider provider = resolved.provider();
        Target target = resolved.target();
        ChatRequest effective = request.provider().isPresent() && request.model().isPresent()
                ? request
                : request.toBuilder().target(target).build();
        Instant startedAt = contexts.clock().instant();
        long start = System.nanoTime();
        ChatResponse answer;
        try {
            answer = provider.client().chat(effective);
        } catch (LlmException e) {
            recorder.failure(context, target, effective, e, startedAt, Duration.ofNanos(System.nanoTime() - start));
            throw e;
        } catch (RuntimeException e) {
            LlmException wrapped = LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider(provider.id())
                    .model(target.model()).message(Messages.unexpectedFailure(provider.id())).cause(e).build();
            recorder.failure(context, target, effective, wrapped, startedAt,
                    Duration.ofNanos(System.nanoTime() - start));
            throw wrapped;
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        ChatResponse response = answer.toBuilder()
                .provider(provider.id())
                .cost(price(provider, answer, target.model()))
                .latency(latency)
                .build();
        recorder.success(context, target, effective, response, startedAt);
        return response;
    }

    private Cost price(ConfiguredProvider provider, ChatResponse answer, String requestedModel) {
        try {
            if (answer.cost().isReported()) {
                return pricing.reported(answer.cost());
            }
            return pricing.cost(provider, answer.model().isEmpty() ? null : answer.model(), requestedModel,
                    answer.serviceTier().orElse(null), answer.usage());
        } catch (RuntimeException e) {
            failures.report("pricing an exchange", e);
            return Cost.unknown();
        }
    }
}
