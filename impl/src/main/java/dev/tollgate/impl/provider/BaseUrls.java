package dev.tollgate.impl.provider;

import dev.tollgate.api.spi.ProviderContext;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import java.net.URI;
import java.net.URISyntaxException;

/** Reads a provider's {@code base-url} and builds endpoint URLs under it. */
public final class BaseUrls {
    private BaseUrls() {
    }

    /**
     * @param context the provider's configuration
     * @param defaultUrl the URL used when {@code base-url} is not set, or {@code null} if it is required
     * @return the base URL, without a trailing slash
     * @throws IllegalArgumentException naming the property if the URL is not an absolute http(s) URL
     * @throws java.util.NoSuchElementException if it is required and missing
     */
    public static URI of(ProviderContext context, String defaultUrl) {
        String url = defaultUrl == null ? context.requiredProperty(ConfigKeys.BASE_URL)
                : context.property(ConfigKeys.BASE_URL).orElse(defaultUrl);
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Messages.propertyInvalid(context.propertyName(ConfigKeys.BASE_URL),
                    url, "an absolute http or https URL"), e);
        }
    }

    /**
     * @param base a base URL from {@link #of(ProviderContext, String)}
     * @param path a path starting with {@code /}, already percent-encoded where needed
     * @return the endpoint URL
     */
    public static URI resolve(URI base, String path) {
        return URI.create(base + path);
    }
}
