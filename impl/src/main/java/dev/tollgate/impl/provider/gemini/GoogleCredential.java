package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.AccessTokenSupplier;
import java.net.http.HttpRequest;
import java.util.function.UnaryOperator;

/**
 * The credential a request carries: an API key in {@code x-goog-api-key}, or an OAuth access
 * token as {@code Authorization: Bearer}, fixed or fetched from an {@link AccessTokenSupplier}
 * before every request.
 */
final class GoogleCredential {
    private final String header;
    private final String prefix;
    private final UnaryOperator<String> secretForModel;

    private GoogleCredential(String header, String prefix, UnaryOperator<String> secretForModel) {
        this.header = header;
        this.prefix = prefix;
        this.secretForModel = secretForModel;
    }

    /**
     * @param key an AI Studio API key
     * @return a credential sending it in {@code x-goog-api-key}
     */
    static GoogleCredential apiKey(String key) {
        return new GoogleCredential("x-goog-api-key", "", model -> key);
    }

    /**
     * @param token an OAuth access token
     * @return a credential sending it as a bearer token
     */
    static GoogleCredential accessToken(String token) {
        return new GoogleCredential("Authorization", "Bearer ", model -> token);
    }

    /**
     * @param supplier the application's supplier
     * @param providerId the provider id, passed to the supplier
     * @return a credential asking the supplier for a bearer token before every request
     */
    static GoogleCredential supplied(AccessTokenSupplier supplier, String providerId) {
        return new GoogleCredential("Authorization", "Bearer ", model -> fetch(supplier, providerId, model));
    }

    /** @return a credential that sends nothing, for a proxy that adds its own */
    static GoogleCredential none() {
        return new GoogleCredential(null, "", model -> null);
    }

    /**
     * @param model the requested model, for errors
     * @return the secret of the next request, or {@code null} if it sends none
     * @throws LlmException if the supplier fails
     */
    String secret(String model) {
        return secretForModel.apply(model);
    }

    /**
     * @param request the request to authenticate
     * @param secret the value {@link #secret(String)} returned
     */
    void apply(HttpRequest.Builder request, String secret) {
        if (header != null && secret != null) {
            request.header(header, prefix + secret);
        }
    }

    private static String fetch(AccessTokenSupplier supplier, String providerId, String model) {
        String token;
        try {
            token = supplier.accessToken(providerId);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(providerId, model, "the access token supplier " + supplier.getClass().getName()
                    + " failed: " + e, e);
        }
        if (token == null || token.isBlank()) {
            throw failure(providerId, model, "the access token supplier " + supplier.getClass().getName()
                    + " returned no token", null);
        }
        return token.strip();
    }

    private static LlmException failure(String providerId, String model, String message, Throwable cause) {
        return LlmException.builder(ErrorCategory.AUTHENTICATION).provider(providerId).model(model)
                .message(message).cause(cause).build();
    }
}
