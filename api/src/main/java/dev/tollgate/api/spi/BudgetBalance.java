package dev.tollgate.api.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an allowance holds: the cost settled and the cost reserved by requests still running.
 *
 * @param spent the settled cost
 * @param reserved the estimates of requests not yet settled
 */
public record BudgetBalance(BigDecimal spent, BigDecimal reserved) {
    /** An allowance nothing has been charged to. */
    public static final BudgetBalance EMPTY = new BudgetBalance(BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Validates the parts.
     *
     * @param spent not null
     * @param reserved not null
     */
    public BudgetBalance {
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(reserved, "reserved");
    }

    /** @return spent plus reserved */
    public BigDecimal committed() {
        return spent.add(reserved);
    }
}
