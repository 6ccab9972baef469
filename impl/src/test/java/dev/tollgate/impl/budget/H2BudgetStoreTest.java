package dev.tollgate.impl.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.spi.BudgetStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The JDBC store on an H2 database in memory, shared by every store of the class. */
class H2BudgetStoreTest extends BudgetStoreContract {
    private static final JdbcDataSource DATABASE = new JdbcDataSource();

    static {
        DATABASE.setURL("jdbc:h2:mem:budgets;DB_CLOSE_DELAY=-1");
    }

    @Override
    BudgetStore node() {
        return new JdbcBudgetStore(() -> DATABASE, "tollgate_budget");
    }

    @Test
    void firstUse_createsTheTable_andOneRowPerAllowance() throws Exception {
        BudgetStore store = new JdbcBudgetStore(() -> DATABASE, "budget_rows");
        store.reserve(window(), d("0.5"), d("1"));
        store.reserve(window(), d("0.5"), d("1"));

        try (Connection c = DATABASE.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM(reserved) FROM budget_rows")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("1");
        }
    }
}
