package dev.tollgate.impl.http;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends the requests of one provider and turns every transport failure into an
 * {@link LlmException}. The whole exchange, body included, must finish within the provider's
 * timeout.
 */
public final class HttpTransport {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final String providerId;
    private final Duration timeout;

    private HttpTransport(HttpClient client, String providerId, Duration timeout) {
        this.client = client;
        this.providerId = providerId;
        this.timeout = timeout;
    }

    /**
     * Creates the transport of one provider.
     *
     * @param providerId the provider id, for error reports
     * @param baseUri the provider's base URL; plain {@code http} URLs are spoken as HTTP/1.1,
     *     never upgraded
     * @param timeout the deadline of one request
     * @return the transport
     */
    public static HttpTransport create(String providerId, URI baseUri, Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        builder.version("http".equalsIgnoreCase(baseUri.getScheme())
                ? HttpClient.Version.HTTP_1_1
                : HttpClient.Version.HTTP_2);
        return new HttpTransport(builder.build(), providerId, timeout);
    }

    /**
     * Creates the transport of one provider on a client built elsewhere, such as a stand-in that
     * answers without a network in a benchmark. Requests get the same headers and deadlines as on
     * a client of {@link #create(String, URI, Duration)}.
     *
     * @param providerId the provider id, for error reports
     * @param client the client that sends the requests
     * @param timeout the deadline of one request
     * @return the transport
     */
    public static HttpTransport over(String providerId, HttpClient client, Duration timeout) {
        return new HttpTransport(client, providerId, timeout);
    }

    /** @return the deadline of one request */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends a request and reads the whole body.
     *
     * @param request the request; its timeout is set here
     * @param model the requested model, for error reports
     * @return the response, whatever its status
     * @throws LlmException of category {@link ErrorCategory#TIMEOUT}, {@link ErrorCategory#NETWORK}
     *     or {@link ErrorCategory#CANCELLED}
     */
    public HttpResponse<byte[]> send(HttpRequest.Builder request, String model) {
        long start = System.nanoTime();
        OutboundHeaders.addTo(request);
        HttpRequest built = request.timeout(timeout).build();
        try {
            return client.send(built, new DeadlineBody(start + timeout.toNanos()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorCategory.CANCELLED, model, "interrupted while waiting for the provider", e);
        } catch (IOException e) {
            throw transportFailure(e, model);
        }
    }

    /**
     * Sends a request whose answer is streamed: waits for the status and headers within the
     * timeout, then leaves the body open under a deadline at the end of the timeout.
     *
     * @param request the request
     * @param model the requested model, for error reports
     * @return the open stream, whatever its status
     * @throws LlmException of category {@link ErrorCategory#TIMEOUT}, {@link ErrorCategory#NETWORK}
     *     or {@link ErrorCategory#CANCELLED}
     */
    public OpenedStream stream(HttpRequest.Builder request, String model) {
        long start = System.nanoTime();
        OutboundHeaders.addTo(request);
        HttpRequest built = request.timeout(timeout).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ErrorCategory.CANCELLED, model, "interrupted while waiting for the provider", e);
        } catch (IOException e) {
            throw transportFailure(e, model);
        }
        Duration remaining = timeout.minusNanos(System.nanoTime() - start);
        return OpenedStream.open(providerId, model, response.statusCode(), response.headers(), response.body(),
                timeout, remaining.isNegative() ? Duration.ZERO : remaining);
    }

    private LlmException transportFailure(Throwable cause, String model) {
        if (cause instanceof HttpConnectTimeoutException) {
            return failure(ErrorCategory.NETWORK, model, "could not connect within the connect timeout", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(model, cause);
        }
        if (cause instanceof ConnectException) {
            return failure(ErrorCategory.NETWORK, model, "connection refused", cause);
        }
        if (cause instanceof IOException) {
            String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return failure(ErrorCategory.NETWORK, model, "connection failed: " + detail, cause);
        }
        return failure(ErrorCategory.NETWORK, model, "request failed: " + cause, cause);
    }

    private LlmException timedOut(String model, Throwable cause) {
        return failure(ErrorCategory.TIMEOUT, model, "no complete answer within " + timeout.toMillis() + " ms", cause);
    }

    private LlmException failure(ErrorCategory category, String model, String message, Throwable cause) {
        return LlmException.builder(category).provider(providerId).model(model).message(message).cause(cause).build();
    }
}
