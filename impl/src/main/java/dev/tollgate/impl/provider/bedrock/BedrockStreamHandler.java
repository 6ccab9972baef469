package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.stream.EventStreamMessage;
import dev.tollgate.impl.stream.StreamHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a ConverseStream answer, message by message. A message's {@code :message-type} says what
 * it is:
 * <ol>
 *   <li>{@code event}: its {@code :event-type} names the event, its payload is the event's JSON:
 *     <ul>
 *       <li>{@code messageStart}: nothing to read;</li>
 *       <li>{@code contentBlockStart}, {@code contentBlockDelta}, {@code contentBlockStop}: the
 *           {@code delta.text}s are the answer; the {@code delta.toolUse.input} fragments of a
 *           block that {@code start.toolUse} opened are joined into a tool call, complete at the
 *           block's stop. The fragments of the {@linkplain dev.tollgate.impl.provider.AnswerTool answer tool}'s block
 *           are the answer's text instead;</li>
 *       <li>{@code messageStop}: the {@code stopReason};</li>
 *       <li>{@code metadata}, the last event: the usage ({@link BedrockUsage}) and the service
 *           tier. The stream is complete once it has come after {@code messageStop};</li>
 *       <li>event types this reader does not know are skipped;</li>
 *     </ul></li>
 *   <li>{@code exception}: the failure its {@code :exception-type} means
 *       ({@link BedrockErrors#streamed});</li>
 *   <li>{@code error}: the failure its {@code :error-code} and {@code :error-message} headers
 *       mean.</li>
 * </ol>
 * Bedrock reports no usage before {@code metadata}, so a stream that stops earlier has an unknown
 * usage.
 */
final class BedrockStreamHandler implements StreamHandler<EventStreamMessage> {
    private final String providerId;
    private final String model;
    private final String requestId;
    private final List<String> secrets;
    private final String answerTool;

    private final Map<Integer, PendingCall> pending = new HashMap<>();
    private final List<ToolCall> calls = new ArrayList<>();
    private int answerIndex = -1;
    private boolean answered;
    private String stopReason;
    private boolean stopped;
    private Usage usage;
    private String serviceTier;
    private boolean metadata;

    /**
     * @param providerId the provider id, for failures
     * @param model the model asked for, which the answer reports
     * @param requestId Bedrock's request id, or {@code null}
     * @param secrets the credentials to mask in failures, the longest-lived first
     * @param answerTool the name of the request's answer tool, or {@code null}
     */
    BedrockStreamHandler(String providerId, String model, String requestId, List<String> secrets,
            String answerTool) {
        this.providerId = providerId;
        this.model = model;
        this.requestId = requestId;
        this.secrets = List.copyOf(secrets);
        this.answerTool = answerTool;
    }

    /** A tool use block being streamed. */
    private record PendingCall(String id, String name, StringBuilder input) {
    }

    @Override
    public synchronized String accept(EventStreamMessage message) {
        String messageType = message.header(":message-type");
        if ("exception".equals(messageType)) {
            throw failure(BedrockErrors.streamed(message.header(":exception-type"), message.payload(), secrets));
        }
        if ("error".equals(messageType)) {
            throw failure(BedrockErrors.streamError(message.header(":error-code"), message.header(":error-message"),
                    secrets));
        }
        String eventType = message.header(":event-type");
        if (!"event".equals(messageType) || eventType == null) {
            throw new IllegalStateException("a message of type " + messageType + " and event type " + eventType);
        }
        BedrockStreamEvent event = BedrockStreamEvent.read(message.payload());
        switch (eventType) {
            case "contentBlockStart" -> blockStarted(event);
            case "contentBlockDelta" -> {
                return delta(event);
            }
            case "contentBlockStop" -> blockStopped(event.index);
            case "messageStop" -> {
                stopReason = event.stopReason;
                stopped = true;
            }
            case "metadata" -> {
                usage = event.usage;
                serviceTier = event.serviceTier;
                metadata = true;
            }
            default -> {
                // messageStart, and event types added after this reader was written
            }
        }
        return null;
    }

    private void blockStarted(BedrockStreamEvent event) {
        if (event.toolName == null) {
            return;
        }
        if (event.toolName.equals(answerTool)) {
            answerIndex = event.index;
            answered = true;
        } else if (event.toolUseId == null) {
            throw new IllegalStateException("a toolUse block without a toolUseId");
        } else {
            pending.put(event.index, new PendingCall(event.toolUseId, event.toolName, new StringBuilder()));
        }
    }

    private String delta(BedrockStreamEvent event) {
        if (event.text != null) {
            return event.text;
        }
        if (event.toolInput != null) {
            if (answered && event.index == answerIndex) {
                return event.toolInput;
            }
            PendingCall call = pending.get(event.index);
            if (call != null) {
                call.input().append(event.toolInput);
            }
        }
        return null;
    }

    private void blockStopped(int index) {
        PendingCall call = pending.remove(index);
        if (call != null) {
            String input = call.input().toString();
            calls.add(new ToolCall(call.id(), call.name(), input.isBlank() ? "{}" : input));
        }
    }

    private LlmException failure(LlmException.Builder failure) {
        return failure.provider(providerId)
                .model(model)
                .requestId(requestId)
                .message("the provider reported an error in the stream")
                .build();
    }

    @Override
    public synchronized boolean ended() {
        return stopped && metadata;
    }

    @Override
    public synchronized ChatResponse summary() {
        return ChatResponse.builder()
                .model(model)
                .requestId(requestId)
                .serviceTier(serviceTier)
                .toolCalls(calls)
                .rawFinishReason(stopReason)
                .finishReason(BedrockStopReasons.finishReason(stopReason, answered && calls.isEmpty()))
                .usage(usage != null ? usage : Usage.unknown())
                .build();
    }
}
