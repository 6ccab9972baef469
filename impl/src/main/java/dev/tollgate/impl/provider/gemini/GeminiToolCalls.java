package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ToolCall;

/**
 * The ids of the tool calls a Gemini model makes. Gemini 3 gives each {@code functionCall} an
 * {@code id}, which the {@code functionResponse} must repeat; earlier models give none, and match
 * responses to calls by name and order. A call without an id is named by its function and its
 * position among the answer's calls, {@code <name>_<index>} (such as {@code weather_0}): stable,
 * made of the letters, digits, {@code _} and {@code -} that every provider accepts in a call id,
 * and never sent back to Google as an {@code id}, since Google did not make it.
 */
final class GeminiToolCalls {
    private GeminiToolCalls() {
    }

    /**
     * @param call a {@code functionCall} part
     * @param index its position among the calls of the answer, from 0
     * @return the tool call
     */
    static ToolCall of(GeminiChunk.FunctionCall call, int index) {
        return new ToolCall(call.id() != null ? call.id() : call.name() + "_" + index, call.name(), call.arguments());
    }

    /**
     * @param call a tool call of an earlier answer
     * @return the id to send back as {@code functionCall.id} and {@code functionResponse.id}, or
     *     {@code null} if the id was made up for a call that had none
     */
    static String wireId(ToolCall call) {
        String id = call.id();
        String prefix = call.name() + "_";
        if (id.length() > prefix.length() && id.startsWith(prefix)
                && id.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return id;
    }
}
