package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A client of one Chat Completions endpoint. The members of the family differ in where a model's
 * endpoint is (in the URL for Azure deployments) and which headers carry the credentials; both are
 * given by the adapter. A streamed answer is read as server-sent events ({@link OpenAiStreamHandler}).
 */
public final class OpenAiClient implements ProviderClient {
    private final Function<String, URI> url;
    private final Map<String, String> headers;
    private final OpenAiRequestWriter writer;
    private final ProviderEndpoint endpoint;
    private final OpenAiStreamErrors streamErrors;
    private final String description;
    private final Set<String> rejectedExtras;

    /**
     * Sampling parameters of local servers (Ollama, vLLM, llama.cpp) that OpenAI's own API, Azure
     * OpenAI and Mistral refuse.
     */
    public static final Set<String> LOCAL_SERVER_EXTRAS = Set.of("top_k", "repeat_penalty", "repetition_penalty",
            "min_p", "typical_p", "num_ctx", "num_predict", "mirostat", "mirostat_eta", "mirostat_tau", "keep_alive");

    /**
     * @param url the endpoint URL of a model
     * @param headers the headers of every request, credentials included; never shown
     * @param writer writes the request body
     * @param endpoint sends requests and classifies failures
     * @param streamErrors classifies the errors a stream reports, as the endpoint classifies error
     *     responses
     * @param description where the endpoint is, for {@link #toString()}; no secret
     */
    public OpenAiClient(Function<String, URI> url, Map<String, String> headers, OpenAiRequestWriter writer,
            ProviderEndpoint endpoint, OpenAiStreamErrors streamErrors, String description) {
        this(url, headers, writer, endpoint, streamErrors, description, Set.of());
    }

    private OpenAiClient(Function<String, URI> url, Map<String, String> headers, OpenAiRequestWriter writer,
            ProviderEndpoint endpoint, OpenAiStreamErrors streamErrors, String description, Set<String> rejectedExtras) {
        this.rejectedExtras = Set.copyOf(rejectedExtras);
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.writer = writer;
        this.endpoint = endpoint;
        this.streamErrors = streamErrors;
        this.description = description;
    }

    /**
     * @param extras extra parameters the server is known to refuse
     * @return this client, refusing them before sending
     */
    public OpenAiClient rejecting(Set<String> extras) {
        return new OpenAiClient(url, headers, writer, endpoint, streamErrors, description, extras);
    }

    @Override
    public Set<String> rejectedExtras() {
        return rejectedExtras;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = request.model().orElseThrow();
        return endpoint.exchange(request(request, model, false), model, OpenAiResponseReader::read);
    }

    @Override
    public ProviderStream stream(ChatRequest request) {
        String model = request.model().orElseThrow();
        OpenedStream opened = endpoint.openStream(request(request, model, true), model);
        return WireStream.sse(opened, new OpenAiStreamHandler(endpoint.providerId(), model, opened.requestId(),
                streamErrors));
    }

    private HttpRequest.Builder request(ChatRequest request, String model, boolean stream) {
        HttpRequest.Builder http = HttpRequest.newBuilder(url.apply(model))
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(writer.write(request, endpoint.providerId(), stream)));
        headers.forEach(http::header);
        return http;
    }

    @Override
    public String toString() {
        return "OpenAiClient[" + endpoint.providerId() + ", " + description + "]";
    }
}
