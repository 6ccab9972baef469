package dev.tollgate.tck.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.Budgets;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A per-principal budget in an application without a {@code BudgetKey}: the container's identity
 * names the caller, and an unauthenticated caller is charged on no principal budget.
 */
@ExtendWith(ArquillianExtension.class)
public class AnonymousCallerTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("budget-anonymous", TckConfig.standard()
                        .set("tollgate.providers.sim.input-tokens", "1")
                        .set("tollgate.budgets.users.limit", "0.00015")
                        .set("tollgate.budgets.users.period", "day")
                        .set("tollgate.budgets.users.per", "principal"),
                AnonymousCallerTest.class, BudgetedService.class);
    }

    @Inject
    BudgetedService service;

    @Inject
    Budgets budgets;

    @Test
    public void unauthenticatedCaller_isNotLimitedByPrincipalBudgets() {
        for (int i = 0; i < 3; i++) {
            service.chat();
        }

        assertEquals(Set.of("users"), budgets.names());
    }
}
