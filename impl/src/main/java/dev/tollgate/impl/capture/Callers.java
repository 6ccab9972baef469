package dev.tollgate.impl.capture;

import dev.tollgate.api.spi.BudgetKey;
import java.util.Optional;

/**
 * Names the current caller through the application's {@link BudgetKey}, never failing: a key that
 * throws is counted and names nobody.
 */
public final class Callers {
    private final BudgetKey key;
    private final CaptureFailures failures;

    /**
     * @param key names the caller
     * @param failures where its failures are counted
     */
    public Callers(BudgetKey key, CaptureFailures failures) {
        this.key = key;
        this.failures = failures;
    }

    /** @return the current caller's name, or empty if there is none or it cannot be told */
    public Optional<String> current() {
        try {
            Optional<String> name = key.principal();
            return name == null ? Optional.empty() : name.filter(p -> !p.isBlank());
        } catch (RuntimeException e) {
            failures.report("naming the caller", e);
            return Optional.empty();
        }
    }
}
