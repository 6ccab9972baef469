package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.RetryAfter;
import dev.tollgate.impl.http.Secrets;
import dev.tollgate.impl.http.StatusCategories;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns Bedrock Runtime error responses into {@link LlmException}s. Bedrock names the error in
 * the {@code x-amzn-ErrorType} header ({@code ThrottlingException:http://internal.amazon.com/...})
 * and explains it in the body's {@code message}, or {@code Message} when AWS's authorisation
 * layer answers; the name is the provider's error code and decides the category:
 *
 * <ol>
 *   <li>{@code ValidationException} (400) is {@link ErrorCategory#INVALID_REQUEST}, or
 *       {@link ErrorCategory#CONTEXT_LENGTH_EXCEEDED} when the input is too long,
 *       {@link ErrorCategory#MODEL_NOT_FOUND} when the model identifier is invalid,
 *       {@link ErrorCategory#PERMISSION} when the account may not use the operation;</li>
 *   <li>{@code AccessDeniedException} (403) is {@link ErrorCategory#PERMISSION};</li>
 *   <li>the signature and token errors ({@code UnrecognizedClientException},
 *       {@code InvalidSignatureException}, {@code ExpiredTokenException} and kin, 403) are
 *       {@link ErrorCategory#AUTHENTICATION};</li>
 *   <li>{@code ResourceNotFoundException} (404) is {@link ErrorCategory#MODEL_NOT_FOUND};</li>
 *   <li>{@code ThrottlingException} (429) is {@link ErrorCategory#RATE_LIMITED};</li>
 *   <li>{@code ServiceQuotaExceededException} (400) is {@link ErrorCategory#QUOTA_EXCEEDED};</li>
 *   <li>{@code ModelTimeoutException} (408) is {@link ErrorCategory#TIMEOUT};</li>
 *   <li>{@code ServiceUnavailableException} (503) and {@code ModelNotReadyException} (429, a
 *       model still being loaded, which the AWS SDKs retry) are {@link ErrorCategory#OVERLOADED};</li>
 *   <li>{@code InternalServerException} (500) and {@code ModelErrorException} (424, the model
 *       failed) are {@link ErrorCategory#SERVER_ERROR};</li>
 *   <li>anything else is decided by the status alone.</li>
 * </ol>
 */
final class BedrockErrors {
    /** The header that names the error. */
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private static final Set<String> AUTHENTICATION_ERRORS = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "IncompleteSignatureException", "SignatureDoesNotMatch",
            "ExpiredTokenException", "InvalidClientTokenId", "MissingAuthenticationTokenException");

    private BedrockErrors() {
    }

    /**
     * @param providerId the provider id
     * @param response a response with an error status
     * @param model the requested model
     * @param requestId Bedrock's request id, or {@code null}
     * @param secrets the credentials to mask in the message, the longest-lived first
     * @param clock the clock {@code Retry-After} dates are read against
     * @return the classified failure
     */
    static LlmException exception(String providerId, HttpResponse<byte[]> response, String model, String requestId,
            List<String> secrets, Clock clock) {
        int status = response.statusCode();
        String type = errorType(response.headers());
        ErrorBody body = ErrorBody.of(response, secrets.isEmpty() ? null : secrets.get(0));
        String message = body.message() != null ? body.message() : capitalisedMessage(response.body());
        for (String secret : secrets) {
            message = Secrets.mask(message, secret);
        }
        return LlmException.builder(category(status, type, message))
                .provider(providerId)
                .model(model)
                .httpStatus(status)
                .providerErrorCode(type != null ? type : body.code())
                .providerMessage(message)
                .requestId(requestId)
                .retryAfter(RetryAfter.from(response.headers(), clock).orElse(null))
                .build();
    }

    /**
     * @param status the HTTP status
     * @param type the error name, or {@code null}
     * @param message the error message, or {@code null}
     * @return the category
     */
    static ErrorCategory category(int status, String type, String message) {
        if (type == null) {
            return StatusCategories.of(status);
        }
        if (AUTHENTICATION_ERRORS.contains(type)) {
            return ErrorCategory.AUTHENTICATION;
        }
        return switch (type) {
            case "ValidationException" -> validation(message);
            case "AccessDeniedException" -> ErrorCategory.PERMISSION;
            case "ResourceNotFoundException" -> ErrorCategory.MODEL_NOT_FOUND;
            case "ThrottlingException" -> ErrorCategory.RATE_LIMITED;
            case "ServiceQuotaExceededException" -> ErrorCategory.QUOTA_EXCEEDED;
            case "ModelTimeoutException" -> ErrorCategory.TIMEOUT;
            case "ServiceUnavailableException", "ModelNotReadyException" -> ErrorCategory.OVERLOADED;
            case "InternalServerException", "ModelErrorException" -> ErrorCategory.SERVER_ERROR;
            default -> StatusCategories.of(status);
        };
    }

    private static ErrorCategory validation(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("too long") || text.contains("too many input tokens") || text.contains("context window")
                || text.contains("context length") || text.contains("context limit")
                || text.contains("maximum context")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (text.contains("model identifier is invalid")) {
            return ErrorCategory.MODEL_NOT_FOUND;
        }
        if (text.contains("not authorized")) {
            return ErrorCategory.PERMISSION;
        }
        return ErrorCategory.INVALID_REQUEST;
    }

    /**
     * @param headers the headers of an error response
     * @return the error name of {@code x-amzn-ErrorType}, without the namespace after the colon,
     *     or {@code null}
     */
    static String errorType(HttpHeaders headers) {
        return headers.firstValue(ERROR_TYPE_HEADER)
                .map(v -> v.indexOf(':') >= 0 ? v.substring(0, v.indexOf(':')) : v)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElse(null);
    }

    /** Reads {@code Message}, which AWS's authorisation layer writes instead of {@code message}. */
    private static String capitalisedMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try (JsonParser p = JsonSupport.parser(body)) {
            if (p.next() != Event.START_OBJECT) {
                return null;
            }
            while (p.next() == Event.KEY_NAME) {
                String key = p.getString();
                Event v = p.next();
                if (key.equals("Message")) {
                    return JsonReading.string(p, v);
                }
                JsonReading.skip(p, v);
            }
            return null;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return null;
        }
    }
}
