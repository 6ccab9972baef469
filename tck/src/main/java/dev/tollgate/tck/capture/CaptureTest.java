package dev.tollgate.tck.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.Exchange;
import dev.tollgate.api.LlmCallRecord;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.Message;
import dev.tollgate.api.Target;
import dev.tollgate.tck.RecordCollector;
import dev.tollgate.tck.TckConfig;
import dev.tollgate.tck.TckDeployments;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
public class CaptureTest {

    @Deployment
    public static WebArchive deployment() {
        return TckDeployments.war("capture", TckConfig.standard(),
                CaptureTest.class, AdviceService.class, InnerService.class, ClassLevelService.class);
    }

    @Inject
    AdviceService advice;

    @Inject
    ClassLevelService classLevel;

    @Inject
    RecordCollector records;

    @Test
    public void oneRequest_firesOneRecordWithItsExchangeUsageAndCost() {
        records.clear();

        String answer = advice.ask("What should I do?");

        assertEquals("Hello from the stub.", answer);
        LlmCallRecord record = records.single();
        assertEquals("AdviceService.ask", record.callName());
        assertEquals("ask", record.method().orElseThrow().getName());
        assertEquals(LlmCallRecord.Outcome.SUCCESS, record.outcome());
        assertTrue(record.parentId().isEmpty());
        Exchange exchange = record.exchanges().get(0);
        assertEquals(new Target("openai", "tck-plain"), exchange.target());
        assertEquals("tck-plain-2025-01-01", exchange.responseModel().orElseThrow());
        assertEquals(List.of(Message.user("What should I do?")), exchange.requestMessages());
        assertEquals("Hello from the stub.", exchange.responseText().orElseThrow());
        assertEquals("req_tck_plain", exchange.requestId().orElseThrow());
        assertEquals(20, exchange.usage().inputTokens());
        assertEquals(10, exchange.usage().outputTokens());
        assertEquals(0, new BigDecimal("0.00015").compareTo(exchange.cost().total()), exchange.cost().toString());
        assertEquals("USD", record.cost().currency());
        assertEquals(0, new BigDecimal("0.00015").compareTo(record.cost().total()));
        assertEquals(30, record.usage().totalTokens());
    }

    @Test
    public void severalRequests_areExchangesOfOneRecordWithTotals() {
        records.clear();

        advice.askTwice("Twice?");

        LlmCallRecord record = records.single();
        assertEquals("advice.twice", record.callName());
        assertEquals(2, record.exchanges().size());
        assertEquals("tck-plain", record.exchanges().get(0).target().model());
        assertEquals("tck-cached", record.exchanges().get(1).target().model());
        assertEquals(20 + 2000, record.usage().inputTokens());
        assertEquals(1500, record.usage().cachedInputTokens());
        assertEquals(10 + 300, record.usage().outputTokens());
        assertEquals(200, record.usage().reasoningTokens());
        BigDecimal sum = record.exchanges().get(0).cost().total().add(record.exchanges().get(1).cost().total());
        assertEquals(0, sum.compareTo(record.cost().total()));
        assertTrue(record.cost().isKnown());
    }

    @Test
    public void methodThatThrowsAfterARequest_firesAFailureRecordThatKeepsTheExchange() {
        records.clear();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> advice.askThenFail("x"));

        LlmCallRecord record = records.single();
        assertEquals(LlmCallRecord.Outcome.FAILURE, record.outcome());
        assertEquals(thrown, record.failure().orElseThrow());
        assertTrue(record.failureCategory().isEmpty());
        assertEquals(1, record.exchanges().size());
        assertTrue(record.exchanges().get(0).succeeded());
    }

    @Test
    public void providerError_isTheFailureOfTheRecordAndOfItsExchange() {
        records.clear();

        LlmException thrown = assertThrows(LlmException.class, () -> advice.askModel("tck-rate-limited"));

        assertEquals(ErrorCategory.RATE_LIMITED, thrown.category());
        LlmCallRecord record = records.single();
        assertEquals(ErrorCategory.RATE_LIMITED, record.failureCategory().orElseThrow());
        Exchange exchange = record.exchanges().get(0);
        assertFalse(exchange.succeeded());
        assertEquals(thrown, exchange.error().orElseThrow());
        assertEquals(dev.tollgate.api.Usage.zero(), exchange.usage(), "a refused request uses no tokens");
        assertEquals(0, exchange.cost().total().signum());
        assertTrue(exchange.cost().isKnown());
        assertEquals("req_tck_429", exchange.requestId().orElseThrow());
    }

    @Test
    public void nestedCalls_fireTwoRecordsLinkedByParentIdWithoutCountingAnExchangeTwice() {
        records.clear();

        advice.askWithNested("Nested?");

        List<LlmCallRecord> all = records.records();
        assertEquals(2, all.size(), all.toString());
        LlmCallRecord inner = all.get(0);
        LlmCallRecord outer = all.get(1);
        assertEquals("inner.summarize", inner.callName());
        assertEquals("advice.outer", outer.callName());
        assertEquals(outer.id(), inner.parentId().orElseThrow());
        assertEquals(1, inner.exchanges().size());
        assertEquals("sim", inner.exchanges().get(0).target().provider());
        assertEquals(1, outer.exchanges().size());
        assertEquals("openai", outer.exchanges().get(0).target().provider());
    }

    @Test
    public void requestOutsideAnyLlmCall_firesAStandaloneRecord() {
        records.clear();

        advice.askUncaptured("Uncaptured?");

        LlmCallRecord record = records.single();
        assertEquals(LlmCallRecord.STANDALONE, record.callName());
        assertTrue(record.method().isEmpty());
        assertEquals(1, record.exchanges().size());
        assertEquals(30, record.usage().totalTokens());
    }

    @Test
    public void asynchronousObservers_receiveEveryRecord() {
        records.clear();

        advice.ask("Async observers?");

        List<LlmCallRecord> async = records.awaitAsync(1);
        assertEquals(records.single().id(), async.get(0).id());
    }

    @Test
    public void classLevelAnnotation_capturesEachMethod_andAMethodAnnotationOverridesIt() {
        records.clear();

        classLevel.first("a");
        classLevel.second("b");

        List<LlmCallRecord> all = records.records();
        assertEquals(2, all.size());
        assertEquals("ClassLevelService.first", all.get(0).callName());
        assertEquals("sim", all.get(0).exchanges().get(0).target().provider());
        assertEquals("classLevel.named", all.get(1).callName());
        assertEquals("openai", all.get(1).exchanges().get(0).target().provider());
    }

    @Test
    public void asyncRequestInsideACall_isAnExchangeOfThatCall() throws Exception {
        records.clear();

        String answer = advice.askAsync("Async request?").toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals("Hello from the stub.", answer);
        LlmCallRecord record = records.single();
        assertEquals("advice.async", record.callName());
        assertEquals(1, record.exchanges().size());
    }

    @Test
    public void methodReturningAStage_isRecordedWhenTheStageCompletes() throws Exception {
        records.clear();
        CompletableFuture<Void> gate = new CompletableFuture<>();

        CompletableFuture<String> answer = advice.askLater(gate, "Later?");

        assertTrue(records.records().isEmpty(), "recorded before the stage completed");
        gate.complete(null);
        assertEquals("Simulated answer to: Later?", answer.get(10, TimeUnit.SECONDS));
        LlmCallRecord record = records.single();
        assertEquals("advice.later", record.callName());
        assertEquals(1, record.exchanges().size());
        assertInstanceOf(CompletableFuture.class, answer);
    }
}
