package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ToolCall;
import dev.tollgate.api.Usage;
import dev.tollgate.impl.stream.SseEvent;
import dev.tollgate.impl.stream.StreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code streamGenerateContent?alt=sse} stream: every event's data is a
 * {@code GenerateContentResponse} ({@link GeminiChunk}) holding the next piece of the first
 * candidate.
 *
 * <ol>
 *   <li>the text parts are the delta; thought summaries are left out;</li>
 *   <li>{@code functionCall} parts arrive whole and are gathered into the summary's tool calls;</li>
 *   <li>{@code usageMetadata} counts the whole answer so far, so the last one counts; it is
 *       {@linkplain Usage#partial() partial} until the chunk with the finish reason came;</li>
 *   <li>an {@code error} object is the failure {@link GeminiErrors} classifies; a blocked prompt,
 *       a chunk without a candidate but with {@code promptFeedback.blockReason}, is
 *       {@code CONTENT_FILTERED}.</li>
 * </ol>
 * Google ends the stream without an end marker: a body that ends is complete once a finish reason
 * and a usage have come, and cut short otherwise.
 */
final class GeminiStreamHandler implements StreamHandler<SseEvent> {
    private final String providerId;
    private final String requestedModel;
    private final String secret;

    private final List<ToolCall> calls = new ArrayList<>();
    private String finishReason;
    private Usage usage;
    private String model;
    private String responseId;

    /**
     * @param providerId the provider id, for failures
     * @param requestedModel the model asked for, for failures and until the stream names one
     * @param secret the credential the request carried, masked in error messages, or {@code null}
     */
    GeminiStreamHandler(String providerId, String requestedModel, String secret) {
        this.providerId = providerId;
        this.requestedModel = requestedModel;
        this.secret = secret;
    }

    @Override
    public synchronized String accept(SseEvent unit) {
        byte[] data = unit.data().getBytes(StandardCharsets.UTF_8);
        GeminiChunk chunk = GeminiChunk.read(data);
        if (chunk.isError()) {
            throw GeminiErrors.streamed(data, secret).provider(providerId).model(requestedModel).build();
        }
        if (!chunk.hasCandidate() && chunk.block().reason() != null) {
            throw GeminiResponseReader.blockedOrEmpty(chunk, providerId, requestedModel);
        }
        if (chunk.modelVersion() != null) {
            model = chunk.modelVersion();
        }
        if (chunk.responseId() != null) {
            responseId = chunk.responseId();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        if (chunk.finishReason() != null) {
            finishReason = chunk.finishReason();
        }
        GeminiResponseReader.add(calls, chunk);
        return chunk.text();
    }

    /** There is no end marker: the stream is read until its body ends. */
    @Override
    public boolean ended() {
        return false;
    }

    @Override
    public synchronized boolean completeAtEnd() {
        return finishReason != null && usage != null;
    }

    @Override
    public synchronized ChatResponse summary() {
        Usage reported = usage == null ? Usage.unknown() : usage;
        return ChatResponse.builder()
                .model(model != null ? model : requestedModel)
                .responseId(responseId)
                .toolCalls(calls)
                .rawFinishReason(finishReason)
                .finishReason(GeminiFinishReasons.of(finishReason, !calls.isEmpty()))
                .usage(finishReason != null ? reported : reported.partial())
                .build();
    }
}
