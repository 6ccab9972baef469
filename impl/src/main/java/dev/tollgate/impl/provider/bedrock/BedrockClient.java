package dev.tollgate.impl.provider.bedrock;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.AnswerTool;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.RequestChecks;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client of Bedrock Runtime's Converse operations: {@code POST /model/{modelId}/converse}, and
 * {@code POST /model/{modelId}/converse-stream}, whose answer is an AWS event stream
 * ({@code application/vnd.amazon.eventstream}). Each body is signed (or the API key sent) exactly
 * as it goes out.
 */
final class BedrockClient implements ProviderClient {
    /** The Maven coordinates of the AWS event stream codec that streams need. */
    static final String EVENT_STREAM_ARTIFACT = "software.amazon.awssdk:eventstream";

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Accept", "application/json");
    private static final Map<String, String> STREAM_HEADERS = Map.of(
            "Content-Type", "application/json",
            "Accept", "application/vnd.amazon.eventstream");

    private final URI base;
    private final String region;
    private final RequestSigner signer;
    private final ProviderEndpoint endpoint;
    private final List<String> secrets;
    private final boolean eventStreamCodec;

    /**
     * @param base the base URL of Bedrock Runtime
     * @param region the region, for {@link #toString()}
     * @param signer adds the credentials to each request
     * @param endpoint the transport, with Bedrock's error reading
     * @param secrets the credentials to mask in error messages, the longest-lived first
     * @param eventStreamCodec whether the AWS event stream codec is on the class path
     */
    BedrockClient(URI base, String region, RequestSigner signer, ProviderEndpoint endpoint, List<String> secrets,
            boolean eventStreamCodec) {
        this.base = base;
        this.region = region;
        this.signer = signer;
        this.endpoint = endpoint;
        this.secrets = List.copyOf(secrets);
        this.eventStreamCodec = eventStreamCodec;
    }

    @Override
    public java.util.Set<String> unsupportedOptions() {
        return java.util.Set.of("seed");
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        String answerTool = AnswerTool.nameOf(request.responseFormat());
        HttpRequest.Builder http = signedRequest(request, model, "converse", JSON_HEADERS);
        return endpoint.exchange(http, model, (body, m) -> BedrockResponseReader.read(body, m, answerTool));
    }

    @Override
    public ProviderStream stream(ChatRequest request) {
        String model = request.model().orElseThrow();
        if (!eventStreamCodec) {
            throw RequestChecks.invalid(endpoint.providerId(), model, Messages.librariesMissing(endpoint.providerId(),
                    BedrockAdapter.TYPE, List.of(EVENT_STREAM_ARTIFACT),
                    "add it (version 2.57.8 or later) to stream answers"));
        }
        HttpRequest.Builder http = signedRequest(request, model, "converse-stream", STREAM_HEADERS);
        OpenedStream opened = endpoint.openStream(http, model);
        return WireStream.eventStream(opened, new BedrockStreamHandler(endpoint.providerId(), model,
                opened.requestId(), secrets, AnswerTool.nameOf(request.responseFormat())));
    }

    private HttpRequest.Builder signedRequest(ChatRequest request, String model, String operation,
            Map<String, String> fixedHeaders) {
        byte[] body = BedrockRequestWriter.write(request, endpoint.providerId());
        URI url = operationUrl(base, model, operation);
        Map<String, String> headers = new LinkedHashMap<>(fixedHeaders);
        headers.putAll(signer.sign(url, fixedHeaders, body, model));
        HttpRequest.Builder http = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(http::header);
        return http;
    }

    /**
     * @param base the base URL
     * @param modelId a model id, inference profile id or ARN
     * @param operation {@code converse} or {@code converse-stream}
     * @return the operation's URL, with the model id percent-encoded as one path segment, as the
     *     AWS SDKs encode it (so {@code :} and {@code /} are escaped)
     */
    static URI operationUrl(URI base, String modelId, String operation) {
        String segment = URLEncoder.encode(modelId, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
        return BaseUrls.resolve(base, "/model/" + segment + "/" + operation);
    }

    @Override
    public String toString() {
        return "BedrockClient[" + endpoint.providerId() + ", " + base + ", " + region + "]";
    }
}
