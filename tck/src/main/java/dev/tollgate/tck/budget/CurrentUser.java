package dev.tollgate.tck.budget;

import dev.tollgate.api.spi.BudgetKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The application's {@link BudgetKey}: the user the test says is calling, if any. */
@ApplicationScoped
public class CurrentUser implements BudgetKey {
    private final ThreadLocal<String> name = new ThreadLocal<>();

    /** @param user the calling user, or {@code null} for none */
    public void set(String user) {
        name.set(user);
    }

    @Override
    public Optional<String> principal() {
        return Optional.ofNullable(name.get());
    }
}
