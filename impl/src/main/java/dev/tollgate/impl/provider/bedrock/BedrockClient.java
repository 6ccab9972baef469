package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of Bedrock Runtime's Converse operation: {@code POST /model/{modelId}/converse}, the
 * body signed (or the API key sent) exactly as it goes out.
 */
final class BedrockClient implements ProviderClient {
    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Accept", "application/json");

    private final URI base;
    private final String region;
    private final RequestSigner signer;
    private final ProviderEndpoint endpoint;
    private final List<String> secrets;
    private final Clock clock;

    /**
     * @param base the base URL of Bedrock Runtime
     * @param region the region, for {@link #toString()}
     * @param signer adds the credentials to each request
     * @param endpoint the transport, request-id headers and invalid-response reports
     * @param secrets the credentials to mask in error messages, the longest-lived first
     * @param clock the clock {@code Retry-After} dates are read against
     */
    BedrockClient(URI base, String region, RequestSigner signer, ProviderEndpoint endpoint, List<String> secrets,
            Clock clock) {
        this.base = base;
        this.region = region;
        this.signer = signer;
        this.endpoint = endpoint;
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        byte[] body = BedrockRequestWriter.write(request, endpoint.providerId());
        URI url = converseUrl(base, model);
        Map<String, String> headers = new LinkedHashMap<>(JSON_HEADERS);
        headers.putAll(signer.sign(url, JSON_HEADERS, body, model));
        HttpRequest.Builder http = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(http::header);
        return read(endpoint.transport().send(http, model), model);
    }

    /**
     * Reads Bedrock's answer. Unlike {@link ProviderEndpoint#exchange}, an error is classified by
     * the {@code x-amzn-ErrorType} header, which is also Bedrock's error code.
     */
    private ChatResponse read(HttpResponse<byte[]> response, String model) {
        String requestId = endpoint.requestId(response.headers());
        int status = response.statusCode();
        if (status >= 400) {
            throw BedrockErrors.exception(endpoint.providerId(), response, model, requestId, secrets, clock);
        }
        if (status < 200 || status >= 300) {
            throw endpoint.invalidResponse(model, requestId, "unexpected HTTP status " + status, null);
        }
        try {
            return BedrockResponseReader.read(response.body(), model).toBuilder().requestId(requestId).build();
        } catch (RuntimeException e) {
            throw endpoint.invalidResponse(model, requestId, "malformed response body: " + e.getMessage(), e);
        }
    }

    /**
     * @param base the base URL
     * @param modelId a model id, inference profile id or ARN
     * @return the Converse URL, with the model id percent-encoded as one path segment, as the AWS
     *     SDKs encode it (so {@code :} and {@code /} are escaped)
     */
    static URI converseUrl(URI base, String modelId) {
        String segment = URLEncoder.encode(modelId, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
        return BaseUrls.resolve(base, "/model/" + segment + "/converse");
    }

    @Override
    public String toString() {
        return "BedrockClient[" + endpoint.providerId() + ", " + base + ", " + region + "]";
    }
}
