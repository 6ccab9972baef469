package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.impl.http.HttpTransport;
import jakarta.json.JsonException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** A client of one Chat Completions endpoint. */
final class OpenAiClient implements ProviderClient {
    private final String providerId;
    private final URI endpoint;
    private final String apiKey;
    private final String organization;
    private final String project;
    private final OpenAiRequestWriter writer;
    private final HttpTransport transport;
    private final Clock clock;

    OpenAiClient(String providerId, URI endpoint, String apiKey, String organization, String project,
            OpenAiRequestWriter writer, HttpTransport transport, Clock clock) {
        this.providerId = providerId;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.organization = organization;
        this.project = project;
        this.writer = writer;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, providerId)));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        if (organization != null) {
            http.header("OpenAI-Organization", organization);
        }
        if (project != null) {
            http.header("OpenAI-Project", project);
        }
        HttpResponse<byte[]> response = transport.send(http, model);
        String requestId = response.headers().firstValue("x-request-id").orElse(null);
        if (response.statusCode() >= 400) {
            throw OpenAiErrors.of(response, providerId, model, apiKey, requestId, clock);
        }
        if (response.statusCode() != 200) {
            throw invalidResponse(model, requestId, "unexpected HTTP status " + response.statusCode(), null);
        }
        try {
            return OpenAiResponseReader.read(response.body(), model).toBuilder().requestId(requestId).build();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw invalidResponse(model, requestId, "malformed Chat Completions body: " + e.getMessage(), e);
        }
    }

    private LlmException invalidResponse(String model, String requestId, String message, Throwable cause) {
        return LlmException.builder(ErrorCategory.INVALID_RESPONSE).provider(providerId).model(model)
                .requestId(requestId).message(message).cause(cause).build();
    }

    @Override
    public String toString() {
        return "OpenAiClient[" + providerId + ", " + endpoint + "]";
    }
}
