package dev.tollgate.impl.budget;

import dev.tollgate.api.Cost;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import dev.tollgate.impl.capture.CaptureFailures;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reservations of one request on every budget that applies to it, settled once: the first
 * settle call counts and later ones are ignored.
 */
public final class BudgetHold {
    /** The hold of a request no budget applies to. */
    public static final BudgetHold NONE = new BudgetHold(null, List.of(), BigDecimal.ZERO, null);

    private static final int FIRST_ERROR_STATUS = 400;

    private final BudgetStore store;
    private final List<BudgetWindow> windows;
    private final BigDecimal estimate;
    private final CaptureFailures failures;
    private final AtomicBoolean settled = new AtomicBoolean();

    BudgetHold(BudgetStore store, List<BudgetWindow> windows, BigDecimal estimate, CaptureFailures failures) {
        this.store = store;
        this.windows = List.copyOf(windows);
        this.estimate = estimate;
        this.failures = failures;
    }

    /** @return the amount reserved on each budget */
    public BigDecimal estimate() {
        return estimate;
    }

    /**
     * Settles an answered request, or one whose stream ended early, with its cost: the partial cost
     * of a stream cut short; the estimate if the cost is unknown (the provider reported no usage).
     *
     * @param cost the priced answer
     */
    public void settle(Cost cost) {
        charge(cost.currency().isEmpty() ? estimate : cost.total());
    }

    /**
     * Settles a failed request:
     * <ol>
     *   <li>the provider answered with an HTTP error status: it charged nothing;</li>
     *   <li>an {@link ErrorCategory#INVALID_REQUEST} without an HTTP status: it was never sent;</li>
     *   <li>any other failure (timeout, network): what the provider charged is unknown, so the
     *       estimate is kept.</li>
     * </ol>
     *
     * @param failure why it failed
     */
    public void settleFailure(LlmException failure) {
        boolean refused = failure.httpStatus().orElse(0) >= FIRST_ERROR_STATUS
                || failure.category() == ErrorCategory.INVALID_REQUEST && failure.httpStatus().isEmpty();
        charge(refused ? BigDecimal.ZERO : estimate);
    }

    /** Gives the reservations back, for a request that was never sent. */
    public void release() {
        charge(BigDecimal.ZERO);
    }

    private void charge(BigDecimal spent) {
        if (windows.isEmpty() || !settled.compareAndSet(false, true)) {
            return;
        }
        for (BudgetWindow window : windows) {
            try {
                store.settle(window, estimate, spent);
            } catch (RuntimeException e) {
                failures.report("settling budget '" + window.budget() + "'", e);
            }
        }
    }
}
