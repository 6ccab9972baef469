package dev.tollgate.impl.provider.openai;

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
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
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
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of("x-request-id"), OpenAiErrors::category);
        return new OpenAiClient(BaseUrls.resolve(base, "/chat/completions"), apiKey.orElse(null),
                context.property(ORGANIZATION).orElse(null), context.property(PROJECT).orElse(null),
                new OpenAiRequestWriter(maxTokensField), endpoint);
    }
}
