package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.FinishReason;

/**
 * Google's {@code finishReason}s as {@link FinishReason}s. A candidate that calls functions ends
 * with {@code STOP}, like one that answered; its calls make it {@link FinishReason#TOOL_CALLS}.
 */
final class GeminiFinishReasons {
    private GeminiFinishReasons() {
    }

    /**
     * @param raw the candidate's {@code finishReason}, or {@code null}
     * @param calledFunctions whether the candidate has {@code functionCall} parts
     * @return the normalised reason
     */
    static FinishReason of(String raw, boolean calledFunctions) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case "STOP" -> calledFunctions ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
                    "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
