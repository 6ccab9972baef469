package dev.tollgate.impl.provider.ollama;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
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
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId())));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        return endpoint.exchange(http, request.model().orElseThrow(), OllamaResponseReader::read);
    }

    @Override
    public String toString() {
        return "OllamaClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
