package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.BudgetWindow;
import dev.tollgate.impl.capture.CaptureFailures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetHoldTest {
    private static final BigDecimal ESTIMATE = new BigDecimal("0.25");

    private final MemoryBudgetStore store = new MemoryBudgetStore();
    private final BudgetWindow window = BudgetStoreContract.window();

    private BudgetHold hold() {
        assertThat(store.reserve(window, ESTIMATE, BigDecimal.ONE)).isTrue();
        return new BudgetHold(store, List.of(window), ESTIMATE, new CaptureFailures());
    }

    private BigDecimal spent() {
        assertThat(store.balance(window).reserved()).isEqualByComparingTo("0");
        return store.balance(window).spent();
    }

    @Test
    void failureWithAnHttpErrorStatus_chargesNothing() {
        hold().settleFailure(LlmException.builder(ErrorCategory.SERVER_ERROR).httpStatus(500).build());

        assertThat(spent()).isEqualByComparingTo("0");
    }

    @Test
    void invalidRequestRefusedBeforeSending_chargesNothing() {
        hold().settleFailure(LlmException.builder(ErrorCategory.INVALID_REQUEST).build());

        assertThat(spent()).isEqualByComparingTo("0");
    }

    @Test
    void timeout_chargesTheEstimate_sinceWhatTheProviderBilledIsUnknown() {
        hold().settleFailure(LlmException.builder(ErrorCategory.TIMEOUT).build());

        assertThat(spent()).isEqualByComparingTo(ESTIMATE);
    }

    @Test
    void unknownCost_chargesTheEstimate_andAPartialCostItsAmount() {
        hold().settle(Cost.unknown());
        hold().settle(Cost.reported(new BigDecimal("0.01"), "USD").partial());

        assertThat(spent()).isEqualByComparingTo("0.26");
    }

    @Test
    void onlyTheFirstSettlementCounts() {
        BudgetHold hold = hold();

        hold.settle(Cost.reported(new BigDecimal("0.1"), "USD"));
        hold.release();
        hold.settleFailure(LlmException.builder(ErrorCategory.TIMEOUT).build());

        assertThat(spent()).isEqualByComparingTo("0.1");
    }
}
