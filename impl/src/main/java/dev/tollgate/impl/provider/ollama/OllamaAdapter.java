package dev.tollgate.impl.provider.ollama;

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
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates clients of Ollama's native chat API ({@code type=ollama}).
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ul>
 *   <li>{@code base-url}, default {@value #DEFAULT_BASE_URL}; the client posts to
 *       {@code <base-url>/api/chat};</li>
 *   <li>{@code api-key}, optional: a local Ollama needs none, a hosted or proxied one (ollama.com,
 *       a gateway) gets it as {@code Authorization: Bearer};</li>
 *   <li>{@code keep-alive}, optional: how long Ollama keeps the model loaded after a request,
 *       sent as {@code keep_alive}; a Go duration such as {@code 10m} or {@code 1h30m}, or a whole
 *       number of seconds ({@code 0} unloads at once, a negative number keeps it loaded).
 *       Unset, Ollama applies its own default (five minutes, or {@code OLLAMA_KEEP_ALIVE}).</li>
 * </ul>
 *
 * <p>Ollama sends no request id.
 */
public final class OllamaAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "ollama";
    /** A local Ollama on its default port. */
    public static final String DEFAULT_BASE_URL = "http://127.0.0.1:11434";

    static final String KEEP_ALIVE = "keep-alive";

    private static final Pattern SECONDS = Pattern.compile("-?\\d+");
    private static final Pattern GO_DURATION = Pattern.compile("-?(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        Object keepAlive = context.property(KEEP_ALIVE).map(value -> keepAlive(context, value)).orElse(null);
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of(), OllamaErrors::category);
        return new OllamaClient(BaseUrls.resolve(base, "/api/chat"), apiKey.orElse(null),
                new OllamaRequestWriter(keepAlive), endpoint);
    }

    /** @return the value as Ollama takes it: a number of seconds, or a duration string */
    private static Object keepAlive(ProviderContext context, String value) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw invalidKeepAlive(context, value, e);
            }
        }
        if (GO_DURATION.matcher(v).matches()) {
            return v;
        }
        throw invalidKeepAlive(context, value, null);
    }

    private static IllegalArgumentException invalidKeepAlive(ProviderContext context, String value, Throwable cause) {
        return new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(KEEP_ALIVE), value,
                "a duration such as 10m or 1h30m, or a whole number of seconds (0 unloads, -1 keeps loaded)"), cause);
    }
}
