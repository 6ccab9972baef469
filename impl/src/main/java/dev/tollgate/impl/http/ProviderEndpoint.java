package dev.tollgate.impl.http;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * One provider's HTTP API as every JSON adapter speaks to it: sends a request through the
 * provider's {@link HttpTransport}, turns an error status into a classified {@link LlmException}
 * (provider code and message, request id, {@code Retry-After}), and a body its reader cannot read
 * into {@link ErrorCategory#INVALID_RESPONSE}.
 */
public final class ProviderEndpoint {
    /** Decides the category of an error response from its status and body. */
    @FunctionalInterface
    public interface ErrorClassifier {
        /**
         * @param status the HTTP status, 400 or above
         * @param body what the error body says
         * @param headers the response headers
         * @return the category
         */
        ErrorCategory category(int status, ErrorBody body, HttpHeaders headers);
    }

    /**
     * Reads an error response in full, for providers whose errors say more than a status and an
     * {@link ErrorBody}: a code in a header, details in the body.
     */
    @FunctionalInterface
    public interface ErrorReader {
        /**
         * @param status the HTTP status, 400 or above
         * @param headers the response headers
         * @param body the response body, possibly empty
         * @param secret the credential of this request, to mask in any text taken from the body, or
         *     {@code null}
         * @return a failure with its category, provider code and message, and a retry delay if the
         *     body gives one; the endpoint adds provider, model, status, request id, and the
         *     {@code Retry-After} header's delay, which wins over the body's
         */
        LlmException.Builder read(int status, HttpHeaders headers, byte[] body, String secret);

        /**
         * @param classifier a classification of status and error body
         * @return a reader taking the code and message from the {@link ErrorBody}
         */
        static ErrorReader of(ErrorClassifier classifier) {
            return (status, headers, bytes, secret) -> {
                ErrorBody body = ErrorBody.of(headers, bytes, secret);
                return LlmException.builder(classifier.category(status, body, headers))
                        .providerErrorCode(body.code() != null ? body.code() : body.type())
                        .providerMessage(body.message());
            };
        }
    }

    /** Reads a successful response body. */
    @FunctionalInterface
    public interface BodyReader {
        /**
         * @param body the body of a 2xx response
         * @param model the requested model
         * @return the response, without provider id, cost or latency
         * @throws RuntimeException of any kind if the body is not what the protocol defines
         */
        ChatResponse read(byte[] body, String model);
    }

    private final String providerId;
    private final HttpTransport transport;
    private final String secret;
    private final Clock clock;
    private final List<String> requestIdHeaders;
    private final ErrorReader errors;

    /**
     * @param providerId the provider id, for error reports
     * @param transport the provider's transport
     * @param secret a credential to mask in error messages, or {@code null}
     * @param clock the clock {@code Retry-After} dates are read against
     * @param requestIdHeaders the response headers that may carry the provider's request id, in order
     * @param classifier the provider's error classification
     */
    public ProviderEndpoint(String providerId, HttpTransport transport, String secret, Clock clock,
            List<String> requestIdHeaders, ErrorClassifier classifier) {
        this(providerId, transport, secret, clock, requestIdHeaders, ErrorReader.of(classifier));
    }

    /**
     * @param providerId the provider id, for error reports
     * @param transport the provider's transport
     * @param secret a credential to mask in error messages, or {@code null}
     * @param clock the clock {@code Retry-After} dates are read against
     * @param requestIdHeaders the response headers that may carry the provider's request id, in order
     * @param errors reads the provider's error responses
     */
    public ProviderEndpoint(String providerId, HttpTransport transport, String secret, Clock clock,
            List<String> requestIdHeaders, ErrorReader errors) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.secret = secret;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestIdHeaders = List.copyOf(requestIdHeaders);
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** @return the provider id */
    public String providerId() {
        return providerId;
    }

    /** @return the provider's transport */
    public HttpTransport transport() {
        return transport;
    }

    /**
     * Sends a request and reads its answer.
     *
     * @param request the request, headers and body set; its timeout is set by the transport
     * @param model the requested model
     * @param reader reads a 2xx body
     * @return the response, with the provider's request id
     * @throws LlmException for every failure, classified
     */
    public ChatResponse exchange(HttpRequest.Builder request, String model, BodyReader reader) {
        return exchange(request, model, reader, secret);
    }

    /**
     * Sends a request whose credential changes per request, and reads its answer.
     *
     * @param request the request, headers and body set
     * @param model the requested model
     * @param reader reads a 2xx body
     * @param requestSecret this request's credential, masked in every failure
     * @return the response, with the provider's request id
     * @throws LlmException for every failure, classified
     */
    public ChatResponse exchange(HttpRequest.Builder request, String model, BodyReader reader, String requestSecret) {
        HttpResponse<byte[]> response = transport.send(request, model);
        String requestId = requestId(response.headers());
        int status = response.statusCode();
        if (status >= 400) {
            throw error(status, response.headers(), response.body(), model, requestId, requestSecret);
        }
        if (status < 200 || status >= 300) {
            throw invalidResponse(model, requestId, "unexpected HTTP status " + status, null);
        }
        ChatResponse answer;
        try {
            answer = reader.read(response.body(), model);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider(providerId).model(model)
                    .requestId(requestId).message(Secrets.mask(Secrets.mask("malformed response body: " + e.getMessage(),
                            secret), requestSecret)).cause(Secrets.mask(e, secret, requestSecret)).build();
        }
        return requestId == null || answer.requestId().isPresent() ? answer
                : answer.toBuilder().requestId(requestId).build();
    }

    /**
     * Sends a request whose answer is streamed, and checks its status before any of the stream
     * is read.
     *
     * @param request the request, headers and body set
     * @param model the requested model
     * @return the open stream, which must be closed
     * @throws LlmException if the request fails or the provider answers with an error status
     */
    public OpenedStream openStream(HttpRequest.Builder request, String model) {
        return openStream(request, model, secret);
    }

    /**
     * Sends a request whose answer is streamed and whose credential changes per request.
     *
     * @param request the request, headers and body set
     * @param model the requested model
     * @param requestSecret this request's credential, masked in every failure
     * @return the open stream, which must be closed
     * @throws LlmException if the request fails or the provider answers with an error status
     */
    public OpenedStream openStream(HttpRequest.Builder request, String model, String requestSecret) {
        OpenedStream opened = transport.stream(request, model);
        String requestId = requestId(opened.headers());
        int status = opened.status();
        if (status >= 200 && status < 300) {
            return opened.withRequestId(requestId);
        }
        byte[] body;
        try {
            body = opened.readAll();
        } finally {
            opened.close();
        }
        if (status >= 400) {
            throw error(status, opened.headers(), body, model, requestId, requestSecret);
        }
        throw invalidResponse(model, requestId, "unexpected HTTP status " + status, null);
    }

    /**
     * @param headers response headers
     * @return the provider's request id, or {@code null}
     */
    public String requestId(HttpHeaders headers) {
        for (String name : requestIdHeaders) {
            var value = headers.firstValue(name);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    /**
     * @param response a response with an error status
     * @param model the requested model
     * @param requestId the provider's request id, or {@code null}
     * @return the classified failure
     */
    public LlmException error(HttpResponse<byte[]> response, String model, String requestId) {
        return error(response.statusCode(), response.headers(), response.body(), model, requestId, secret);
    }

    private LlmException error(int status, HttpHeaders headers, byte[] bytes, String model, String requestId,
            String requestSecret) {
        String mask = requestSecret != null ? requestSecret : secret;
        LlmException.Builder failure = errors.read(status, headers, bytes == null ? new byte[0] : bytes, mask)
                .provider(providerId)
                .model(model)
                .httpStatus(status)
                .requestId(requestId);
        RetryAfter.from(headers, clock).ifPresent(failure::retryAfter);
        return failure.build();
    }

    /**
     * @param model the requested model
     * @param requestId the provider's request id, or {@code null}
     * @param message what is wrong with the answer
     * @param cause the parser's failure, or {@code null}
     * @return a failure of category {@link ErrorCategory#INVALID_RESPONSE}
     */
    public LlmException invalidResponse(String model, String requestId, String message, Throwable cause) {
        return LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider(providerId).model(model)
                .requestId(requestId).message(Secrets.mask(message, secret)).cause(Secrets.mask(cause, secret)).build();
    }
}
