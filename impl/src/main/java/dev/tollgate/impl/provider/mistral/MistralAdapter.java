package dev.tollgate.impl.provider.mistral;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import dev.tollgate.impl.provider.openai.OpenAiClient;
import dev.tollgate.impl.provider.openai.OpenAiRequestWriter;
import dev.tollgate.impl.provider.openai.OpenAiStreamErrors;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Creates clients of Mistral's chat completions ({@code type=mistral}), {@code POST
 * <base-url>/v1/chat/completions}. The body is the Chat Completions body with the seed as
 * {@code random_seed} and the output limit as {@code max_tokens}; tools, tool messages and
 * {@code response_format} ({@code json_object}, {@code json_schema}) have OpenAI's shape. Mistral
 * rejects fields it does not know (HTTP 422), so nothing else is renamed or added: a streamed
 * request sends no {@code stream_options}, since Mistral reports the usage with the finish in the
 * last chunk of every stream.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}: {@code base-url} (default
 * {@value #DEFAULT_BASE_URL}; a self-hosted deployment elsewhere) and {@code api-key}, sent as a
 * bearer token, required for Mistral's own API.
 */
public final class MistralAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "mistral";
    /** Mistral's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.mistral.ai";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        if (apiKey.isEmpty() && URI.create(DEFAULT_BASE_URL).getHost().equalsIgnoreCase(base.getHost())) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ConfigKeys.API_KEY),
                    "Mistral needs an API key; set it, for example to ${MISTRAL_API_KEY}"));
        }
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of("mistral-correlation-id", "x-kong-request-id"), MistralErrors::category);
        URI url = BaseUrls.resolve(base, "/v1/chat/completions");
        return new OpenAiClient(model -> url,
                apiKey.map(key -> Map.of("Authorization", "Bearer " + key)).orElse(Map.of()),
                new OpenAiRequestWriter(OpenAiRequestWriter.MAX_TOKENS).withSeedField("random_seed")
                        .withoutStreamOptions(),
                endpoint, new OpenAiStreamErrors(MistralErrors::category, apiKey.orElse(null)), url.toString())
                .rejecting(OpenAiClient.LOCAL_SERVER_EXTRAS);
    }
}
