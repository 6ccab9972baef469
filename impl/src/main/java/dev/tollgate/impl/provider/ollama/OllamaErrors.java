package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Classifies Ollama's error responses, {@code {"error": "..."}}:
 *
 * <ol>
 *   <li>"the input length exceeds the context length" (and other messages about the context
 *       length) is {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED}, whatever the status, since Ollama
 *       versions answer it with 400 or 500;</li>
 *   <li>a 404 that names a model ("model 'x' not found, try pulling it first") is
 *       {@link ErrorCategory#MODEL_NOT_FOUND}, any other 404 a wrong URL and so
 *       {@link ErrorCategory#INVALID_REQUEST};</li>
 *   <li>a 429 of Ollama's cloud that says a weekly or monthly usage limit is reached is
 *       {@link ErrorCategory#QUOTA_EXCEEDED}; its hourly and session limits, and 429s of a proxy,
 *       are {@link ErrorCategory#RATE_LIMITED};</li>
 *   <li>the rest by status: 400 invalid request, 401 authentication (a cloud model without
 *       sign-in, a hosted Ollama with a wrong key), 403 permission (cloud models disabled),
 *       503 overloaded ("server busy", the queue of {@code OLLAMA_MAX_QUEUE} requests is full),
 *       other 5xx server error.</li>
 * </ol>
 */
final class OllamaErrors {
    /** The headers of an error that has none of its own: one inside a stream. */
    static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private OllamaErrors() {
    }

    static ErrorCategory category(int status, ErrorBody body, HttpHeaders headers) {
        if (body.mentions("context length", "context window")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status == 404) {
            return body.mentions("model") ? ErrorCategory.MODEL_NOT_FOUND : ErrorCategory.INVALID_REQUEST;
        }
        if (status == 429 && body.mentions("weekly usage limit", "monthly usage limit")) {
            return ErrorCategory.QUOTA_EXCEEDED;
        }
        return StatusCategories.of(status);
    }
}
