package dev.tollgate.impl.client;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.ResponseFormat;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.config.ConfigProblems;
import dev.tollgate.impl.config.ProviderProperties;
import dev.tollgate.impl.provider.ConfiguredProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies each provider's declared limits to a request before it is sent: an option the provider
 * cannot honour, or an extra parameter it is known to reject, is refused with
 * {@link ErrorCategory#INVALID_REQUEST} naming it and the provider; or, for a provider configured
 * with {@code unsupported-options=drop}, removed with one warning per provider and name. Nothing
 * is dropped silently.
 */
public final class UnsupportedOptions {
    private static final System.Logger LOG = System.getLogger(UnsupportedOptions.class.getName());

    private final Set<String> dropping;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private UnsupportedOptions(Set<String> dropping) {
        this.dropping = Set.copyOf(dropping);
    }

    /**
     * Reads each provider's {@value ConfigKeys#UNSUPPORTED_OPTIONS}: {@code reject} (the default) or {@code drop}.
     *
     * @param providers the configured providers
     * @param problems where an invalid value is reported
     * @return the options' handling
     */
    public static UnsupportedOptions read(Collection<ProviderProperties> providers, ConfigProblems problems) {
        Set<String> dropping = new HashSet<>();
        for (ProviderProperties p : providers) {
            String mode = p.property(ConfigKeys.UNSUPPORTED_OPTIONS).orElse("reject").strip();
            if (mode.equals("drop")) {
                dropping.add(p.id());
            } else if (!mode.equals("reject")) {
                problems.add(Messages.propertyInvalid(p.propertyName(ConfigKeys.UNSUPPORTED_OPTIONS), mode,
                        "reject or drop"));
            }
        }
        return new UnsupportedOptions(dropping);
    }

    /**
     * @param provider the target provider
     * @param request the request, with its target set
     * @return the request to send
     * @throws LlmException of category {@link ErrorCategory#INVALID_REQUEST} if it sets something the
     *     provider cannot honour and the provider is not configured to drop it
     */
    ChatRequest apply(ConfiguredProvider provider, ChatRequest request) {
        Set<String> unsupported = provider.client().unsupportedOptions();
        Set<String> rejected = provider.client().rejectedExtras();
        if (unsupported.isEmpty() && rejected.isEmpty()) {
            return request;
        }
        List<String> found = new ArrayList<>();
        for (String option : unsupported) {
            if (isSet(request, option)) {
                found.add(option);
            }
        }
        for (Map.Entry<String, Object> e : request.extra().entrySet()) {
            if (rejected.contains(e.getKey())) {
                found.add("extra." + e.getKey());
            }
        }
        if (found.isEmpty()) {
            return request;
        }
        if (!dropping.contains(provider.id())) {
            throw LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(provider.id())
                    .model(request.model().orElse(null))
                    .message(Messages.optionUnsupported(provider.id(), provider.type(), found.get(0)))
                    .build();
        }
        ChatRequest.Builder stripped = request.toBuilder();
        for (String name : found) {
            drop(stripped, name);
            if (warned.add(provider.id() + '/' + name)) {
                LOG.log(Level.WARNING, Messages.optionDropped(provider.id(), provider.type(), name));
            }
        }
        return stripped.build();
    }

    private static boolean isSet(ChatRequest request, String option) {
        return switch (option) {
            case "temperature" -> request.temperature().isPresent();
            case "topP" -> request.topP().isPresent();
            case "maxTokens" -> request.maxTokens().isPresent();
            case "stop" -> !request.stop().isEmpty();
            case "seed" -> request.seed().isPresent();
            case "responseFormat" -> request.responseFormat().kind() != ResponseFormat.Kind.TEXT;
            case "tools" -> !request.tools().isEmpty();
            default -> false;
        };
    }

    private static void drop(ChatRequest.Builder request, String name) {
        switch (name) {
            case "temperature" -> request.temperature(null);
            case "topP" -> request.topP(null);
            case "maxTokens" -> request.maxTokens(null);
            case "stop" -> request.stop();
            case "seed" -> request.seed(null);
            case "responseFormat" -> request.responseFormat(ResponseFormat.text());
            case "tools" -> request.tools(List.of());
            default -> request.removeExtra(name.substring("extra.".length()));
        }
    }
}
