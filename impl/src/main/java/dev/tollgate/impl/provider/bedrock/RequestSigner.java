package dev.tollgate.impl.provider.bedrock;

import java.net.URI;
import java.util.Map;

/** Computes the credential headers of one Converse request. */
@FunctionalInterface
interface RequestSigner {
    /**
     * @param url the request URL, path already percent-encoded as sent
     * @param headers the headers the request is sent with, besides those returned here
     * @param body the exact body bytes that are sent
     * @param model the requested model, for error reports
     * @return the headers to add, such as {@code Authorization}
     * @throws dev.tollgate.api.LlmException of category
     *     {@link dev.tollgate.api.ErrorCategory#AUTHENTICATION} if no credentials can be found
     */
    Map<String, String> sign(URI url, Map<String, String> headers, byte[] body, String model);

    /**
     * @param apiKey a Bedrock API key
     * @return a signer that sends it as a bearer token
     */
    static RequestSigner bearer(String apiKey) {
        return (url, headers, body, model) -> Map.of("Authorization", "Bearer " + apiKey);
    }
}
