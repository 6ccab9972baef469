package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.stream.SseEvent;
import dev.tollgate.impl.stream.StreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Messages API stream ({@code "stream": true}), event by event:
 * <ol>
 *   <li>{@code message_start}: the response id, the model and the usage so far (the input side and
 *       a first output count), reported as {@linkplain Usage#partial() partial};</li>
 *   <li>{@code content_block_start}, {@code content_block_delta}, {@code content_block_stop}: the
 *       text of {@code text_delta}s is the answer; the {@code input_json_delta}s of a
 *       {@code tool_use} block are joined into a tool call, complete at the block's stop. The
 *       deltas of the {@linkplain dev.tollgate.impl.provider.AnswerTool answer tool}'s block are the answer's text
 *       instead;</li>
 *   <li>{@code message_delta}: the stop reason and the cumulative usage, which makes the usage
 *       known;</li>
 *   <li>{@code message_stop}: the end of the stream;</li>
 *   <li>{@code error}: the failure its error type means ({@link AnthropicErrors#streamed});</li>
 *   <li>{@code ping} and event types this reader does not know are skipped, as Anthropic's
 *       versioning policy asks.</li>
 * </ol>
 * The type is the data's {@code type}, or the event's name where the data has none.
 */
final class AnthropicStreamHandler implements StreamHandler<SseEvent> {
    private final String providerId;
    private final String requestedModel;
    private final String requestId;
    private final String secret;
    private final String answerTool;

    private final Map<Integer, PendingCall> pending = new HashMap<>();
    private final List<ToolCall> calls = new ArrayList<>();
    private AnthropicUsage usage;
    private boolean usageFinal;
    private String model;
    private String responseId;
    private String stopReason;
    private int answerIndex = -1;
    private boolean answered;
    private boolean ended;

    /**
     * @param providerId the provider id, for failures
     * @param requestedModel the model asked for, for failures and until the stream names one
     * @param requestId the provider's request id, or {@code null}
     * @param secret a credential to mask in error messages, or {@code null}
     * @param answerTool the name of the request's answer tool, or {@code null}
     */
    AnthropicStreamHandler(String providerId, String requestedModel, String requestId, String secret,
            String answerTool) {
        this.providerId = providerId;
        this.requestedModel = requestedModel;
        this.requestId = requestId;
        this.secret = secret;
        this.answerTool = answerTool;
    }

    /** A {@code tool_use} block being streamed. */
    private record PendingCall(String id, String name, StringBuilder input) {
    }

    @Override
    public synchronized String accept(SseEvent unit) {
        AnthropicStreamEvent event = AnthropicStreamEvent.read(unit.data());
        String type = event.type != null ? event.type : unit.type();
        switch (type) {
            case "message_start" -> {
                responseId = event.messageId;
                model = event.model;
                takeUsage(event);
            }
            case "content_block_start" -> {
                return blockStarted(event);
            }
            case "content_block_delta" -> {
                return delta(event);
            }
            case "content_block_stop" -> blockStopped(event.index);
            case "message_delta" -> {
                stopReason = event.stopReason != null ? event.stopReason : stopReason;
                takeUsage(event);
                usageFinal |= event.usage != null && event.usage.reportsOutput();
            }
            case "message_stop" -> ended = true;
            case "error" -> throw failure(ErrorBody.of(AnthropicErrors.NO_HEADERS, unit.data().getBytes(StandardCharsets.UTF_8), secret));
            default -> {
                // ping, and event types added after this reader was written
            }
        }
        return null;
    }

    private void takeUsage(AnthropicStreamEvent event) {
        if (event.usage == null) {
            return;
        }
        if (usage == null) {
            usage = event.usage;
        } else {
            usage.update(event.usage);
        }
    }

    private String blockStarted(AnthropicStreamEvent event) {
        if ("tool_use".equals(event.blockType)) {
            if (event.blockName == null) {
                throw new IllegalStateException("a tool_use block without a name");
            }
            if (event.blockName.equals(answerTool)) {
                answerIndex = event.index;
                answered = true;
            } else if (event.blockId == null) {
                throw new IllegalStateException("a tool_use block without an id");
            } else {
                pending.put(event.index, new PendingCall(event.blockId, event.blockName, new StringBuilder()));
            }
            return null;
        }
        return "text".equals(event.blockType) ? event.blockText : null;
    }

    private String delta(AnthropicStreamEvent event) {
        if ("text_delta".equals(event.deltaType)) {
            if (event.text == null) {
                throw new IllegalStateException("a text_delta without text");
            }
            return event.text;
        }
        if ("input_json_delta".equals(event.deltaType)) {
            if (event.partialJson == null) {
                throw new IllegalStateException("an input_json_delta without partial_json");
            }
            if (answered && event.index == answerIndex) {
                return event.partialJson;
            }
            PendingCall call = pending.get(event.index);
            if (call != null) {
                call.input().append(event.partialJson);
            }
        }
        return null;
    }

    private void blockStopped(int index) {
        PendingCall call = pending.remove(index);
        if (call != null) {
            calls.add(new ToolCall(call.id(), call.name(), AnthropicToolInputs.joined(call.input().toString())));
        }
    }

    private LlmException failure(ErrorBody body) {
        return LlmException.builder(AnthropicErrors.streamed(body))
                .provider(providerId)
                .model(requestedModel)
                .providerErrorCode(body.type())
                .providerMessage(body.message())
                .requestId(requestId)
                .message("the provider reported an error in the stream")
                .build();
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public synchronized ChatResponse summary() {
        Usage reported = usage == null ? Usage.unknown() : usage.toUsage();
        return ChatResponse.builder()
                .model(model != null && !model.isEmpty() ? model : requestedModel)
                .responseId(responseId)
                .requestId(requestId)
                .serviceTier(usage == null ? null : usage.serviceTier())
                .toolCalls(calls)
                .rawFinishReason(stopReason)
                .finishReason(AnthropicStopReasons.finishReason(stopReason, answered && calls.isEmpty()))
                .usage(usageFinal ? reported : reported.partial())
                .build();
    }
}
