package dev.tollgate.impl.fallback;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Target;
import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import dev.tollgate.impl.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Resolves a method's fallback chain: configuration first ({@code tollgate.call."<name>".fallback},
 * {@code .fallback-on}, {@code .context-fallback}), then the annotation, then the global
 * {@code tollgate.fallback} for a method whose annotation names no target; and checks every target
 * against the configured providers.
 */
public final class FallbackPlans {
    private final Config config;
    private final ProviderRegistry registry;

    /**
     * @param config the configuration
     * @param registry the configured providers
     */
    public FallbackPlans(Config config, ProviderRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * @param callName the call's name
     * @param where the method, for messages
     * @param targets the annotation's targets
     * @param on the annotation's categories
     * @param contextFallback the annotation's context fallback, or empty text
     * @return the plan
     * @throws IllegalArgumentException naming the method or property, if a target is malformed or
     *     names an unknown provider, or a category is unknown
     */
    public FallbackPlan plan(String callName, String where, String[] targets, ErrorCategory[] on,
            String contextFallback) {
        String callKey = ConfigKeys.callProperty(callName, ConfigKeys.CALL_FALLBACK);
        List<String> chain = list(callKey).orElseGet(() -> targets.length > 0 ? Arrays.asList(targets)
                : list(ConfigKeys.FALLBACK).orElse(List.of()));
        String chainSource = list(callKey).isPresent() ? "property '" + callKey + "'"
                : targets.length > 0 ? "@Fallback on '" + where + "'" : "property '" + ConfigKeys.FALLBACK + "'";
        List<Target> resolved = new ArrayList<>();
        for (String t : chain) {
            resolved.add(target(t.strip(), chainSource));
        }
        String onKey = ConfigKeys.callProperty(callName, ConfigKeys.CALL_FALLBACK_ON);
        Set<ErrorCategory> categories = list(onKey).map(names -> categories(names, onKey))
                .orElseGet(() -> on.length == 0 ? EnumSet.noneOf(ErrorCategory.class) : EnumSet.copyOf(Arrays.asList(on)));
        String contextKey = ConfigKeys.callProperty(callName, ConfigKeys.CALL_CONTEXT_FALLBACK);
        String context = config.getOptionalValue(contextKey, String.class).map(String::strip).orElse(contextFallback);
        Target contextTarget = context.isEmpty() ? null : target(context,
                config.getOptionalValue(contextKey, String.class).isPresent() ? "property '" + contextKey + "'"
                        : "@Fallback on '" + where + "'");
        return new FallbackPlan(callName, resolved, categories, contextTarget);
    }

    private Optional<List<String>> list(String key) {
        return config.getOptionalValue(key, String.class)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private Target target(String text, String source) {
        Target target;
        try {
            target = Target.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Messages.fallbackTargetInvalid(source, text), e);
        }
        if (registry.find(target.provider()).isEmpty()) {
            throw new IllegalArgumentException(Messages.fallbackProviderUnknown(source, target.provider(),
                    registry.ids()));
        }
        return target;
    }

    private static Set<ErrorCategory> categories(List<String> names, String key) {
        Set<ErrorCategory> set = EnumSet.noneOf(ErrorCategory.class);
        for (String n : names) {
            try {
                set.add(ErrorCategory.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Messages.propertyInvalid(key, n,
                        "error categories from " + Arrays.toString(ErrorCategory.values())), e);
            }
        }
        return set;
    }
}
