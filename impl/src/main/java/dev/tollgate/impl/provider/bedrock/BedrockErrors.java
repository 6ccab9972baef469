package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.http.Secrets;
import dev.tollgate.impl.http.StatusCategories;
import dev.tollgate.impl.json.JsonReading;
import dev.tollgate.impl.json.JsonSupport;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Bedrock Runtime error responses, and the exceptions a stream reports, into
 * {@link LlmException}s. Bedrock names the error in the {@code x-amzn-ErrorType} header
 * ({@code ThrottlingException:http://internal.amazon.com/...}), or a stream in the
 * {@code :exception-type} header of its message, and explains it in the body's {@code message},
 * or {@code Message} when AWS's authorisation layer answers; the name is the provider's error code
 * and decides the category:
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
 *   <li>{@code InternalServerException} (500), {@code ModelErrorException} (424, the model
 *       failed) and {@code ModelStreamErrorException} (424, the model failed while streaming) are
 *       {@link ErrorCategory#SERVER_ERROR};</li>
 *   <li>anything else is decided by the status alone; an exception inside a stream, which has
 *       none, is a {@link ErrorCategory#SERVER_ERROR}.</li>
 * </ol>
 */
final class BedrockErrors {
    /** The header that names the error. */
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    /** The status an exception in a stream is classified by when its name is unknown: the service failed. */
    private static final int STREAM_STATUS = 500;
    private static final HttpHeaders JSON_HEADERS = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")),
            (name, value) -> true);

    private static final Set<String> AUTHENTICATION_ERRORS = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "IncompleteSignatureException", "SignatureDoesNotMatch",
            "ExpiredTokenException", "InvalidClientTokenId", "MissingAuthenticationTokenException");

    private BedrockErrors() {
    }

    /**
     * @param secrets the credentials to mask in messages, the longest-lived first
     * @return the reader of Bedrock's error responses, for {@link ProviderEndpoint}
     */
    static ProviderEndpoint.ErrorReader reader(List<String> secrets) {
        return (status, headers, body, secret) ->
                failure(status, errorType(headers), ErrorBody.of(headers, body, secret), body, secrets);
    }

    /**
     * Reads an exception a stream reports after its HTTP status: its {@code :exception-type}
     * names the exception as a member of the stream's union ({@code throttlingException}); the
     * provider's error code is the exception's own name ({@code ThrottlingException}), as in the
     * {@code x-amzn-ErrorType} header of an error response.
     *
     * @param exceptionType the {@code :exception-type} header, or {@code null}
     * @param payload the JSON payload, with its {@code message}
     * @param secrets the credentials to mask in the message, the longest-lived first
     * @return the failure with its category, code and message
     */
    static LlmException.Builder streamed(String exceptionType, byte[] payload, List<String> secrets) {
        String type = exceptionType == null || exceptionType.isEmpty() ? null
                : Character.toUpperCase(exceptionType.charAt(0)) + exceptionType.substring(1);
        ErrorBody body = ErrorBody.of(JSON_HEADERS, payload, secrets.isEmpty() ? null : secrets.get(0));
        return failure(STREAM_STATUS, type, body, payload, secrets);
    }

    /**
     * Reads a message of type {@code error}, which the event stream format defines apart from the
     * exceptions of an operation: its headers carry the code and the message.
     *
     * @param code the {@code :error-code} header, or {@code null}
     * @param message the {@code :error-message} header, or {@code null}
     * @param secrets the credentials to mask in the message
     * @return the failure with its category, code and message
     */
    static LlmException.Builder streamError(String code, String message, List<String> secrets) {
        String masked = masked(message, secrets);
        return LlmException.builder(category(STREAM_STATUS, code, masked))
                .providerErrorCode(code)
                .providerMessage(masked);
    }

    private static LlmException.Builder failure(int status, String type, ErrorBody body, byte[] bytes,
            List<String> secrets) {
        String message = masked(body.message() != null ? body.message() : capitalisedMessage(bytes), secrets);
        return LlmException.builder(category(status, type, message))
                .providerErrorCode(type != null ? type : body.code())
                .providerMessage(message);
    }

    private static String masked(String text, List<String> secrets) {
        String masked = text;
        for (String secret : secrets) {
            masked = Secrets.mask(masked, secret);
        }
        return masked;
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
            case "InternalServerException", "ModelErrorException", "ModelStreamErrorException" ->
                    ErrorCategory.SERVER_ERROR;
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
