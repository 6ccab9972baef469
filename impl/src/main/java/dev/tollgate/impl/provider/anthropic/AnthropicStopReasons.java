package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.FinishReason;

/** Normalises the Messages API's {@code stop_reason}. */
public final class AnthropicStopReasons {
    private AnthropicStopReasons() {
    }

    /**
     * @param raw the provider's stop reason, or {@code null}
     * @param structuredAnswer whether the answer came as the call of the {@linkplain dev.tollgate.impl.provider.AnswerTool
     *     answer tool} and no other tool was called: the caller asked for an answer, not for tool
     *     calls, so {@code tool_use} then means a finished answer
     * @return the normalised reason
     */
    public static FinishReason finishReason(String raw, boolean structuredAnswer) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> structuredAnswer ? FinishReason.STOP : FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
