package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.http.HttpRequest;

/** A client of one Ollama server's chat endpoint. */
final class OllamaClient implements ProviderClient {
    private final URI url;
    private final String apiKey;
    private final OllamaRequestWriter writer;
    private final ProviderEndpoint endpoint;

    OllamaClient(URI url, String apiKey, OllamaRequestWriter writer, ProviderEndpoint endpoint) {
        this.url = url;
        this.apiKey = apiKey;
        this.writer = writer;
        this.endpoint = endpoint;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return endpoint.exchange(http(request, false), request.model().orElseThrow(), OllamaResponseReader::read);
    }

    /** Streams the answer as newline-delimited JSON; see {@link OllamaStreamHandler}. */
    @Override
    public ProviderStream stream(ChatRequest request) {
        String model = request.model().orElseThrow();
        OpenedStream opened = endpoint.openStream(http(request, true), model);
        return WireStream.ndjson(opened, new OllamaStreamHandler(endpoint.providerId(), model, apiKey));
    }

    private HttpRequest.Builder http(ChatRequest request, boolean stream) {
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "application/x-ndjson" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId(), stream)));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        return http;
    }

    @Override
    public String toString() {
        return "OllamaClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
