package dev.tollgate.tck.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.Budgets;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Route;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import dev.tollgate.tck.budget.CurrentUser;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link Route} argument picks an invocation's targets; records name the caller that
 * {@code BudgetKey} named; a {@code BudgetLimits} bean gives one key a budget of its own.
 */
@ExtendWith(ArquillianExtension.class)
public class RouteTest {

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.standard()
                .set("tollgate.providers.down.type", "simulated")
                .set("tollgate.providers.down.failure-rate", "1")
                .set("tollgate.providers.down.failure-category", "OVERLOADED")
                .set("tollgate.providers.up.type", "simulated")
                .set("tollgate.providers.up.reply", "up answered")
                .set("tollgate.providers.up.output-tokens", "1000")
                .set("tollgate.pricing.up.*.input", "0")
                .set("tollgate.pricing.up.*.output", "400")
                .set("tollgate.budgets.keys.limit", "5")
                .set("tollgate.budgets.keys.period", "month")
                .set("tollgate.budgets.keys.per", "principal")
                .set("tollgate.budget.output-tokens", "1000");
        return TckDeployments.war("route", config, RouteTest.class, RoutedGateway.class, KeyLimits.class,
                CurrentUser.class);
    }

    @Inject
    RoutedGateway gateway;

    @Inject
    CurrentUser key;

    @Inject
    Budgets budgets;

    @Inject
    RecordCollector records;

    private static List<String> targets(LlmCallRecord record) {
        return record.exchanges().stream().map(e -> e.target().toString()).toList();
    }

    @Test
    public void theRouteArgumentChoosesThePrimaryAndTheFallbacks() {
        records.clear();
        key.set(null);

        assertEquals("up answered", gateway.complete(Route.parse("down/m1, up/m2"), "Hi"));

        LlmCallRecord record = records.single();
        assertEquals(List.of("down/m1", "up/m2"), targets(record));
        assertEquals(ErrorCategory.OVERLOADED, record.exchanges().get(0).error().orElseThrow().category());
    }

    @Test
    public void withoutARouteTheAnnotationsTargetsApply() {
        records.clear();
        key.set(null);

        String answer = gateway.complete(null, "Hi");

        assertTrue(answer.startsWith("Simulated answer"), answer);
        assertEquals(List.of("sim/sim-model"), targets(records.single()));
    }

    @Test
    public void theRecordNamesTheCallerAndEachKeyIsHeldToItsOwnLimit() {
        records.clear();
        Route up = Route.parse("up/m");

        key.set("gold");
        assertEquals("up answered", gateway.complete(up, "Hi"));
        assertEquals(Optional.of("gold"), records.single().principal());
        LlmException refused = assertThrows(LlmException.class, () -> gateway.complete(up, "Hi"));
        assertEquals(ErrorCategory.QUOTA_EXCEEDED, refused.category());
        assertTrue(refused.getMessage().contains("'keys'"), refused.getMessage());

        key.set("silver");
        assertEquals("up answered", gateway.complete(up, "Hi"));
        assertEquals("up answered", gateway.complete(up, "Hi"));
        key.set(null);

        assertEquals(0, budgets.status("keys", "gold").limit().compareTo(new BigDecimal("0.5")));
        assertEquals(0, budgets.status("keys", "silver").limit().compareTo(new BigDecimal("5")));
        assertEquals(0, budgets.status("keys", "silver").spent().compareTo(new BigDecimal("0.8")));
    }
}
