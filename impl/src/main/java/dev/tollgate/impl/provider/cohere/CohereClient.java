package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
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
        String model = request.model().orElseThrow();
        byte[] body = CohereRequestWriter.write(request, endpoint.providerId());
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        return endpoint.exchange(http, model, CohereResponseReader::read);
    }

    @Override
    public String toString() {
        return "CohereClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
