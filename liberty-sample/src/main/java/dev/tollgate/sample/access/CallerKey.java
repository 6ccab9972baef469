package dev.tollgate.sample.access;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The key of the current {@code /v1} request, set by {@link KeyFilter}. */
@RequestScoped
public class CallerKey {
    private GatewayKey key;

    void set(GatewayKey value) {
        this.key = value;
    }

    /** @return the key the request came with, once it was checked */
    public Optional<GatewayKey> key() {
        return Optional.ofNullable(key);
    }
}
