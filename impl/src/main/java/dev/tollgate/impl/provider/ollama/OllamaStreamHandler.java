package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.stream.StreamHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Ollama {@code /api/chat} stream ({@code "stream": true}), newline-delimited JSON, line by
 * line as {@link OllamaChunk}s: each line's {@code message.content} is the next text; tool calls
 * come whole in a line's {@code message.tool_calls} and are collected, with ids as
 * {@link OllamaToolCalls} gives them, counted across the stream; the line with
 * {@code "done": true} is the end, with the model, the done reason and the usage, which stays
 * unknown until then. A line {@code {"error": "..."}} is a failure Ollama reports after it began
 * the answer; it is classified as the 500 Ollama answers with when the error comes first
 * ({@link OllamaErrors}).
 */
final class OllamaStreamHandler implements StreamHandler<byte[]> {
    private static final int STREAMED_ERROR_STATUS = 500;

    private final String providerId;
    private final String requestedModel;
    private final String secret;

    private final List<ToolCall> calls = new ArrayList<>();
    private String model;
    private String doneReason;
    private Usage usage = Usage.unknown();
    private boolean ended;

    /**
     * @param providerId the provider id, for failures
     * @param requestedModel the model asked for, reported until the stream names one
     * @param secret a credential to mask in error messages, or {@code null}
     */
    OllamaStreamHandler(String providerId, String requestedModel, String secret) {
        this.providerId = providerId;
        this.requestedModel = requestedModel;
        this.secret = secret;
    }

    @Override
    public synchronized String accept(byte[] unit) {
        OllamaChunk chunk = OllamaChunk.read(unit);
        if (chunk.error() != null) {
            ErrorBody body = ErrorBody.of(OllamaErrors.NO_HEADERS, unit, secret);
            throw LlmException.builder(OllamaErrors.category(STREAMED_ERROR_STATUS, body, OllamaErrors.NO_HEADERS))
                    .provider(providerId)
                    .model(requestedModel)
                    .providerMessage(body.message())
                    .message("the provider reported an error in the stream")
                    .build();
        }
        if (chunk.model() != null && !chunk.model().isEmpty()) {
            model = chunk.model();
        }
        for (OllamaToolCalls.Call call : chunk.calls()) {
            calls.add(call.toToolCall(calls.size()));
        }
        if (chunk.done()) {
            doneReason = chunk.doneReason();
            usage = chunk.usage();
            ended = true;
        }
        return chunk.content();
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public synchronized ChatResponse summary() {
        return ChatResponse.builder()
                .model(model != null ? model : requestedModel)
                .toolCalls(calls)
                .rawFinishReason(doneReason)
                .finishReason(OllamaChunk.finishReason(doneReason, !calls.isEmpty()))
                .usage(usage)
                .build();
    }
}
