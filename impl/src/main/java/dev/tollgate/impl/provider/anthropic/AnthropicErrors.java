package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Classifies Messages API error responses, {@code {"type":"error","error":{"type","message"},
 * "request_id"}}. The error type decides, since Anthropic gives each status its own type; only
 * {@code invalid_request_error}, which Anthropic also uses for 4xx statuses it lists no type for,
 * leaves the decision to the status. Messages refine both:
 * <ul>
 *   <li>"prompt is too long" and "exceed context limit" are context-length errors;</li>
 *   <li>"content filtering policy" is a content-filter block;</li>
 *   <li>{@code billing_error}, a too-low credit balance and reached usage limits (sent as
 *       {@code invalid_request_error}) are quota errors;</li>
 *   <li>{@code not_found_error} means an unknown model only when the message is about the model.</li>
 * </ul>
 * {@code request_too_large} (413) counts as a context-length error: the requests Tollgate writes
 * are text only, and 32 MB of text is millions of tokens, beyond every Claude context window, so
 * the same prompt under the byte limit would fail with "prompt is too long".
 *
 * <p>An error event in a stream that began with status 200 has the same body; it is classified as
 * if it had come with the status Anthropic documents for its type (an unknown type as 500, since
 * the request was accepted and the provider failed while answering).
 */
final class AnthropicErrors {
    /** The headers of a body that comes without its own, such as a stream's error event. */
    static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private AnthropicErrors() {
    }

    /**
     * @param body the data of an {@code error} event of a stream
     * @return its category
     */
    static ErrorCategory streamed(ErrorBody body) {
        return category(documentedStatus(body.type()), body, NO_HEADERS);
    }

    private static int documentedStatus(String type) {
        if (type == null) {
            return 500;
        }
        return switch (type) {
            case "invalid_request_error" -> 400;
            case "authentication_error" -> 401;
            case "billing_error" -> 402;
            case "permission_error" -> 403;
            case "not_found_error" -> 404;
            case "request_too_large" -> 413;
            case "rate_limit_error" -> 429;
            case "timeout_error" -> 504;
            case "overloaded_error" -> 529;
            default -> 500;
        };
    }

    static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        if (body.mentions("prompt is too long", "exceed context limit")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (body.mentions("content filtering policy")) {
            return ErrorCategory.CONTENT_FILTERED;
        }
        if (body.mentions("billing_error", "credit balance", "api usage limits")) {
            return ErrorCategory.QUOTA_EXCEEDED;
        }
        ErrorCategory category = byType(body.type(), status);
        if (category == ErrorCategory.MODEL_NOT_FOUND && !body.mentions("model")) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return category;
    }

    private static ErrorCategory byType(String type, int status) {
        if (type == null) {
            return StatusCategories.of(status);
        }
        return switch (type) {
            case "authentication_error" -> ErrorCategory.AUTHENTICATION;
            case "permission_error" -> ErrorCategory.PERMISSION;
            case "not_found_error" -> ErrorCategory.MODEL_NOT_FOUND;
            case "request_too_large" -> ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
            case "rate_limit_error" -> ErrorCategory.RATE_LIMITED;
            case "api_error" -> ErrorCategory.SERVER_ERROR;
            case "timeout_error" -> ErrorCategory.TIMEOUT;
            case "overloaded_error" -> ErrorCategory.OVERLOADED;
            default -> StatusCategories.of(status);
        };
    }
}
