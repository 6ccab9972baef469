package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.Secrets;
import dev.tollgate.impl.stream.SseEvent;
import dev.tollgate.impl.stream.StreamHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Cohere v2 Chat stream ({@code "stream": true}), event by event; the type is the data's
 * {@code type}, or the event's name where the data has none:
 * <ol>
 *   <li>{@code message-start}: the response id;</li>
 *   <li>{@code content-start} and {@code content-delta}: the text of
 *       {@code delta.message.content.text} is the answer; a reasoning model's thinking is left out,
 *       as in {@link CohereResponseReader};</li>
 *   <li>{@code tool-plan-delta}: the plan of a message that calls tools, which is its text, as in
 *       {@link CohereResponseReader};</li>
 *   <li>{@code tool-call-start}, {@code tool-call-delta}, {@code tool-call-end}: the id and name of
 *       a call, the pieces of its arguments, joined into a tool call at its end;</li>
 *   <li>{@code message-end}: the end of the stream, with the finish reason and the usage, read as
 *       {@link CohereUsage} reads it, so the usage stays unknown until then. A
 *       {@code delta.error} says the generation failed: the stream fails with the category
 *       {@link CohereErrors} gives a 500 with that message, after keeping the usage;</li>
 *   <li>{@code content-end}, citations, {@code debug} and types added later are skipped.</li>
 * </ol>
 */
final class CohereStreamHandler implements StreamHandler<SseEvent> {
    private static final int GENERATION_FAILED = 500;

    private final String providerId;
    private final String model;
    private final String requestId;
    private final String secret;

    private final Map<Integer, PendingCall> pending = new TreeMap<>();
    private final List<ToolCall> calls = new ArrayList<>();
    private String responseId;
    private String finishReason;
    private Usage usage = Usage.unknown();
    private boolean ended;

    /** A tool call whose arguments are still arriving. */
    private record PendingCall(String id, String name, StringBuilder arguments) {
    }

    /**
     * @param providerId the provider id, for failures
     * @param model the requested model, which Cohere's answers report
     * @param requestId the provider's request id, or {@code null}
     * @param secret a credential to mask in error messages, or {@code null}
     */
    CohereStreamHandler(String providerId, String model, String requestId, String secret) {
        this.providerId = providerId;
        this.model = model;
        this.requestId = requestId;
        this.secret = secret;
    }

    @Override
    public synchronized String accept(SseEvent unit) {
        CohereStreamEvent event = CohereStreamEvent.read(unit.data());
        String type = event.type() != null ? event.type() : unit.type();
        switch (type) {
            case "message-start" -> responseId = event.id();
            case "content-start", "content-delta" -> {
                return event.text();
            }
            case "tool-plan-delta" -> {
                return event.toolPlan();
            }
            case "tool-call-start" -> startCall(event);
            case "tool-call-delta" -> callDelta(event);
            case "tool-call-end" -> endCall(event.index());
            case "message-end" -> end(event);
            default -> {
                // content-end, citations, debug, and event types added after this reader was written
            }
        }
        return null;
    }

    private void startCall(CohereStreamEvent event) {
        CohereToolCalls.Part call = event.call();
        if (call == null || call.id() == null || call.name() == null) {
            throw new IllegalStateException("a tool-call-start without a call id and name");
        }
        pending.put(event.index(), new PendingCall(call.id(), call.name(),
                new StringBuilder(call.arguments() == null ? "" : call.arguments())));
    }

    private void callDelta(CohereStreamEvent event) {
        PendingCall call = pending.get(event.index());
        if (call == null) {
            throw new IllegalStateException("a tool-call-delta for call " + event.index() + ", which did not start");
        }
        if (event.call() != null && event.call().arguments() != null) {
            call.arguments().append(event.call().arguments());
        }
    }

    private void endCall(int index) {
        PendingCall call = pending.remove(index);
        if (call != null) {
            calls.add(CohereToolCalls.call(call.id(), call.name(), call.arguments().toString()));
        }
    }

    private void end(CohereStreamEvent event) {
        List<Integer> open = new ArrayList<>(pending.keySet());
        open.forEach(this::endCall);
        finishReason = event.finishReason();
        if (event.usage() != null) {
            usage = event.usage();
        }
        ended = true;
        if (event.error() != null) {
            ErrorBody body = new ErrorBody(null, null, Secrets.mask(event.error(), secret));
            throw LlmException.builder(CohereErrors.category(GENERATION_FAILED, body, CohereErrors.NO_HEADERS))
                    .provider(providerId)
                    .model(model)
                    .requestId(requestId)
                    .providerErrorCode(finishReason)
                    .providerMessage(body.message())
                    .message("the provider reported an error in the stream")
                    .build();
        }
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public synchronized ChatResponse summary() {
        return ChatResponse.builder()
                .model(model)
                .responseId(responseId)
                .requestId(requestId)
                .toolCalls(calls)
                .rawFinishReason(finishReason)
                .finishReason(CohereResponseReader.finishReason(finishReason))
                .usage(usage)
                .build();
    }
}
