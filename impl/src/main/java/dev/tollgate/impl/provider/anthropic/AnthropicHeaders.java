package dev.tollgate.impl.provider.anthropic;

import java.net.http.HttpRequest;

/**
 * The headers every Messages API request carries: the API key (if configured), the API version
 * and the beta features (if configured).
 *
 * @param apiKey the {@code x-api-key}, or {@code null}
 * @param version the {@code anthropic-version}
 * @param beta the {@code anthropic-beta} value, or {@code null}
 */
record AnthropicHeaders(String apiKey, String version, String beta) {

    /**
     * @param request the request
     * @param stream whether the answer is streamed, as server-sent events
     */
    void addTo(HttpRequest.Builder request, boolean stream) {
        request.header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .header("anthropic-version", version);
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        if (beta != null) {
            request.header("anthropic-beta", beta);
        }
    }

    @Override
    public String toString() {
        return "AnthropicHeaders[version=" + version + ", beta=" + beta + (apiKey == null ? "" : ", api key set")
                + "]";
    }
}
