package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.http.HttpRequest;

/** A client of one Cohere v2 Chat endpoint. */
final class CohereClient implements ProviderClient {
    private final URI url;
    private final String apiKey;
    private final ProviderEndpoint endpoint;

    CohereClient(URI url, String apiKey, ProviderEndpoint endpoint) {
        this.url = url;
        this.apiKey = apiKey;
        this.endpoint = endpoint;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return endpoint.exchange(http(request, false), request.model().orElseThrow(), CohereResponseReader::read);
    }

    /** Streams the answer as server-sent events; see {@link CohereStreamHandler}. */
    @Override
    public ProviderStream stream(ChatRequest request) {
        String model = request.model().orElseThrow();
        OpenedStream opened = endpoint.openStream(http(request, true), model);
        return WireStream.sse(opened, new CohereStreamHandler(endpoint.providerId(), model, opened.requestId(), apiKey));
    }

    private HttpRequest.Builder http(ChatRequest request, boolean stream) {
        byte[] body = CohereRequestWriter.write(request, endpoint.providerId(), stream);
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        return http;
    }

    @Override
    public String toString() {
        return "CohereClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
