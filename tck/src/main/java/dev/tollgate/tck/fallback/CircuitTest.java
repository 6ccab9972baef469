package dev.tollgate.tck.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.CircuitState;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.ProviderHealth;
import dev.tollgate.tck.Await;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A provider's circuit opens after its failures, is skipped while open, and half-opens after the delay. */
@ExtendWith(ArquillianExtension.class)
public class CircuitTest {

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.standard()
                .set("tollgate.providers.flaky.type", "simulated")
                .set("tollgate.providers.flaky.failure-rate", "1")
                .set("tollgate.providers.flaky.failure-category", "SERVER_ERROR")
                .set("tollgate.providers.flaky.circuit.failure-threshold", "2")
                .set("tollgate.providers.flaky.circuit.delay", "PT1S");
        for (String failing : new String[] {"denied", "small", "busy"}) {
            config.set("tollgate.providers." + failing + ".type", "simulated");
        }
        config.set("tollgate.providers.slow.type", "simulated").set("tollgate.providers.patient.type", "simulated");
        return TckDeployments.war("circuit", config, CircuitTest.class, FallbackService.class);
    }

    @Inject
    FallbackService service;

    @Inject
    ProviderHealth health;

    @Inject
    RecordCollector records;

    private List<String> lastProviders() {
        List<dev.tollgate.api.LlmCallRecord> all = records.records();
        return all.get(all.size() - 1).exchanges().stream().map(e -> e.target().provider()).toList();
    }

    @Test
    public void circuitOpensAfterTheThreshold_isSkippedWhileOpen_andHalfOpensAfterTheDelay() {
        records.clear();

        service.flakyThenSimulated("1");
        service.flakyThenSimulated("2");
        assertEquals(List.of("flaky", "sim"), lastProviders());
        assertEquals(CircuitState.OPEN, health.status("flaky").orElseThrow().circuitState());
        assertEquals(2, health.status("flaky").orElseThrow().failures(ErrorCategory.SERVER_ERROR));

        service.flakyThenSimulated("3");
        assertEquals(List.of("sim"), lastProviders(), "an open provider is skipped without a request");

        Await.until(() -> health.status("flaky").orElseThrow().circuitState() == CircuitState.HALF_OPEN,
                Duration.ofSeconds(5), () -> "still " + health.status("flaky"));
        service.flakyThenSimulated("4");
        assertEquals(List.of("flaky", "sim"), lastProviders(), "a half-open provider gets a trial");
        assertEquals(CircuitState.OPEN, health.status("flaky").orElseThrow().circuitState());
        assertTrue(health.status("sim").orElseThrow().successes() >= 4);
    }
}
