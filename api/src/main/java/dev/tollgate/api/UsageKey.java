package dev.tollgate.api;

import java.util.Objects;

/**
 * The finest grain the {@link UsageLedger} keeps totals at: one call name, one provider, one model.
 *
 * @param callName the {@linkplain LlmCallRecord#callName() call name}, {@value LlmCallRecord#STANDALONE}
 *     for requests made outside any {@link LlmCall} method
 * @param provider the provider id the request went to
 * @param model the model requested (as priced), or the model the provider reported when the
 *     request named none; empty text if neither is known
 */
public record UsageKey(String callName, String provider, String model) {
    /**
     * Checks the parts.
     *
     * @param callName not null
     * @param provider not null
     * @param model not null
     */
    public UsageKey {
        Objects.requireNonNull(callName, "callName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** @return the provider and model, as a {@link Target}; with no model when it is unknown */
    public Target target() {
        return new Target(provider, model.isEmpty() ? null : model);
    }
}
