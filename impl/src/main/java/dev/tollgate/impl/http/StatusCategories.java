package dev.tollgate.impl.http;

import dev.tollgate.api.ErrorCategory;

/**
 * The category an HTTP error status means when the provider's error body says nothing more
 * specific. Provider clients refine it from their error codes.
 */
public final class StatusCategories {
    private StatusCategories() {
    }

    /**
     * @param status an HTTP status of 400 or above
     * @return its category
     */
    public static ErrorCategory of(int status) {
        return switch (status) {
            case 401 -> ErrorCategory.AUTHENTICATION;
            case 402 -> ErrorCategory.QUOTA_EXCEEDED;
            case 403 -> ErrorCategory.PERMISSION;
            case 404 -> ErrorCategory.MODEL_NOT_FOUND;
            case 408 -> ErrorCategory.TIMEOUT;
            case 413 -> ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
            case 429 -> ErrorCategory.RATE_LIMITED;
            case 503, 529 -> ErrorCategory.OVERLOADED;
            case 504 -> ErrorCategory.TIMEOUT;
            default -> status >= 500 ? ErrorCategory.SERVER_ERROR : ErrorCategory.INVALID_REQUEST;
        };
    }
}
