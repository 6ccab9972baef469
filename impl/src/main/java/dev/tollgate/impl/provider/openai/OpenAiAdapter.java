package dev.tollgate.impl.provider.openai;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.http.HttpTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Creates clients of OpenAI's Chat Completions API ({@code type=openai}).
 *
 * <p>Properties under {@code tollgate.providers.<id>.}: {@code base-url} (default
 * {@value #DEFAULT_BASE_URL}), {@code api-key} (required for OpenAI itself, optional for
 * compatible servers), {@code organization}, {@code project}, and {@code max-tokens-field}
 * ({@code max_completion_tokens} for OpenAI itself, {@code max_tokens} elsewhere by default).
 */
public final class OpenAiAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "openai";
    /** OpenAI's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";
    static final String MAX_TOKENS_FIELD = "max-tokens-field";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        String baseUrl = context.property(ConfigKeys.BASE_URL).orElse(DEFAULT_BASE_URL);
        URI base = parseBaseUrl(context, baseUrl);
        boolean openAiItself = "api.openai.com".equalsIgnoreCase(base.getHost());
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        if (openAiItself && apiKey.isEmpty()) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ConfigKeys.API_KEY),
                    "OpenAI needs an API key; set it, for example to ${OPENAI_API_KEY}"));
        }
        String maxTokensField = context.property(MAX_TOKENS_FIELD)
                .orElse(openAiItself ? "max_completion_tokens" : "max_tokens");
        if (!maxTokensField.equals("max_tokens") && !maxTokensField.equals("max_completion_tokens")) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(MAX_TOKENS_FIELD),
                    maxTokensField, "max_tokens or max_completion_tokens"));
        }
        URI endpoint = URI.create(stripTrailingSlash(base.toString()) + "/chat/completions");
        return new OpenAiClient(context.id(), endpoint, apiKey.orElse(null),
                context.property(ORGANIZATION).orElse(null), context.property(PROJECT).orElse(null),
                new OpenAiRequestWriter(maxTokensField),
                HttpTransport.create(context.id(), base, context.timeout()), Clock.systemUTC());
    }

    static URI parseBaseUrl(ProviderContext context, String baseUrl) {
        try {
            URI uri = new URI(baseUrl);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(baseUrl, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(ConfigKeys.BASE_URL),
                    baseUrl, "an absolute http or https URL"), e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
