package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.impl.http.ErrorBody;
import dev.tollgate.impl.http.ProviderEndpoint.ErrorClassifier;
import java.net.http.HttpHeaders;
import java.util.Map;

/**
 * Turns an error a Chat Completions stream reports after its HTTP 200 into the failure it means,
 * classified by the provider's own {@link ErrorClassifier}. The shapes: OpenAI's
 * {@code {"error":{"message","type"}}}, OpenRouter's chunk with an {@code error} object whose
 * {@code code} is an HTTP status or a word, and vLLM's {@code {"object":"error","message","code"}}.
 *
 * <p>The stream's status was 200, so the classifier is given the status the error implies: its
 * code when that is an HTTP error status, 429 when it speaks of a rate limit, and 500 otherwise, a
 * failure of the provider after it accepted the request.
 */
public final class OpenAiStreamErrors {
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    private final ErrorClassifier classifier;
    private final String secret;

    /**
     * @param classifier the provider's classification of error responses
     * @param secret a credential to mask in the provider's message, or {@code null}
     */
    public OpenAiStreamErrors(ErrorClassifier classifier, String secret) {
        this.classifier = classifier;
        this.secret = secret;
    }

    /**
     * @param chunk the data of the event that reports the error
     * @param providerId the provider id
     * @param model the requested model
     * @param requestId the provider's request id, or {@code null}
     * @return the classified failure, with the provider's code and message
     */
    LlmException failure(byte[] chunk, String providerId, String model, String requestId) {
        ErrorBody body = ErrorBody.of(NO_HEADERS, chunk, secret);
        ErrorCategory category = classifier.category(impliedStatus(body), body, NO_HEADERS);
        return LlmException.builder(category)
                .provider(providerId)
                .model(model)
                .requestId(requestId)
                .providerErrorCode(body.code() != null ? body.code() : body.type())
                .providerMessage(body.message())
                .message("the provider reported an error in the stream")
                .build();
    }

    private static int impliedStatus(ErrorBody body) {
        if (body.code() != null && body.code().matches("[45]\\d\\d")) {
            return Integer.parseInt(body.code());
        }
        return body.mentions("rate_limit", "rate limit") ? 429 : 500;
    }
}
