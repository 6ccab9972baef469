package dev.tollgate.tck.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.BudgetStatus;
import dev.tollgate.api.Budgets;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmException;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A per-call budget of 0.0005 USD a day on call {@code budget.ask}, and a per-principal budget of
 * 0.00025 USD a month named by the deployment's {@link CurrentUser}. Every request costs 0.000101
 * USD (1 input token at 1 and 50 output tokens at 2 per million), as estimated.
 */
@ExtendWith(ArquillianExtension.class)
public class BudgetTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("budget", TckConfig.standard()
                        .set("tollgate.providers.sim.input-tokens", "1")
                        .set("tollgate.budgets.per-call.limit", "0.0005")
                        .set("tollgate.budgets.per-call.period", "day")
                        .set("tollgate.budgets.per-call.per", "call")
                        .set("tollgate.budgets.per-call.call", "budget.ask")
                        .set("tollgate.budgets.users.limit", "0.00025")
                        .set("tollgate.budgets.users.period", "month")
                        .set("tollgate.budgets.users.per", "principal"),
                BudgetTest.class, BudgetedService.class, CurrentUser.class);
    }

    @Inject
    BudgetedService service;

    @Inject
    CurrentUser user;

    @Inject
    Budgets budgets;

    @Test
    public void perCallBudget_refusesTheFifthCall_withQuotaExceededNamingTheBudget() {
        user.set(null);
        for (int i = 0; i < 4; i++) {
            service.ask();
        }

        LlmException e = assertThrows(LlmException.class, service::ask);

        assertEquals(ErrorCategory.QUOTA_EXCEEDED, e.category());
        assertTrue(e.getMessage().contains("budget 'per-call' of 'budget.ask' (0.0005 USD a day)"), e.getMessage());
        BudgetStatus status = budgets.status("per-call", "budget.ask");
        assertEquals(0, new BigDecimal("0.000404").compareTo(status.spent()), status.toString());
        assertEquals(0, BigDecimal.ZERO.compareTo(status.reserved()), status.toString());
    }

    @Test
    public void perPrincipalBudget_chargesEachCallerOnItsOwnAllowance() {
        user.set("alice");
        service.chat();
        service.chat();
        LlmException e = assertThrows(LlmException.class, service::chat);
        user.set("bob");
        service.chat();
        user.set(null);

        assertEquals(ErrorCategory.QUOTA_EXCEEDED, e.category());
        assertTrue(e.getMessage().contains("budget 'users' of 'alice'"), e.getMessage());
        assertEquals(0, new BigDecimal("0.000202").compareTo(budgets.status("users", "alice").spent()));
        assertEquals(0, new BigDecimal("0.000101").compareTo(budgets.status("users", "bob").spent()));
    }
}
