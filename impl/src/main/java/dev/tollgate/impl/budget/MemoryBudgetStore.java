package dev.tollgate.impl.budget;

import dev.tollgate.api.spi.BudgetBalance;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps balances in this JVM: each allowance of each period is one account updated under its own
 * short lock. The accounts of past periods are dropped when a later period begins. Balances are
 * lost on restart and not shared with other servers.
 */
public final class MemoryBudgetStore implements BudgetStore {
    private final ConcurrentMap<BudgetWindow, Account> accounts = new ConcurrentHashMap<>();
    private volatile Instant sweptTo = Instant.MIN;

    @Override
    public boolean reserve(BudgetWindow window, BigDecimal amount, BigDecimal limit) {
        Account account = accounts.get(window);
        if (account == null) {
            sweep(window.start());
            account = accounts.computeIfAbsent(window, w -> new Account());
        }
        return account.reserve(amount, limit);
    }

    @Override
    public void settle(BudgetWindow window, BigDecimal reserved, BigDecimal spent) {
        Account account = accounts.get(window);
        if (account != null) {
            account.settle(reserved, spent);
        }
    }

    @Override
    public BudgetBalance balance(BudgetWindow window) {
        Account account = accounts.get(window);
        return account == null ? BudgetBalance.EMPTY : account.balance();
    }

    /** Drops the accounts of periods that ended by the start of a new one. */
    private void sweep(Instant periodStart) {
        if (periodStart.isAfter(sweptTo)) {
            sweptTo = periodStart;
            accounts.keySet().removeIf(w -> !w.end().isAfter(periodStart));
        }
    }

    /** One allowance's balance. */
    private static final class Account {
        private BigDecimal spent = BigDecimal.ZERO;
        private BigDecimal reserved = BigDecimal.ZERO;

        synchronized boolean reserve(BigDecimal amount, BigDecimal limit) {
            BigDecimal committed = spent.add(reserved);
            if (committed.compareTo(limit) >= 0 || committed.add(amount).compareTo(limit) > 0) {
                return false;
            }
            reserved = reserved.add(amount);
            return true;
        }

        synchronized void settle(BigDecimal amount, BigDecimal actual) {
            reserved = reserved.subtract(amount);
            spent = spent.add(actual);
        }

        synchronized BudgetBalance balance() {
            return new BudgetBalance(spent, reserved);
        }
    }

    @Override
    public String toString() {
        return "BudgetStore[memory, " + accounts.size() + " allowances]";
    }
}
