package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpHeaders;

/**
 * Classifies Chat Completions error responses. OpenAI's error codes refine the status:
 * {@code context_length_exceeded}, {@code content_filter}, {@code model_not_found},
 * {@code insufficient_quota}; compatible servers that send no code are recognised by their
 * message ("maximum context length", OpenRouter's "is not a valid model ID"). A prompt that "was
 * flagged" by a moderation check, OpenAI's {@code invalid_prompt} or OpenRouter's 403, is a content
 * filter refusal.
 */
public final class OpenAiErrors {
    private OpenAiErrors() {
    }

    /**
     * @param status the HTTP status, 400 or above
     * @param body what the error body says
     * @param headers the response headers
     * @return the category
     */
    public static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        if (body.mentions("context_length_exceeded", "maximum context length", "context window",
                "too many tokens")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (body.mentions("content_filter", "content_policy_violation", "content management policy")
                || body.mentions("was flagged")) {
            return ErrorCategory.CONTENT_FILTERED;
        }
        // OpenAI's rate-limit messages link the billing page too; only the code tells them apart
        if (status == 429 && !"rate_limit_exceeded".equals(body.code())
                && body.mentions("insufficient_quota", "billing")) {
            return ErrorCategory.QUOTA_EXCEEDED;
        }
        if ((status == 400 || status == 404) && body.mentions("model_not_found", "is not a valid model id")) {
            return ErrorCategory.MODEL_NOT_FOUND;
        }
        if (status == 404 && !body.mentions("model")) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return StatusCategories.of(status);
    }
}
