package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Function;

/**
 * A client of one Chat Completions endpoint. The members of the family differ in where a model's
 * endpoint is (in the URL for Azure deployments) and which headers carry the credentials; both are
 * given by the adapter.
 */
public final class OpenAiClient implements ProviderClient {
    private final Function<String, URI> url;
    private final Map<String, String> headers;
    private final OpenAiRequestWriter writer;
    private final ProviderEndpoint endpoint;
    private final String description;

    /**
     * @param url the endpoint URL of a model
     * @param headers the headers of every request, credentials included; never shown
     * @param writer writes the request body
     * @param endpoint sends requests and classifies failures
     * @param description where the endpoint is, for {@link #toString()}; no secret
     */
    public OpenAiClient(Function<String, URI> url, Map<String, String> headers, OpenAiRequestWriter writer,
            ProviderEndpoint endpoint, String description) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.writer = writer;
        this.endpoint = endpoint;
        this.description = description;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        HttpRequest.Builder http = HttpRequest.newBuilder(url.apply(model))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId())));
        headers.forEach(http::header);
        return endpoint.exchange(http, model, OpenAiResponseReader::read);
    }

    @Override
    public String toString() {
        return "OpenAiClient[" + endpoint.providerId() + ", " + description + "]";
    }
}
