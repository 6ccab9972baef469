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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Creates clients of OpenAI's Chat Completions API ({@code type=openai}), spoken by OpenAI and by
 * compatible servers.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}: {@code base-url} (default
 * {@value #DEFAULT_BASE_URL}), {@code api-key} (required for OpenAI itself, optional for
 * compatible servers), {@code organization}, {@code project}, {@code max-tokens-field}
 * ({@code max_completion_tokens} for OpenAI itself, {@code max_tokens} elsewhere by default), and
 * OpenRouter's app attribution {@code referer} and {@code title}, sent as its {@code HTTP-Referer}
 * and {@code X-Title} headers.
 */
public final class OpenAiAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "openai";
    /** OpenAI's own API. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    static final String ORGANIZATION = "organization";
    static final String PROJECT = "project";
    static final String REFERER = "referer";
    static final String TITLE = "title";

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
        String maxTokensField = MaxTokensField.read(context,
                openAiItself ? OpenAiRequestWriter.MAX_COMPLETION_TOKENS : OpenAiRequestWriter.MAX_TOKENS);
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        context.property(ORGANIZATION).ifPresent(v -> headers.put("OpenAI-Organization", v));
        context.property(PROJECT).ifPresent(v -> headers.put("OpenAI-Project", v));
        context.property(REFERER).ifPresent(v -> headers.put("HTTP-Referer", v));
        context.property(TITLE).ifPresent(v -> headers.put("X-Title", v));
        ProviderEndpoint endpoint = new ProviderEndpoint(context.id(),
                HttpTransport.create(context.id(), base, context.timeout()), apiKey.orElse(null), Clock.systemUTC(),
                List.of("x-request-id"), OpenAiErrors::category);
        URI url = BaseUrls.resolve(base, "/chat/completions");
        OpenAiClient client = new OpenAiClient(model -> url, headers, new OpenAiRequestWriter(maxTokensField), endpoint,
                new OpenAiStreamErrors(OpenAiErrors::category, apiKey.orElse(null)), url.toString());
        return openAiItself ? client.rejecting(OpenAiClient.LOCAL_SERVER_EXTRAS) : client;
    }
}
