package dev.tollgate.tck.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fallback chains over the HTTP stub and simulated providers, alone and around MicroProfile Fault
 * Tolerance's {@code @Retry}: one record holds every attempt.
 */
@ExtendWith(ArquillianExtension.class)
public class FallbackTest {

    @Deployment
    public static WebArchive deployment() {
        TckConfig config = TckConfig.standard()
                .set("tollgate.providers.slow.type", "openai")
                .set("tollgate.providers.slow.base-url", dev.tollgate.tck.TckStub.baseUrl() + "/v1")
                .set("tollgate.providers.slow.model", "tck-slow")
                .set("tollgate.providers.slow.timeout", "PT1S")
                .set("tollgate.providers.patient.type", "openai")
                .set("tollgate.providers.patient.base-url", dev.tollgate.tck.TckStub.baseUrl() + "/v1")
                .set("tollgate.providers.patient.timeout", "PT10S");
        for (String[] failing : new String[][] {{"denied", "AUTHENTICATION"}, {"small", "CONTEXT_LENGTH_EXCEEDED"},
                {"busy", "OVERLOADED"}, {"flaky", "SERVER_ERROR"}}) {
            config.set("tollgate.providers." + failing[0] + ".type", "simulated")
                    .set("tollgate.providers." + failing[0] + ".failure-rate", "1")
                    .set("tollgate.providers." + failing[0] + ".failure-category", failing[1]);
        }
        config.set("tollgate.call.\"fallback.configured\".fallback", "sim")
                .set("tollgate.retry-after.max-wait", "PT2S")
                .set("tollgate.pricing.openai.tck-retry-after.input", "1")
                .set("tollgate.pricing.openai.tck-retry-after.output", "1");
        return TckDeployments.war("fallback", config, FallbackTest.class, FallbackService.class);
    }

    @Inject
    FallbackService service;

    @Inject
    RecordCollector records;

    private static List<String> providers(LlmCallRecord record) {
        return record.exchanges().stream().map(e -> e.target().provider()).toList();
    }

    private static List<ErrorCategory> errors(LlmCallRecord record) {
        return record.exchanges().stream().map(e -> e.error().map(LlmException::category).orElse(null)).toList();
    }

    @Test
    public void primaryTimingOut_isAnsweredByTheNextTarget() {
        records.clear();

        String answer = service.slowThenSimulated("Hi");

        assertTrue(answer.startsWith("Simulated answer"), answer);
        LlmCallRecord record = records.single();
        assertEquals(LlmCallRecord.Outcome.SUCCESS, record.outcome());
        assertEquals(List.of("slow", "sim"), providers(record));
        assertEquals(ErrorCategory.TIMEOUT, errors(record).get(0));
        assertTrue(record.exchanges().get(1).succeeded());
    }

    @Test
    public void permanentError_doesNotFallBack() {
        records.clear();

        LlmException e = assertThrows(LlmException.class, () -> service.deniedThenSimulated("Hi"));

        assertEquals(ErrorCategory.AUTHENTICATION, e.category());
        assertEquals(List.of("denied"), providers(records.single()));
    }

    @Test
    public void contextTooSmall_goesToTheContextFallback() {
        records.clear();

        assertTrue(service.tooSmallThenLarger("Hi").startsWith("Simulated answer"));
        assertEquals(List.of("small", "sim"), providers(records.single()));
    }

    @Test
    public void failingStage_fallsBackAndIsRecordedOnce() throws Exception {
        records.clear();

        String answer = service.busyThenSimulatedLater("Hi").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertTrue(answer.startsWith("Simulated answer"), answer);
        assertEquals(List.of("busy", "sim"), providers(records.single()));
    }

    @Test
    public void streamRefusedBeforeItsFirstChunk_fallsBackAndIsRecordedWhenItEnds() {
        records.clear();

        StringBuilder text = new StringBuilder();
        try (dev.tollgate.api.ChatStream stream = service.streamBusyThenSimulated("Hi")) {
            stream.forEach(c -> text.append(c.text()));
        }

        assertTrue(text.toString().startsWith("Simulated answer"), text.toString());
        assertEquals(List.of("busy", "sim"), providers(records.single()));
    }

    @Test
    public void configuredChain_replacesTheAnnotations() {
        records.clear();

        assertTrue(service.configuredChain("Hi").startsWith("Simulated answer"));
        assertEquals(List.of("busy", "sim"), providers(records.single()));
    }

    @Test
    public void faultToleranceTimeout_movesOnToTheNextTarget() {
        records.clear();

        assertTrue(service.cutByFaultToleranceThenSimulated("Hi").startsWith("Simulated answer"));
        assertEquals(List.of("patient", "sim"), providers(records.single()));
    }

    @Test
    public void faultToleranceFallbackHandler_answersInsideTheAttempt() {
        records.clear();

        assertEquals("canned answer", service.handledInsideTheAttempt("Hi"));
        LlmCallRecord record = records.single();
        assertEquals(List.of("busy"), providers(record), "the handler answered, so the chain did not move on");
        assertEquals(LlmCallRecord.Outcome.SUCCESS, record.outcome());
    }

    @Test
    public void threeRateLimitsWithRetryAfter_thenSuccess_areOneRecordOfFourAttemptsThatWaited() {
        records.clear();

        assertEquals("Hello from the stub.", service.retriedAfterRateLimits("Hi"));

        LlmCallRecord record = records.single();
        assertEquals(LlmCallRecord.Outcome.SUCCESS, record.outcome());
        assertEquals(java.util.Arrays.asList(ErrorCategory.RATE_LIMITED, ErrorCategory.RATE_LIMITED,
                ErrorCategory.RATE_LIMITED, null), errors(record));
        List<Exchange> exchanges = record.exchanges();
        for (int i = 1; i < exchanges.size(); i++) {
            Duration gap = Duration.between(exchanges.get(i - 1).startedAt(), exchanges.get(i).startedAt());
            assertTrue(gap.compareTo(Duration.ofMillis(900)) >= 0, "attempt " + i + " waited only " + gap);
        }
        assertTrue(record.usage().isKnown(), "refused attempts used no tokens: " + record.usage());
        assertTrue(record.cost().isKnown());
    }

    @Test
    public void retryAfterLongerThanTheBound_movesOnWithoutWaitingOrSending() {
        records.clear();

        assertTrue(service.retriedThenFallenBack("Hi").startsWith("Simulated answer"));

        LlmCallRecord record = records.single();
        assertEquals(List.of("openai", "openai", "openai", "sim"), providers(record));
        assertEquals("req_tck_429", record.exchanges().get(0).requestId().orElse(null));
        assertFalse(record.exchanges().get(1).requestId().isPresent(), "the retry was not sent");
        assertTrue(Duration.between(record.exchanges().get(1).startedAt(), record.exchanges().get(3).startedAt())
                .compareTo(Duration.ofSeconds(2)) < 0, () -> "no wait for a 60 s Retry-After: " + record.exchanges());
    }
}
