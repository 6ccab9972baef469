package dev.tollgate.tck.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ChatResponse;
import dev.tollgate.api.Cost;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class CostTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("cost", TckConfig.standard(), CostTest.class, PricedService.class);
    }

    @Inject
    PricedService priced;

    @Inject
    RecordCollector records;

    @Test
    public void cachedAndReasoningTokens_arePricedByKind() {
        Cost cost = priced.ask("tck-cached").cost();

        // (2000 − 1500) × 2.50 + 1500 × 1.25 + 300 × 10, per million; reasoning at the output price
        assertEquals(0, new BigDecimal("0.00125").compareTo(cost.input()), cost.toString());
        assertEquals(0, new BigDecimal("0.001875").compareTo(cost.cachedInput()));
        assertEquals(0, new BigDecimal("0.003").compareTo(cost.output()));
        assertEquals(0, new BigDecimal("0.006125").compareTo(cost.total()));
        assertEquals("USD", cost.currency());
    }

    @Test
    public void modelNameWithDots_isPricedFromItsConfiguredKeys() {
        ChatResponse response = priced.ask("gpt-4.1");

        // configured at 3 and 12 for this deployment, not the shipped 2 and 8
        assertEquals("gpt-4.1-2025-04-14", response.model());
        assertEquals(0, new BigDecimal("0.0042").compareTo(response.cost().total()), response.cost().toString());
    }

    @Test
    public void datedResponseModel_fallsBackToThePriceOfTheRequestedModel() {
        ChatResponse response = priced.ask("tck-plain");

        assertEquals("tck-plain-2025-01-01", response.model());
        assertEquals(0, new BigDecimal("0.00015").compareTo(response.cost().total()));
    }

    @Test
    public void modelWithoutPrice_hasAnUnknownCost_notZero() {
        records.clear();

        ChatResponse response = priced.ask("tck-unpriced");

        assertFalse(response.cost().isKnown());
        assertTrue(response.usage().isKnown());
        LlmCallRecord record = records.single();
        assertFalse(record.cost().isKnown());
        assertEquals(35, record.usage().totalTokens());
    }
}
