package dev.tollgate.api.spi;

import java.math.BigDecimal;

/**
 * Keeps the balances of budget allowances. Tollgate reserves a request's estimated cost before it
 * sends the request and settles the actual cost after, so that concurrent requests cannot overshoot
 * a limit together.
 *
 * <ol>
 *   <li>{@link #reserve} is atomic: of any number of concurrent reservations on one window, in this
 *       JVM or, for a shared store, on any server using the store, only those fit whose sum keeps
 *       {@code spent + reserved} within the limit.</li>
 *   <li>{@link #settle} is called once for each successful reservation, with the amount that was
 *       reserved and the amount actually spent (zero to release the reservation).</li>
 *   <li>A window that was never charged has the balance {@link BudgetBalance#EMPTY}.</li>
 *   <li>Amounts are in the configured {@code tollgate.pricing.currency} and never negative.</li>
 * </ol>
 *
 * <p>Tollgate ships an in-memory store (per JVM, the default) and a JDBC store
 * ({@code tollgate.budget.store=jdbc}) that several servers share. An application that provides a
 * CDI bean of this type (or a {@link java.util.ServiceLoader} service) replaces both. A store that
 * throws lets the request through: the failure is logged and counted. Implementations must be
 * thread-safe.
 */
public interface BudgetStore {

    /**
     * Reserves an amount if it fits: {@code spent + reserved + amount <= limit}, and the window is
     * not already used up ({@code spent + reserved < limit}, so that a reservation of zero is
     * refused once the limit is reached).
     *
     * @param window the allowance
     * @param amount the amount to reserve, zero or more
     * @param limit the budget's limit, more than zero
     * @return {@code true} if the amount was added to the reserved amount; {@code false}, changing
     *     nothing, if it does not fit
     */
    boolean reserve(BudgetWindow window, BigDecimal amount, BigDecimal limit);

    /**
     * Ends a reservation: takes the reserved amount off and adds the amount spent.
     *
     * @param window the allowance of the reservation
     * @param reserved the amount {@link #reserve} took
     * @param spent the actual cost, zero or more; it may be above the reserved amount
     */
    void settle(BudgetWindow window, BigDecimal reserved, BigDecimal spent);

    /**
     * @param window an allowance
     * @return its balance as of now
     */
    BudgetBalance balance(BudgetWindow window);
}
