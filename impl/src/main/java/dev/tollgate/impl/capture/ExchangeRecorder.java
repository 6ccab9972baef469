package dev.tollgate.impl.capture;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.Messages;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns finished provider requests into {@link Exchange}s and puts each where it belongs: into
 * the call context it was made in, or, when there is none or it has already ended, into a
 * {@link LlmCallRecord} of its own.
 */
public final class ExchangeRecorder {
    private static final System.Logger LOG = System.getLogger(ExchangeRecorder.class.getName());

    private final CallContexts contexts;
    private final PromptCapture prompts;
    private final RecordSink sink;
    private final CaptureFailures failures;
    private final String currency;
    private final Callers callers;

    /**
     * @param contexts the call contexts
     * @param prompts what of prompts and answers to keep
     * @param sink where standalone records go
     * @param failures where capture failures are counted
     * @param currency the currency of costs
     * @param callers names the caller of a request made outside any call
     */
    public ExchangeRecorder(CallContexts contexts, PromptCapture prompts, RecordSink sink, CaptureFailures failures,
            String currency, Callers callers) {
        this.contexts = contexts;
        this.prompts = prompts;
        this.sink = sink;
        this.failures = failures;
        this.currency = currency;
        this.callers = callers;
    }

    /**
     * Records an answered request.
     *
     * @param context the call it was made in, or {@code null}
     * @param target where it went
     * @param request what was sent
     * @param response the answer, with cost and latency
     * @param startedAt when it was sent
     * @return the exchange recorded, or {@code null} if recording failed
     */
    public Exchange success(LlmCallContext context, Target target, ChatRequest request, ChatResponse response,
            Instant startedAt) {
        try {
            Exchange exchange = Exchange.builder()
                    .target(target)
                    .responseModel(response.model())
                    .requestMessages(prompts.messages(context, request.messages()))
                    .responseText(prompts.text(context, response.text()))
                    .usage(response.usage())
                    .cost(response.cost())
                    .startedAt(startedAt)
                    .latency(response.latency())
                    .finishReason(response.finishReason())
                    .responseId(response.responseId().orElse(null))
                    .requestId(response.requestId().orElse(null))
                    .build();
            route(context, exchange, null);
            return exchange;
        } catch (RuntimeException e) {
            failures.report("recording an exchange", e);
            return null;
        }
    }

    /**
     * Records a failed request.
     *
     * @param context the call it was made in, or {@code null}
     * @param target where it went
     * @param request what was sent
     * @param error the failure
     * @param startedAt when it was sent
     * @param latency how long until it failed
     * @return the exchange recorded, or {@code null} if recording failed
     */
    public Exchange failure(LlmCallContext context, Target target, ChatRequest request, LlmException error,
            Instant startedAt, Duration latency) {
        return failure(context, target, request, error, startedAt, latency, true);
    }

    /**
     * Records a failed request. A request the provider refused with an error status, or one never
     * sent, used no tokens; one that failed on the way (timeout, broken connection) may have, so its
     * usage is unknown.
     *
     * @param context the running call, or {@code null} for a standalone request
     * @param target where it went
     * @param request what was sent
     * @param error the failure
     * @param startedAt when it was sent
     * @param latency how long until it failed
     * @param sent whether the request left the application
     * @return the exchange recorded, or {@code null} if recording failed
     */
    public Exchange failure(LlmCallContext context, Target target, ChatRequest request, LlmException error,
            Instant startedAt, Duration latency, boolean sent) {
        boolean unbilled = !sent || error.httpStatus().orElse(0) >= 400;
        return failure(context, target, request, error, startedAt, latency, unbilled ? Usage.zero() : Usage.unknown(),
                unbilled ? Cost.zero(currency) : Cost.unknown());
    }

    /**
     * Records a request that failed after the provider reported some usage, such as a stream that
     * broke after its first chunks.
     *
     * @param context the running call, or {@code null} for a standalone request
     * @param target where it went
     * @param request what was sent
     * @param error the failure
     * @param startedAt when it was sent
     * @param latency how long until it failed
     * @param usage what the provider reported before it failed
     * @param cost the price of that usage
     * @return the exchange recorded, or {@code null} if recording failed
     */
    public Exchange failure(LlmCallContext context, Target target, ChatRequest request, LlmException error,
            Instant startedAt, Duration latency, Usage usage, Cost cost) {
        try {
            Exchange exchange = Exchange.builder()
                    .usage(usage)
                    .cost(cost)
                    .target(target)
                    .requestMessages(prompts.messages(context, request.messages()))
                    .startedAt(startedAt)
                    .latency(latency)
                    .requestId(error.requestId().orElse(null))
                    .error(error)
                    .build();
            route(context, exchange, error);
            return exchange;
        } catch (RuntimeException e) {
            failures.report("recording a failed exchange", e);
            return null;
        }
    }

    /**
     * Records an answer read from another client's result by a usage extractor.
     *
     * @param context the call whose method returned it
     * @param response the answer, with cost
     * @param startedAt when the call started
     * @return the exchange recorded
     */
    public Exchange extracted(LlmCallContext context, ChatResponse response, Instant startedAt) {
        Exchange exchange = Exchange.builder()
                .target(new Target(response.provider(), response.model().isEmpty() ? null : response.model()))
                .responseModel(response.model().isEmpty() ? null : response.model())
                .responseText(prompts.text(context, response.text()))
                .usage(response.usage())
                .cost(response.cost())
                .startedAt(startedAt)
                .latency(response.latency())
                .finishReason(response.finishReason())
                .responseId(response.responseId().orElse(null))
                .requestId(response.requestId().orElse(null))
                .build();
        route(context, exchange, null);
        return exchange;
    }

    private void route(LlmCallContext context, Exchange exchange, LlmException error) {
        if (context != null && context.add(exchange)) {
            return;
        }
        String parentId = null;
        String callName = LlmCallRecord.STANDALONE;
        String principal = context != null ? context.principal() : callers.current().orElse(null);
        if (context != null) {
            LOG.log(Level.DEBUG, () -> Messages.lateExchange(context.point().callName()));
            parentId = context.id();
            callName = context.point().callName();
        }
        sink.publish(LlmCallRecord.builder()
                .id(contexts.nextId())
                .parentId(parentId)
                .callName(callName)
                .principal(principal)
                .startedAt(exchange.startedAt())
                .duration(exchange.latency())
                .failure(error)
                .exchanges(List.of(exchange))
                .currency(currency)
                .build());
    }
}
