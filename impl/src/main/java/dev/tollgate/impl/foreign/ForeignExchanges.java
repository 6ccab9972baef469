package dev.tollgate.impl.foreign;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.budget.BudgetGuard;
import dev.tollgate.impl.budget.BudgetHold;
import dev.tollgate.impl.capture.CallContexts;
import dev.tollgate.impl.capture.CaptureFailures;
import dev.tollgate.impl.capture.ExchangeRecorder;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.observe.CallObserver;
import dev.tollgate.impl.observe.RequestObservation;
import dev.tollgate.impl.observe.RequestStart;
import dev.tollgate.impl.pricing.Pricing;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.provider.ProviderRegistry;
import java.time.Duration;

/**
 * Meters provider requests made by another client library, as {@link dev.tollgate.api.ChatClient}
 * requests are: each becomes an {@link Exchange} of the current call, priced, charged on the
 * budgets that apply, and told to the observers (spans, metrics).
 *
 * <p>Two ways in, by what the library lets Tollgate see:
 * <ol>
 *   <li>{@link #started}: a library that tells of a request before it is sent (a listener) gets a
 *       {@link ForeignRequest}, whose budget reservation is settled with the answer's cost. It
 *       cannot be refused: a budget already used up is logged and counted as a capture failure,
 *       and the request is charged when it ends.</li>
 *   <li>{@link #extracted}: an answer read from a method's result was sent before Tollgate knew of
 *       it, so nothing is reserved; its cost is charged when it is read, and its span starts and
 *       ends then.</li>
 * </ol>
 * A provider id that is not configured is priced by the price table under the same id as type.
 */
public final class ForeignExchanges {
    /** Stands for the request of an answer read from a result, which Tollgate never saw. */
    private static final ChatRequest UNSEEN = ChatRequest.builder().user("").build();

    private final ProviderRegistry registry;
    private final CallContexts contexts;
    private final ExchangeRecorder recorder;
    private final Pricing pricing;
    private final BudgetGuard budgets;
    private final CallObserver observer;
    private final CaptureFailures failures;

    /**
     * @param registry the configured providers
     * @param contexts the call contexts
     * @param recorder records exchanges
     * @param pricing prices answers
     * @param budgets reserves and charges budgets
     * @param observer told of each request; must not throw
     * @param failures where failures are counted
     */
    public ForeignExchanges(ProviderRegistry registry, CallContexts contexts, ExchangeRecorder recorder,
            Pricing pricing, BudgetGuard budgets, CallObserver observer, CaptureFailures failures) {
        this.registry = registry;
        this.contexts = contexts;
        this.recorder = recorder;
        this.pricing = pricing;
        this.budgets = budgets;
        this.observer = observer;
        this.failures = failures;
    }

    /**
     * A request another client is about to send, on the thread that sends it.
     *
     * @param request what is sent, with the provider id and the model asked for
     * @param streamed whether the answer is streamed
     * @return the request in flight, to end with its answer or failure
     */
    public ForeignRequest started(ChatRequest request, boolean streamed) {
        LlmCallContext context = contexts.current();
        ConfiguredProvider provider = provider(request.provider().orElseThrow());
        Target target = new Target(provider.id(), request.model().orElse(null));
        BudgetHold hold;
        try {
            hold = budgets.reserve(context, provider, target, request);
        } catch (LlmException e) {
            failures.report("reserving budget for a request of another client, which cannot be refused: it is sent anyway"
                    + " and charged when it ends", e);
            hold = null;
        }
        RequestObservation observation = observer.requestStarted(
                new RequestStart(context, provider, target, request, streamed));
        return new ForeignRequest(this, context, provider, target, request, hold, observation,
                contexts.clock().instant(), System.nanoTime());
    }

    /**
     * An answer read from the result of a call's method.
     *
     * @param context the call
     * @param answer what was read, with provider, model and usage; an answer whose response id the
     *     call has already recorded (such as one a listener saw) is not recorded again
     */
    public void extracted(LlmCallContext context, ChatResponse answer) {
        if (answer.responseId().isPresent() && context.answered(answer.responseId().get())) {
            return;
        }
        ConfiguredProvider provider = provider(answer.provider());
        String model = answer.model().isEmpty() ? null : answer.model();
        Target target = new Target(provider.id(), model);
        RequestObservation observation = observer.requestStarted(new RequestStart(context, provider, target,
                UNSEEN.toBuilder().target(target).build(), false));
        ChatResponse priced = answer.toBuilder().cost(price(provider, answer, model)).build();
        budgets.charge(context, provider, priced.cost());
        observation.ended(recorder.extracted(context, priced, context.startedAt()));
    }

    ChatResponse answered(ForeignRequest r, ChatResponse answer) {
        ChatResponse priced = answer.toBuilder()
                .provider(r.provider().id())
                .cost(price(r.provider(), answer, r.target().model()))
                .latency(r.latency())
                .build();
        if (r.hold() != null) {
            r.hold().settle(priced.cost());
        } else {
            budgets.charge(r.context(), r.provider(), priced.cost());
        }
        ended(r, recorder.success(r.context(), r.target(), r.request(), priced, r.startedAt()));
        return priced;
    }

    void failed(ForeignRequest r, LlmException failure) {
        if (r.hold() != null) {
            r.hold().settleFailure(failure);
        }
        Duration latency = r.latency();
        ended(r, recorder.failure(r.context(), r.target(), r.request(), failure, r.startedAt(), latency));
    }

    private static void ended(ForeignRequest r, Exchange exchange) {
        if (exchange != null) {
            r.observation().ended(exchange);
        }
    }

    /**
     * @param id a provider id
     * @return the configured provider, or one of the same type as its id, for pricing
     */
    private ConfiguredProvider provider(String id) {
        return registry.find(id).orElseGet(() -> new ConfiguredProvider(id, id, null, null));
    }

    private Cost price(ConfiguredProvider provider, ChatResponse answer, String requestedModel) {
        try {
            return pricing.cost(provider, answer.model().isEmpty() ? null : answer.model(), requestedModel,
                    answer.serviceTier().orElse(null), answer.usage());
        } catch (RuntimeException e) {
            failures.report("pricing an answer of another client", e);
            return Cost.unknown();
        }
    }

    /**
     * @param provider the provider id
     * @param model the model, or {@code null}
     * @param error what the client threw
     * @param category its category
     * @param status its HTTP status, or 0
     * @return the failure as an {@link LlmException}, keeping the client's exception as cause
     */
    public static LlmException failure(String provider, String model, Throwable error, ErrorCategory category,
            int status) {
        LlmException.Builder b = LlmException.builder(category).provider(provider).model(model)
                .message(String.valueOf(error.getMessage())).cause(error);
        if (status > 0) {
            b.httpStatus(status);
        }
        return b.build();
    }
}
