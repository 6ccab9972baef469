package dev.tollgate.impl.ratelimit;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.Message;
import dev.tollgate.api.Tool;
import dev.tollgate.api.ToolCall;

/**
 * Estimates the tokens a request will use before it is sent, for tokens-a-minute limits. The
 * estimate is rough on purpose: the provider's reported usage corrects it afterwards (see
 * {@link Permit#settle(dev.tollgate.api.Usage)}).
 *
 * <ol>
 *   <li>Input: {@value #CHARS_PER_TOKEN} characters a token, rounded up, over the text the
 *       provider reads: every message's content, the names and arguments of the tool calls in
 *       the conversation, the tools' names, descriptions and parameter schemas, and the schema
 *       of a structured answer.</li>
 *   <li>Output: the request's {@link ChatRequest#maxTokens() maxTokens}, or else
 *       {@value #DEFAULT_OUTPUT_TOKENS}, the most the answer is expected to use.</li>
 * </ol>
 */
public final class TokenEstimate {
    /** How many characters make a token on average, for English text and code. */
    public static final int CHARS_PER_TOKEN = 4;
    /** The output tokens reserved for a request that does not set {@code maxTokens}. */
    public static final int DEFAULT_OUTPUT_TOKENS = 1024;

    private TokenEstimate() {
    }

    /**
     * @param request the request about to be sent
     * @return its estimated input and output tokens
     */
    public static long of(ChatRequest request) {
        return input(request) + request.maxTokens().orElse(DEFAULT_OUTPUT_TOKENS);
    }

    /**
     * @param request the request about to be sent
     * @return its estimated input tokens, by rule 1
     */
    public static long input(ChatRequest request) {
        long chars = 0;
        for (Message m : request.messages()) {
            chars += m.content().length();
            for (ToolCall call : m.toolCalls()) {
                chars += call.name().length() + call.arguments().length();
            }
        }
        for (Tool tool : request.tools()) {
            chars += tool.name().length() + tool.description().length() + tool.parameters().toString().length();
        }
        chars += request.responseFormat().schema().map(schema -> schema.toString().length()).orElse(0);
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }
}
