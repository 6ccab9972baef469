package dev.tollgate.impl.provider.cohere;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.http.HttpTransport;
import dev.tollgate.impl.http.ProviderEndpoint;
import dev.tollgate.impl.provider.BaseUrls;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Creates clients of Cohere's v2 Chat API ({@code type=cohere}).
 *
 * <p>Properties under {@code tollgate.providers.<id>.}: {@code base-url} (default
 * {@value #DEFAULT_BASE_URL}; the client posts to {@code <base-url>/v2/chat}) and {@code api-key}
 * (required for Cohere's own hosts, optional for a private deployment behind another URL).
 *
 * <p>Cohere documents no request-id header; its responses carry a per-request
 * {@code X-Debug-Trace-ID} (which it also exposes to browsers), and that is reported as the request
 * id where present.
 */
public final class CohereAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "cohere";
    /** Cohere's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.cohere.com";

    private static final Set<String> COHERE_HOSTS = Set.of("api.cohere.com", "api.cohere.ai");
    private static final String TRACE_ID_HEADER = "x-debug-trace-id";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        if (apiKey.isEmpty() && COHERE_HOSTS.contains(base.getHost().toLowerCase(Locale.ROOT))) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ConfigKeys.API_KEY),
                    "Cohere needs an API key; set it, for example to ${CO_API_KEY}"));
        }
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of(TRACE_ID_HEADER), CohereErrors::category);
        return new CohereClient(BaseUrls.resolve(base, "/v2/chat"), apiKey.orElse(null), endpoint);
    }
}
