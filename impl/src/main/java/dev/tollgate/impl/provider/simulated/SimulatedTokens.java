package dev.tollgate.impl.provider.simulated;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Message;
import dev.tollgate.api.Usage;
import java.util.OptionalLong;

/**
 * The token counts a simulated provider reports: fixed where configured, else about four
 * characters a token plus a few tokens of framing per message, as real tokenizers go.
 */
record SimulatedTokens(OptionalLong input, OptionalLong output, long cachedInput, long reasoning) {
    private static final int FRAMING_TOKENS_PER_MESSAGE = 4;

    Usage usage(ChatRequest request, String reply) {
        long in = input.orElseGet(() -> estimateInput(request));
        long out = output.orElseGet(() -> estimate(reply));
        return Usage.builder()
                .inputTokens(in)
                .cachedInputTokens(Math.min(cachedInput, in))
                .outputTokens(out)
                .reasoningTokens(Math.min(reasoning, out))
                .build();
    }

    static long estimate(String text) {
        return text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }

    private static long estimateInput(ChatRequest request) {
        long tokens = 0;
        for (Message m : request.messages()) {
            tokens += FRAMING_TOKENS_PER_MESSAGE + estimate(m.content());
        }
        return tokens;
    }
}
