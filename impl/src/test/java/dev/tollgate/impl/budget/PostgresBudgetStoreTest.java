package dev.tollgate.impl.budget;

import dev.tollgate.api.spi.BudgetStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The JDBC store on a real PostgreSQL server started for the test. */
class PostgresBudgetStoreTest extends BudgetStoreContract {
    private static EmbeddedPostgres server;
    private static DataSource database;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.start();
        database = server.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    BudgetStore node() {
        return new JdbcBudgetStore(() -> database, "tollgate_budget");
    }
}
