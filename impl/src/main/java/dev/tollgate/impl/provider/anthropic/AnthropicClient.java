package dev.tollgate.impl.provider.anthropic;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
import java.net.URI;
import java.net.http.HttpRequest;

/** A client of one Messages API endpoint. */
final class AnthropicClient implements ProviderClient {
    private final URI url;
    private final AnthropicHeaders headers;
    private final AnthropicRequestWriter writer;
    private final ProviderEndpoint endpoint;

    AnthropicClient(URI url, AnthropicHeaders headers, AnthropicRequestWriter writer, ProviderEndpoint endpoint) {
        this.url = url;
        this.headers = headers;
        this.writer = writer;
        this.endpoint = endpoint;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId())));
        headers.addTo(http);
        return endpoint.exchange(http, model, AnthropicResponseReader::read);
    }

    @Override
    public String toString() {
        return "AnthropicClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
