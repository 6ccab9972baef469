package dev.tollgate.impl.provider.gemini;

import dev.tollgate.api.spi.ProviderAdapter;
import dev.tollgate.api.spi.ProviderClient;
import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.provider.BaseUrls;
import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Creates clients of the Gemini API of Google AI Studio ({@code type=gemini}), which answer
 * {@code POST <base-url>/v1beta/models/<model>:generateContent}, and stream from
 * {@code :streamGenerateContent?alt=sse}.
 *
 * <p>Properties under {@code tollgate.providers.<id>.}: {@code base-url} (default
 * {@value #DEFAULT_BASE_URL}) and {@code api-key}, sent in the {@code x-goog-api-key} header,
 * required for Google's own host and optional for a proxy in front of it. A model may be named
 * {@code gemini-2.5-flash} or {@code models/gemini-2.5-flash}.
 */
public final class GeminiAdapter implements ProviderAdapter {
    /** The type name. */
    public static final String TYPE = "gemini";
    /** Google's own Gemini API. */
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    private static final String GOOGLE_HOST = "generativelanguage.googleapis.com";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ProviderClient create(ProviderContext context) {
        URI base = BaseUrls.of(context, DEFAULT_BASE_URL);
        Optional<String> apiKey = context.property(ConfigKeys.API_KEY);
        if (GOOGLE_HOST.equalsIgnoreCase(base.getHost()) && apiKey.isEmpty()) {
            throw new NoSuchElementException(Messages.propertyMissing(context.propertyName(ConfigKeys.API_KEY),
                    "the Gemini API needs an API key from Google AI Studio; set it, for example to ${GEMINI_API_KEY}"));
        }
        GoogleCredential credential = apiKey.map(GoogleCredential::apiKey).orElseGet(GoogleCredential::none);
        return GeminiClient.create(context, base, "/v1beta/models/", List.of("models/"), credential,
                apiKey.orElse(null));
    }
}
