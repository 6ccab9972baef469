package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ToolCall;
import jakarta.json.stream.JsonParsingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Ollama {@code /api/chat} answer (with streaming off): {@code model},
 * {@code message.content}, {@code message.tool_calls}, {@code done_reason} and the token counts,
 * as {@link OllamaChunk} reads and normalises them.
 */
final class OllamaResponseReader {

    private OllamaResponseReader() {
    }

    /**
     * @param body the response body
     * @param requestedModel the model asked for, used if the body names none
     * @return the response, without provider id, cost or latency
     * @throws JsonParsingException if the body is not an Ollama chat answer
     */
    static ChatResponse read(byte[] body, String requestedModel) {
        OllamaChunk answer = OllamaChunk.read(body);
        if (!answer.hasMessage()) {
            throw new JsonParsingException(answer.error() != null ? "the response reports an error: " + answer.error()
                    : "the response has no message", null);
        }
        List<ToolCall> calls = new ArrayList<>();
        for (OllamaToolCalls.Call call : answer.calls()) {
            calls.add(call.toToolCall(calls.size()));
        }
        return ChatResponse.builder()
                .model(answer.model() != null && !answer.model().isEmpty() ? answer.model() : requestedModel)
                .text(answer.content())
                .toolCalls(calls)
                .rawFinishReason(answer.doneReason())
                .finishReason(OllamaChunk.finishReason(answer.doneReason(), !calls.isEmpty()))
                .usage(answer.usage())
                .build();
    }
}
