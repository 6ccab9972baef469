package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.RetryAfter;
import dev.tollgate.impl.http.StatusCategories;
import java.net.http.HttpResponse;
import java.time.Clock;
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
 * does. The provider error code is the status word, such as {@code RESOURCE_EXHAUSTED}.
 */
final class GeminiErrors {
    private static final Set<String> CREDENTIAL_REASONS = Set.of("API_KEY_INVALID", "API_KEY_EXPIRED",
            "ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_TYPE_UNSUPPORTED", "CREDENTIALS_MISSING");

    private final String providerId;
    private final Clock clock;

    GeminiErrors(String providerId, Clock clock) {
        this.providerId = providerId;
        this.clock = clock;
    }

    /**
     * @param response a response with status 400 or above
     * @param model the requested model id
     * @param secret the credential the request carried, masked wherever the body quotes it
     * @return the classified failure
     */
    LlmException error(HttpResponse<byte[]> response, String model, String secret) {
        int status = response.statusCode();
        ErrorBody body = ErrorBody.of(response, secret);
        GoogleErrorDetails details = body.type() == null ? GoogleErrorDetails.NONE
                : GoogleErrorDetails.read(response.body());
        return LlmException.builder(category(status, body, details))
                .provider(providerId)
                .model(model)
                .httpStatus(status)
                .providerErrorCode(body.type() != null ? body.type() : body.code())
                .providerMessage(body.message())
                .retryAfter(RetryAfter.from(response.headers(), clock).or(details::retryDelay).orElse(null))
                .build();
    }

    static ErrorCategory category(int status, ErrorBody body, GoogleErrorDetails details) {
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
