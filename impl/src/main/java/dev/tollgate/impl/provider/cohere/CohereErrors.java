package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Classifies Cohere's error responses, {@code {"id": "...", "message": "..."}}, by the statuses of
 * Cohere's API reference:
 *
 * <ol>
 *   <li>498 means the request or the answer contains a deny-listed token:
 *       {@link ErrorCategory#CONTENT_FILTERED};</li>
 *   <li>499 means the request was cancelled: {@link ErrorCategory#CANCELLED};</li>
 *   <li>501 means a feature Cohere has not implemented: {@link ErrorCategory#INVALID_REQUEST},
 *       which no retry mends;</li>
 *   <li>a "too many tokens" message about the prompt is {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED};
 *       one about {@code max_tokens} is an invalid request;</li>
 *   <li>a 429 of a trial key's monthly call allowance ("limited to 1000 API calls / month") is
 *       {@link ErrorCategory#QUOTA_EXCEEDED}, any other 429 {@link ErrorCategory#RATE_LIMITED};</li>
 *   <li>a 404 that names a model is {@link ErrorCategory#MODEL_NOT_FOUND}, any other 404 a wrong
 *       URL and so {@link ErrorCategory#INVALID_REQUEST};</li>
 *   <li>the rest by status: 401 authentication, 402 (billing limit) quota, 403 permission,
 *       422 invalid request, 503 overloaded, 504 timeout, other 5xx server error.</li>
 * </ol>
 *
 * <p>An error reported inside a stream that began with 200 ({@code message-end} with
 * {@code delta.error}) is classified as a 500 with that message would be.
 */
final class CohereErrors {
    /** The headers of an error that has none of its own: one inside a stream. */
    static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private CohereErrors() {
    }

    static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        switch (status) {
            case 498:
                return ErrorCategory.CONTENT_FILTERED;
            case 499:
                return ErrorCategory.CANCELLED;
            case 501:
                return ErrorCategory.INVALID_REQUEST;
            default:
                break;
        }
        if (status < 500 && body.mentions("too many tokens", "context length", "context window")
                && !body.mentions("max tokens must be")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status == 429 && body.mentions("/ month", "per month", "monthly")) {
            return ErrorCategory.QUOTA_EXCEEDED;
        }
        if (status == 404) {
            return body.mentions("model") ? ErrorCategory.MODEL_NOT_FOUND : ErrorCategory.INVALID_REQUEST;
        }
        return StatusCategories.of(status);
    }
}
