package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.RequestChecks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client of one {@code generateContent} API, the Gemini API's or Vertex AI's: the model is part
 * of the URL, {@code <base-url><models-path><model>:generateContent}.
 *
 * <p>Error responses are read here rather than by {@link ProviderEndpoint#exchange}, because their
 * classification needs the typed {@code details} of the body and a supplied access token changes
 * from request to request, so the secret to mask does too.
 */
final class GeminiClient implements ProviderClient {
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final URI base;
    private final String modelsPath;
    private final List<String> modelPrefixes;
    private final GoogleCredential credential;
    private final ProviderEndpoint endpoint;
    private final GeminiErrors errors;
    private final GeminiResponseReader reader;

    private GeminiClient(URI base, String modelsPath, List<String> modelPrefixes, GoogleCredential credential,
            ProviderEndpoint endpoint) {
        this.base = base;
        this.modelsPath = modelsPath;
        this.modelPrefixes = List.copyOf(modelPrefixes);
        this.credential = credential;
        this.endpoint = endpoint;
        this.errors = new GeminiErrors(endpoint.providerId(), Clock.systemUTC());
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
                List.of(), (status, body, headers) -> GeminiErrors.category(status, body, GoogleErrorDetails.NONE));
        return new GeminiClient(base, modelsPath, modelPrefixes, credential, endpoint);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String model = modelId(request.model().orElseThrow());
        byte[] body = GeminiRequestWriter.write(request, endpoint.providerId(), model);
        String secret = credential.secret(model);
        URI url = BaseUrls.resolve(base, modelsPath + model + ":generateContent");
        HttpRequest.Builder http = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        credential.apply(http, secret);
        HttpResponse<byte[]> response = endpoint.transport().send(http, model);
        int status = response.statusCode();
        if (status >= 400) {
            throw errors.error(response, model, secret);
        }
        if (status < 200 || status >= 300) {
            throw endpoint.invalidResponse(model, null, "unexpected HTTP status " + status, null);
        }
        try {
            return reader.read(response.body(), model);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw endpoint.invalidResponse(model, null, "malformed response body: " + e.getMessage(), e);
        }
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
