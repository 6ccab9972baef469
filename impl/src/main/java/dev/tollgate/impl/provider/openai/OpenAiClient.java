package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.ProviderEndpoint;
import java.net.URI;
import java.net.http.HttpRequest;

/** A client of one Chat Completions endpoint. */
final class OpenAiClient implements ProviderClient {
    private final URI url;
    private final String apiKey;
    private final String organization;
    private final String project;
    private final OpenAiRequestWriter writer;
    private final ProviderEndpoint endpoint;

    OpenAiClient(URI url, String apiKey, String organization, String project, OpenAiRequestWriter writer,
            ProviderEndpoint endpoint) {
        this.url = url;
        this.apiKey = apiKey;
        this.organization = organization;
        this.project = project;
        this.writer = writer;
        this.endpoint = endpoint;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId())));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        if (organization != null) {
            http.header("OpenAI-Organization", organization);
        }
        if (project != null) {
            http.header("OpenAI-Project", project);
        }
        return endpoint.exchange(http, model, OpenAiResponseReader::read);
    }

    @Override
    public String toString() {
        return "OpenAiClient[" + endpoint.providerId() + ", " + url + "]";
    }
}
