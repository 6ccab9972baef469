package dev.tollgate.tck.route;

import dev.tollgate.api.spi.BudgetKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Names the key the test says is calling, if any. */
@ApplicationScoped
public class CallingKey implements BudgetKey {
    private final ThreadLocal<String> key = new ThreadLocal<>();

    /** @param name the calling key, or {@code null} for none */
    public void set(String name) {
        key.set(name);
    }

    @Override
    public Optional<String> principal() {
        return Optional.ofNullable(key.get());
    }
}
