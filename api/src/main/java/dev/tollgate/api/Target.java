package dev.tollgate.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a provider request goes: a configured provider id and, optionally, a model.
 *
 * <p>The text form is {@code "providerId"} or {@code "providerId/model"}; the model part may
 * itself contain slashes ({@code "openrouter/anthropic/claude-sonnet-4"} is provider
 * {@code openrouter}, model {@code anthropic/claude-sonnet-4}).
 *
 * @param provider the provider id, as configured under {@code tollgate.providers.<id>}
 * @param model the model, or {@code null} for the provider's configured default
 */
public record Target(String provider, String model) {

    /**
     * Validates the parts.
     *
     * @param provider the provider id; not blank
     * @param model the model, or {@code null}; not blank when present
     */
    public Target {
        Objects.requireNonNull(provider, "provider");
        if (provider.isBlank() || provider.indexOf('/') >= 0) {
            throw new IllegalArgumentException("invalid provider id '" + provider + "'");
        }
        if (model != null && model.isBlank()) {
            throw new IllegalArgumentException("blank model for provider '" + provider + "'");
        }
    }

    /**
     * Parses the text form.
     *
     * @param text {@code "providerId"} or {@code "providerId/model"}
     * @return the target
     * @throws IllegalArgumentException if the text is blank or has an empty part
     */
    public static Target parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new Target(trimmed, null);
        }
        if (slash == trimmed.length() - 1) {
            throw new IllegalArgumentException("invalid target '" + text + "': empty model after '/'");
        }
        return new Target(trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /** @return the model, if this target names one */
    public Optional<String> modelIfSet() {
        return Optional.ofNullable(model);
    }

    @Override
    public String toString() {
        return model == null ? provider : provider + "/" + model;
    }
}
