package dev.tollgate.impl.budget;

import dev.tollgate.impl.Messages;
import dev.tollgate.impl.config.ConfigKeys;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The data source named by {@code tollgate.budget.datasource}, looked up on first use (not while
 * the application deploys, when a container's naming may not be ready yet) and then kept.
 */
final class JndiDataSource implements Supplier<DataSource> {
    private final String name;
    private volatile DataSource found;

    JndiDataSource(String name) {
        this.name = name;
    }

    @Override
    public DataSource get() {
        DataSource ds = found;
        if (ds == null) {
            try {
                Object bound = new InitialContext().lookup(name);
                if (!(bound instanceof DataSource d)) {
                    throw new IllegalStateException(Messages.budgetDataSourceNotFound(name,
                            ConfigKeys.BUDGET_DATASOURCE) + ": it is a " + (bound == null ? "null" : bound.getClass()));
                }
                found = ds = d;
            } catch (NamingException e) {
                throw new IllegalStateException(Messages.budgetDataSourceNotFound(name, ConfigKeys.BUDGET_DATASOURCE),
                        e);
            }
        }
        return ds;
    }
}
