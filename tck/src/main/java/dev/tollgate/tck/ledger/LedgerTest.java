package dev.tollgate.tck.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LedgerSnapshot;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Target;
import dev.tollgate.api.UsageKey;
import dev.tollgate.api.UsageLedger;
import dev.tollgate.api.UsageTotals;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class LedgerTest {
    private static final int CONCURRENT_CALLS = 10_000;
    private static final int THREADS = 16;

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("ledger", TckConfig.standard(), LedgerTest.class, MeteredService.class);
    }

    @Inject
    MeteredService service;

    @Inject
    UsageLedger ledger;

    @Test
    public void ledger_totalsRequestsTokensErrorsAndCostByCallProviderAndModel() {
        ledger.reset();

        service.ask("one");
        service.ask("two");
        LlmException refused = assertThrows(LlmException.class, service::askRateLimited);
        service.askSimulated("three");
        service.askUncaptured("four");

        LedgerSnapshot snapshot = ledger.snapshot();
        assertEquals(ErrorCategory.RATE_LIMITED, refused.category());
        assertEquals(Set.of(new UsageKey("ledger.ask", "openai", "tck-plain"),
                new UsageKey("ledger.limited", "openai", "tck-rate-limited"),
                new UsageKey("ledger.simulated", "sim", "sim-model"),
                new UsageKey(LlmCallRecord.STANDALONE, "openai", "tck-plain")), snapshot.entries().keySet());

        UsageTotals ask = snapshot.call("ledger.ask");
        assertEquals(2, ask.requests());
        assertEquals(40, ask.inputTokens());
        assertEquals(20, ask.outputTokens());
        assertEquals(0, new BigDecimal("0.0003").compareTo(ask.cost("USD")), ask.cost().toString());

        UsageTotals limited = snapshot.call("ledger.limited");
        assertEquals(1, limited.requests());
        assertEquals(Map.of(ErrorCategory.RATE_LIMITED, 1L), limited.errors());
        assertEquals(0, limited.totalTokens());

        UsageTotals openai = snapshot.provider("openai");
        assertEquals(4, openai.requests());
        assertEquals(1, openai.failedRequests());
        assertEquals(60, openai.inputTokens());
        UsageTotals sim = snapshot.byModel().get(new Target("sim", "sim-model"));
        assertEquals(1, sim.requests());
        assertEquals(100, sim.inputTokens());
        assertEquals(50, sim.outputTokens());
        assertEquals(0, new BigDecimal("0.0002").compareTo(sim.cost("USD")));

        UsageTotals total = snapshot.total();
        assertEquals(5, total.requests());
        assertEquals(0, total.unknownCost());
        assertEquals(0, total.unknownUsage());
        assertEquals(0, new BigDecimal("0.00065").compareTo(total.cost("USD")), total.cost().toString());
    }

    @Test
    public void tenThousandConcurrentCalls_loseNoRequestTokenOrFractionOfCost() throws Exception {
        ledger.reset();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>(CONCURRENT_CALLS);
        try {
            for (int i = 0; i < CONCURRENT_CALLS; i++) {
                String question = "q" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return service.askSimulated(question);
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdown();
        }

        UsageTotals sim = ledger.snapshot().call("ledger.simulated");
        assertEquals(CONCURRENT_CALLS, sim.requests());
        assertEquals(100L * CONCURRENT_CALLS, sim.inputTokens());
        assertEquals(50L * CONCURRENT_CALLS, sim.outputTokens());
        assertEquals(0, new BigDecimal("2.0000").compareTo(sim.cost("USD")), sim.cost().toString());
        assertEquals(CONCURRENT_CALLS, ledger.snapshot().total().requests());
    }
}
