package dev.tollgate.impl.provider.anthropic;

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
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Creates clients of Anthropic's Messages API ({@code type=anthropic}).
 *
 * <p>Properties under {@code tollgate.providers.<id>.}:
 * <ul>
 *   <li>{@code base-url}, default {@value #DEFAULT_BASE_URL}; requests go to {@code <base-url>/v1/messages};</li>
 *   <li>{@code api-key}, sent as {@code x-api-key}; required for Anthropic's own API, optional for
 *       gateways under another host;</li>
 *   <li>{@code version}, the {@code anthropic-version} header, default {@value #DEFAULT_VERSION};</li>
 *   <li>{@code beta}, optional, sent as the {@code anthropic-beta} header (comma-separated beta names);</li>
 *   <li>{@code max-tokens}, default {@value #DEFAULT_MAX_TOKENS}: Anthropic requires {@code max_tokens}
 *       in every request, so this is sent when the request sets no maximum.</li>
 * </ul>
 */
public final class AnthropicAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "anthropic";
    /** Anthropic's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The API version sent when {@code version} is not set. */
    public static final String DEFAULT_VERSION = "2023-06-01";
    /** The output limit sent when neither the request nor {@code max-tokens} sets one. */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    static final String VERSION = "version";
    static final String BETA = "beta";
    static final String MAX_TOKENS = "max-tokens";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        if (apiKey.isEmpty() && "api.anthropic.com".equalsIgnoreCase(base.getHost())) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ConfigKeys.API_KEY),
                    "Anthropic needs an API key; set it, for example to ${ANTHROPIC_API_KEY}"));
        }
        AnthropicHeaders headers = new AnthropicHeaders(apiKey.orElse(null),
                context.property(VERSION).orElse(DEFAULT_VERSION), context.property(BETA).orElse(null));
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of("request-id"), AnthropicErrors::category);
        return new AnthropicClient(BaseUrls.resolve(base, "/v1/messages"), headers,
                new AnthropicRequestWriter(maxTokens(context)), endpoint);
    }

    private static int maxTokens(ProviderContext context) {
        Optional<String> value = context.property(MAX_TOKENS);
        if (value.isEmpty()) {
            return DEFAULT_MAX_TOKENS;
        }
        try {
            int tokens = Integer.parseInt(value.get().strip());
            if (tokens >= 1) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(MAX_TOKENS), value.get(),
                "a positive integer"));
    }
}
