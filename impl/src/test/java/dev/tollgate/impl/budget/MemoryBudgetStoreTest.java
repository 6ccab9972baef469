package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MemoryBudgetStoreTest extends BudgetStoreContract {
    private final MemoryBudgetStore store = new MemoryBudgetStore();

    @Override
    BudgetStore node() {
        return store;
    }

    @Test
    void allowanceOfAPeriodThatEnded_isDroppedWhenALaterPeriodBegins() {
        BudgetWindow today = window();
        BudgetWindow tomorrow = new BudgetWindow(today.budget(), today.key(), today.end(),
                today.end().plusSeconds(86_400));
        store.reserve(today, BigDecimal.ONE, BigDecimal.TEN);

        store.reserve(tomorrow, BigDecimal.ONE, BigDecimal.TEN);

        assertThat(store.balance(today).reserved()).isEqualByComparingTo("0");
        assertThat(store).hasToString("BudgetStore[memory, 1 allowances]");
    }
}
