package dev.tollgate.impl.foreign.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.impl.http.StatusCategories;
import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The category of a failure LangChain4j reports: an HTTP status where it kept one, else the kind
 * of its exception, else the kind of the cause.
 */
final class LangChain4jErrors {
    private LangChain4jErrors() {
    }

    /**
     * @param error what LangChain4j reported
     * @return the HTTP status the provider answered with, or 0
     */
    static int status(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return 0;
    }

    /**
     * @param error what LangChain4j reported
     * @return its category
     */
    static ErrorCategory category(Throwable error) {
        int status = status(error);
        if (status >= 400) {
            return StatusCategories.of(status);
        }
        if (error instanceof AuthenticationException) {
            return ErrorCategory.AUTHENTICATION;
        }
        if (error instanceof RateLimitException) {
            return ErrorCategory.RATE_LIMITED;
        }
        if (error instanceof ModelNotFoundException) {
            return ErrorCategory.MODEL_NOT_FOUND;
        }
        if (error instanceof ContentFilteredException) {
            return ErrorCategory.CONTENT_FILTERED;
        }
        if (error instanceof InvalidRequestException) {
            return ErrorCategory.INVALID_REQUEST;
        }
        if (error instanceof InternalServerException) {
            return ErrorCategory.SERVER_ERROR;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return ErrorCategory.TIMEOUT;
            }
            if (t instanceof IOException) {
                return ErrorCategory.NETWORK;
            }
        }
        return ErrorCategory.INVALID_RESPONSE;
    }
}
