package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.api.Exchange;
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
public class UsageExtractorTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("usage-extractor", TckConfig.standard(), UsageExtractorTest.class,
                ForeignClientService.class, ForeignResult.class, ForeignResultExtractor.class);
    }

    @Inject
    ForeignClientService foreign;

    @Inject
    RecordCollector records;

    @Test
    public void resultOfAnotherClient_becomesAPricedExchange() {
        records.clear();

        foreign.ask("Which library?");

        LlmCallRecord record = records.single();
        assertEquals("foreign.ask", record.callName());
        Exchange exchange = record.exchanges().get(0);
        assertEquals("openai", exchange.target().provider());
        assertEquals(40, exchange.usage().inputTokens());
        assertEquals(20, exchange.usage().outputTokens());
        // 40 × 2.50 / 1M + 20 × 10 / 1M
        assertEquals(0, new BigDecimal("0.0003").compareTo(exchange.cost().total()), exchange.cost().toString());
    }
}
