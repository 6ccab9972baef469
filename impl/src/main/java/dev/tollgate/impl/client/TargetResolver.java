package dev.tollgate.impl.client;

import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.capture.LlmCallContext;
import dev.tollgate.impl.provider.ConfiguredProvider;
import dev.tollgate.impl.provider.ProviderRegistry;

/**
 * Decides where a request goes: what the request names; else the current attempt's target; else
 * the default provider. A model comes from the request, else from the attempt if it targets the
 * same provider, else from the provider's default.
 */
final class TargetResolver {
    private final ProviderRegistry registry;

    TargetResolver(ProviderRegistry registry) {
        this.registry = registry;
    }

    Resolved resolve(ChatRequest request, LlmCallContext context) {
        String provider = request.provider().orElse(null);
        String model = request.model().orElse(null);
        Target attempt = context == null ? null : context.target();
        if (provider == null) {
            provider = attempt != null ? attempt.provider() : registry.defaultId().orElseThrow(() ->
                    invalid(null, null, Messages.noDefaultForRequest()));
        }
        if (model == null && attempt != null && provider.equals(attempt.provider())) {
            model = attempt.model();
        }
        String providerId = provider;
        ConfiguredProvider configured = registry.find(providerId)
                .orElseThrow(() -> invalid(providerId, null, Messages.unknownProvider(providerId, registry.ids())));
        if (model == null) {
            model = configured.defaultModelIfSet()
                    .orElseThrow(() -> invalid(providerId, null, Messages.noModel(providerId)));
        }
        return new Resolved(configured, new Target(providerId, model));
    }

    private static LlmException invalid(String provider, String model, String message) {
        return LlmException.builder(ErrorCategory.INVALID_REQUEST).provider(provider).model(model).message(message)
                .build();
    }

    record Resolved(ConfiguredProvider provider, Target target) {
    }
}
