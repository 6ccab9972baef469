package dev.tollgate.impl.budget;

import dev.tollgate.api.spi.BudgetBalance;
import dev.tollgate.api.spi.BudgetStore;
import dev.tollgate.api.spi.BudgetWindow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Keeps balances in a database table that several servers share, with plain JDBC. Each allowance
 * of each period is one row; a reservation is one conditional update, so the database decides
 * atomically which of concurrent reservations fit:
 *
 * <pre>
 * UPDATE tollgate_budget SET reserved = reserved + ?
 *  WHERE budget = ? AND budget_key = ? AND period_start = ?
 *    AND spent + reserved + ? &lt;= ? AND spent + reserved &lt; ?
 * </pre>
 *
 * The row is inserted on first use; an insert that loses against another server's is ignored.
 * The table is created on first use if it does not exist ({@link #ddl(String)}). Every statement
 * runs in its own transaction, so the data source must not enlist its connections in the caller's
 * transaction (a non-JTA data source). Amounts are kept to {@value #SCALE} decimals, rounded up.
 * Rows of past periods stay, as a history of spending.
 */
public final class JdbcBudgetStore implements BudgetStore {
    /** The decimals kept of every amount. */
    public static final int SCALE = 12;

    private final Supplier<DataSource> dataSource;
    private final String table;
    private final String reserve;
    private final String insert;
    private final String settle;
    private final String select;
    private volatile boolean tableReady;

    /**
     * @param dataSource gives the database; asked on every use, so it may look it up lazily
     * @param table the table's name, possibly qualified by a schema; not quoted
     */
    public JdbcBudgetStore(Supplier<DataSource> dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        String row = " WHERE budget = ? AND budget_key = ? AND period_start = ?";
        this.reserve = "UPDATE " + table + " SET reserved = reserved + ?" + row
                + " AND spent + reserved + ? <= ? AND spent + reserved < ?";
        this.insert = "INSERT INTO " + table
                + " (budget, budget_key, period_start, period_end, spent, reserved) VALUES (?, ?, ?, ?, 0, 0)";
        this.settle = "UPDATE " + table + " SET reserved = reserved - ?, spent = spent + ?" + row;
        this.select = "SELECT spent, reserved FROM " + table + row;
    }

    /**
     * @param jndiName the JNDI name of the data source, looked up on first use
     * @param table the table's name
     * @return a store in that data source
     */
    public static JdbcBudgetStore jndi(String jndiName, String table) {
        return new JdbcBudgetStore(new JndiDataSource(jndiName), table);
    }

    /**
     * @param table the table's name
     * @return the statement that creates the table
     */
    public static String ddl(String table) {
        return "CREATE TABLE " + table + " ("
                + "budget VARCHAR(100) NOT NULL, "
                + "budget_key VARCHAR(255) NOT NULL, "
                + "period_start VARCHAR(30) NOT NULL, "
                + "period_end VARCHAR(30) NOT NULL, "
                + "spent DECIMAL(30, " + SCALE + ") NOT NULL, "
                + "reserved DECIMAL(30, " + SCALE + ") NOT NULL, "
                + "PRIMARY KEY (budget, budget_key, period_start))";
    }

    @Override
    public boolean reserve(BudgetWindow window, BigDecimal amount, BigDecimal limit) {
        BigDecimal rounded = round(amount);
        try (Connection c = connection()) {
            if (reserve(c, window, rounded, limit)) {
                return true;
            }
            if (balance(c, window) != null) {
                return false;
            }
            try (PreparedStatement insertRow = c.prepareStatement(insert)) {
                bindWindow(insertRow, 1, window);
                insertRow.setString(4, window.end().toString());
                insertRow.executeUpdate();
            } catch (SQLException e) {
                if (balance(c, window) == null) {
                    throw e;
                }
            }
            return reserve(c, window, rounded, limit);
        } catch (SQLException e) {
            throw failure("reserving", window, e);
        }
    }

    @Override
    public void settle(BudgetWindow window, BigDecimal reserved, BigDecimal spent) {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(settle)) {
            s.setBigDecimal(1, round(reserved));
            s.setBigDecimal(2, round(spent));
            bindWindow(s, 3, window);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("settling", window, e);
        }
    }

    @Override
    public BudgetBalance balance(BudgetWindow window) {
        try (Connection c = connection()) {
            BudgetBalance balance = balance(c, window);
            return balance == null ? BudgetBalance.EMPTY : balance;
        } catch (SQLException e) {
            throw failure("reading", window, e);
        }
    }

    private boolean reserve(Connection c, BudgetWindow window, BigDecimal amount, BigDecimal limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(reserve)) {
            s.setBigDecimal(1, amount);
            bindWindow(s, 2, window);
            s.setBigDecimal(5, amount);
            s.setBigDecimal(6, limit);
            s.setBigDecimal(7, limit);
            return s.executeUpdate() == 1;
        }
    }

    private BudgetBalance balance(Connection c, BudgetWindow window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            bindWindow(s, 1, window);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new BudgetBalance(rs.getBigDecimal(1), rs.getBigDecimal(2)) : null;
            }
        }
    }

    private static void bindWindow(PreparedStatement s, int first, BudgetWindow window) throws SQLException {
        s.setString(first, window.budget());
        s.setString(first + 1, window.key());
        s.setString(first + 2, window.start().toString());
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.get().getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            if (!tableReady) {
                createTableIfMissing(c);
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private synchronized void createTableIfMissing(Connection c) throws SQLException {
        if (tableReady || tableExists(c)) {
            tableReady = true;
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate(ddl(table));
        } catch (SQLException e) {
            if (!tableExists(c)) {
                throw e;
            }
        }
        tableReady = true;
    }

    private boolean tableExists(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT spent FROM " + table + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.CEILING);
    }

    private IllegalStateException failure(String what, BudgetWindow window, SQLException e) {
        return new IllegalStateException(what + " budget '" + window.budget() + "' in table " + table + " failed: "
                + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "BudgetStore[jdbc, " + table + "]";
    }
}
