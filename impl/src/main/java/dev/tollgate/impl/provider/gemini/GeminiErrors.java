package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Set;

/**
 * Turns Google's error responses ({@code {"error": {"code", "message", "status", "details"}}})
 * into {@link LlmException}s. The HTTP status decides, refined by the status word, the message and
 * the typed details:
 *
 * <ol>
 *   <li>an {@code ErrorInfo} reason that rejects the credential ({@code API_KEY_INVALID}, which AI
 *       Studio sends with status 400, expired or missing tokens) is
 *       {@link ErrorCategory#AUTHENTICATION};</li>
 *   <li>{@code RESOURCE_EXHAUSTED} is {@link ErrorCategory#RATE_LIMITED}, unless a
 *       {@code QuotaFailure} names a per-day quota or one whose limit is 0: those do not recover
 *       within seconds (a daily quota resets at midnight Pacific time, a zero quota never), so they
 *       are the permanent {@link ErrorCategory#QUOTA_EXCEEDED};</li>
 *   <li>billing that is disabled or needed ({@code BILLING_DISABLED}, or {@code FAILED_PRECONDITION}
 *       saying "billing", as AI Studio does where its free tier is unavailable) is
 *       {@link ErrorCategory#QUOTA_EXCEEDED}: the account has no budget to spend;</li>
 *   <li>{@code FAILED_PRECONDITION} about the caller's location is {@link ErrorCategory#PERMISSION},
 *       as OpenAI's unsupported-region error is;</li>
 *   <li>{@code INVALID_ARGUMENT} saying the input token count exceeds the maximum is
 *       {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED};</li>
 *   <li>a 404 without a Google status is the front end's page for an unknown path (a wrong
 *       {@code base-url}), so {@link ErrorCategory#INVALID_REQUEST}; a 404 {@code NOT_FOUND} names
 *       an unknown model.</li>
 * </ol>
 *
 * <p>{@code RetryInfo.retryDelay} gives the retry-after delay when no {@code Retry-After} header
 * does. The provider error code is the status word, such as {@code RESOURCE_EXHAUSTED}. A stream
 * that fails after it started sends the same error object as an event; its {@code code} stands for
 * the HTTP status.
 */
final class GeminiErrors {
    private static final Set<String> CREDENTIAL_REASONS = Set.of("API_KEY_INVALID", "API_KEY_EXPIRED",
            "ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_TYPE_UNSUPPORTED", "CREDENTIALS_MISSING");
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);
    private static final int STREAM_ERROR_WITHOUT_CODE = 500;

    private GeminiErrors() {
    }

    /**
     * Reads an error response, as a {@link dev.tollgate.impl.http.ProviderEndpoint.ErrorReader}.
     *
     * @param status the HTTP status, 400 or above
     * @param headers the response headers
     * @param body the response body
     * @param secret the credential the request carried, masked wherever the body quotes it
     * @return the classified failure, with the status word as code and {@code RetryInfo}'s delay
     */
    static LlmException.Builder read(int status, HttpHeaders headers, byte[] body, String secret) {
        return failure(status, ErrorBody.of(headers, body, secret), body);
    }

    /**
     * @param event the data of a stream event that holds an {@code error} object
     * @param secret the credential the request carried
     * @return the classified failure, classified as a response with the status the error's
     *     {@code code} names would be
     */
    static LlmException.Builder streamed(byte[] event, String secret) {
        ErrorBody error = ErrorBody.of(NO_HEADERS, event, secret);
        return failure(statusOf(error.code()), error, event).message("the provider reported an error in the stream");
    }

    private static LlmException.Builder failure(int status, ErrorBody error, byte[] body) {
        GoogleErrorDetails details = error.type() == null ? GoogleErrorDetails.NONE : GoogleErrorDetails.read(body);
        LlmException.Builder failure = LlmException.builder(category(status, error, details))
                .providerErrorCode(error.type() != null ? error.type() : error.code())
                .providerMessage(error.message());
        details.retryDelay().ifPresent(failure::retryAfter);
        return failure;
    }

    private static int statusOf(String code) {
        try {
            int status = code == null ? STREAM_ERROR_WITHOUT_CODE : Integer.parseInt(code);
            return status >= 400 && status < 600 ? status : STREAM_ERROR_WITHOUT_CODE;
        } catch (NumberFormatException e) {
            return STREAM_ERROR_WITHOUT_CODE;
        }
    }

    private static ErrorCategory category(int status, ErrorBody body, GoogleErrorDetails details) {
        String word = body.type();
        if (details.reasons().stream().anyMatch(CREDENTIAL_REASONS::contains)) {
            return ErrorCategory.AUTHENTICATION;
        }
        if ("RESOURCE_EXHAUSTED".equals(word)) {
            return details.quotaExhaustedUntilReset() ? ErrorCategory.QUOTA_EXCEEDED : ErrorCategory.RATE_LIMITED;
        }
        boolean failedPrecondition = "FAILED_PRECONDITION".equals(word);
        if (details.hasReason("BILLING_DISABLED") || failedPrecondition && body.mentions("billing")) {
            return ErrorCategory.QUOTA_EXCEEDED;
        }
        if (failedPrecondition && body.mentions("location", "region", "country")) {
            return ErrorCategory.PERMISSION;
        }
        if ("INVALID_ARGUMENT".equals(word) && body.mentions("input token count")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (status == 404 && word == null) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return StatusCategories.of(status);
    }
}
