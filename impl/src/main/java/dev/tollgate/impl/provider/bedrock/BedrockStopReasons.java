package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.FinishReason;

/** Normalises Converse's {@code stopReason}, in answers and in streams alike. */
final class BedrockStopReasons {
    private BedrockStopReasons() {
    }

    /**
     * @param raw the provider's stop reason, or {@code null}
     * @param structuredAnswer whether the answer came as the call of the {@linkplain dev.tollgate.impl.provider.AnswerTool
     *     answer tool} and no other tool was called: the caller asked for an answer, not for tool
     *     calls, so {@code tool_use} then means a finished answer
     * @return the normalised reason
     */
    static FinishReason finishReason(String raw, boolean structuredAnswer) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> structuredAnswer ? FinishReason.STOP : FinishReason.TOOL_CALLS;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
