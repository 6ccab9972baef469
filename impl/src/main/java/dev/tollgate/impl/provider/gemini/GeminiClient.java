package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.api.spi.ProviderStream;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.OpenedStream;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.RequestChecks;
import dev.tollgate.impl.stream.WireStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client of one {@code generateContent} API, the Gemini API's or Vertex AI's: the model is part
 * of the URL, {@code <base-url><models-path><model>:generateContent}, or
 * {@code :streamGenerateContent?alt=sse} for a stream of server-sent events. Error responses are
 * classified by {@link GeminiErrors}; the secret they mask is the credential of each request,
 * since a supplied access token changes from request to request.
 */
final class GeminiClient implements ProviderClient {
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final URI base;
    private final String modelsPath;
    private final List<String> modelPrefixes;
    private final GoogleCredential credential;
    private final ProviderEndpoint endpoint;
    private final GeminiResponseReader reader;

    private GeminiClient(URI base, String modelsPath, List<String> modelPrefixes, GoogleCredential credential,
            ProviderEndpoint endpoint) {
        this.base = base;
        this.modelsPath = modelsPath;
        this.modelPrefixes = List.copyOf(modelPrefixes);
        this.credential = credential;
        this.endpoint = endpoint;
        this.reader = new GeminiResponseReader(endpoint.providerId());
    }

    /**
     * @param context the provider's configuration, for its id and timeout
     * @param base the base URL
     * @param modelsPath the path under it that model ids are appended to, ending in {@code /}
     * @param modelPrefixes prefixes of resource names a model may be given as, such as {@code models/}
     * @param credential what authenticates each request
     * @param configuredSecret the credential from the configuration, or {@code null}
     * @return the client
     */
    static GeminiClient create(ProviderContext context, URI base, String modelsPath, List<String> modelPrefixes,
            GoogleCredential credential, String configuredSecret) {
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), configuredSecret, Clock.systemUTC(),
                List.of(), GeminiErrors::read);
        return new GeminiClient(base, modelsPath, modelPrefixes, credential, endpoint);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Call call = call(request, ":generateContent", "application/json");
        return endpoint.exchange(call.http(), call.model(), reader::read, call.secret());
    }

    @Override
    public ProviderStream stream(ChatRequest request) {
        Call call = call(request, ":streamGenerateContent?alt=sse", "text/event-stream");
        OpenedStream opened = endpoint.openStream(call.http(), call.model(), call.secret());
        return WireStream.sse(opened, new GeminiStreamHandler(endpoint.providerId(), call.model(), call.secret()));
    }

    /** A request ready to send, with the credential it carries. */
    private record Call(String model, String secret, HttpRequest.Builder http) {
        @Override
        public String toString() {
            return "Call[" + model + "]";
        }
    }

    private Call call(ChatRequest request, String method, String accept) {
        String model = modelId(request.model().orElseThrow());
        byte[] body = GeminiRequestWriter.write(request, endpoint.providerId(), model);
        String secret = credential.secret(model);
        HttpRequest.Builder http = HttpRequest.newBuilder(BaseUrls.resolve(base, modelsPath + model + method))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        credential.apply(http, secret);
        return new Call(model, secret, http);
    }

    /**
     * @param requested the model as the request names it: an id, or a resource name ending in one
     * @return the id, safe to put in the URL path
     * @throws LlmException of category INVALID_REQUEST if it is not a model id
     */
    private String modelId(String requested) {
        String id = requested;
        for (String prefix : modelPrefixes) {
            if (id.startsWith(prefix)) {
                id = id.substring(prefix.length());
                break;
            }
        }
        if (!MODEL_ID.matcher(id).matches()) {
            throw RequestChecks.invalid(endpoint.providerId(), requested, "model '" + requested
                    + "' is not a model id such as gemini-2.5-flash" + (modelPrefixes.isEmpty() ? ""
                    : " or " + modelPrefixes.get(0) + "gemini-2.5-flash"));
        }
        return id;
    }

    @Override
    public String toString() {
        return "GeminiClient[" + endpoint.providerId() + ", " + base + modelsPath + "]";
    }
}
