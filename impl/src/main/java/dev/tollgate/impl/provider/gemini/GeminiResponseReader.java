package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.FinishReason;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code generateContent} response body ({@link GeminiChunk}) as a {@link ChatResponse}:
 * the first candidate's text and function calls, its finish reason, {@code modelVersion},
 * {@code responseId} and {@code usageMetadata}.
 *
 * <p>A prompt that Google blocks gets no candidate, only {@code promptFeedback.blockReason}; that
 * is a {@link ErrorCategory#CONTENT_FILTERED} failure, not an empty answer, the way other
 * providers refuse a prompt. A candidate cut by the filter while it was generated is an answer
 * with {@link FinishReason#CONTENT_FILTER}.
 */
final class GeminiResponseReader {
    private final String providerId;

    /** @param providerId the provider id, for the failure of a blocked prompt */
    GeminiResponseReader(String providerId) {
        this.providerId = providerId;
    }

    /**
     * @param body the body of a 2xx response
     * @param model the requested model id, reported if the body names none
     * @return the response, without provider id, cost or latency
     * @throws LlmException of category {@link ErrorCategory#CONTENT_FILTERED} if the prompt was blocked
     * @throws RuntimeException of another kind if the body is not a {@code generateContent} response
     */
    ChatResponse read(byte[] body, String model) {
        GeminiChunk chunk = GeminiChunk.read(body);
        if (!chunk.hasCandidate()) {
            throw blockedOrEmpty(chunk, providerId, model);
        }
        List<ToolCall> calls = new ArrayList<>();
        add(calls, chunk);
        ChatResponse.Builder response = ChatResponse.builder()
                .text(chunk.text())
                .toolCalls(calls)
                .rawFinishReason(chunk.finishReason())
                .finishReason(GeminiFinishReasons.of(chunk.finishReason(), !calls.isEmpty()))
                .model(chunk.modelVersion() != null ? chunk.modelVersion() : model)
                .responseId(chunk.responseId());
        if (chunk.usage() != null) {
            response.usage(chunk.usage());
        }
        return response.build();
    }

    /**
     * @param calls the calls of the answer so far, to add to
     * @param chunk the next chunk of the answer
     */
    static void add(List<ToolCall> calls, GeminiChunk chunk) {
        for (GeminiChunk.FunctionCall call : chunk.calls()) {
            calls.add(GeminiToolCalls.of(call, calls.size()));
        }
    }

    /**
     * @param chunk a response without a candidate
     * @param providerId the provider id
     * @param model the requested model
     * @return {@link ErrorCategory#CONTENT_FILTERED} if the prompt was blocked, else a failure that
     *     the answer is malformed
     */
    static RuntimeException blockedOrEmpty(GeminiChunk chunk, String providerId, String model) {
        GeminiChunk.PromptBlock block = chunk.block();
        if (block.reason() != null) {
            return LlmException.builder(ErrorCategory.CONTENT_FILTERED).provider(providerId).model(model)
                    .httpStatus(200).providerErrorCode(block.reason()).providerMessage(block.message())
                    .message("the provider blocked the prompt").build();
        }
        return new IllegalStateException("the response has no candidate");
    }
}
