package dev.tollgate.impl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.api.ChatClient;
import dev.tollgate.api.ChatRequest;
import dev.tollgate.api.ErrorCategory;
import dev.tollgate.api.LedgerSnapshot;
import dev.tollgate.api.LlmException;
import dev.tollgate.api.UsageTotals;
import dev.tollgate.impl.TestConfig;
import dev.tollgate.impl.Tollgate;
import dev.tollgate.impl.capture.CallPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LedgerConcurrencyTest {
    private static final int CALLS = 10_000;
    private static final int THREADS = 32;

    /** The methods a container would intercept; only their metadata is used. */
    @SuppressWarnings("unused")
    static final class Service {
        String summarize() {
            return "";
        }

        String classify() {
            return "";
        }
    }

    @Test
    void tenThousandConcurrentCapturedCalls_loseNoRequestTokenOrFractionOfCost() throws Exception {
        // each answered request: 100 input tokens x 1.1 + 20 output tokens x 2.3 per million = 0.000156 USD
        Tollgate tollgate = Tollgate.builder(TestConfig.properties()
                .set("tollgate.provider", "sim")
                .set("tollgate.providers.sim.type", "simulated")
                .set("tollgate.providers.sim.input-tokens", "100")
                .set("tollgate.providers.sim.output-tokens", "20")
                .set("tollgate.providers.sim.cached-input-tokens", "30")
                .set("tollgate.providers.broken.type", "simulated")
                .set("tollgate.providers.broken.failure-rate", "1")
                .set("tollgate.providers.broken.failure-category", "overloaded")
                .set("tollgate.pricing.sim.simulated-1.input", "1.1")
                .set("tollgate.pricing.sim.simulated-1.cached-input", "1.1")
                .set("tollgate.pricing.sim.simulated-1.output", "2.3")
                .build()).build();
        ChatClient llm = tollgate.chatClient();
        CallPoint summarize = tollgate.callPoint("summarize", Service.class.getDeclaredMethod("summarize"), "", "");
        CallPoint classify = tollgate.callPoint("classify", Service.class.getDeclaredMethod("classify"), "", "");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicLong thrown = new AtomicLong();
        List<Future<?>> done = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                start.await();
                try {
                    return tollgate.capture().invoke(n % 2 == 0 ? summarize : classify, () -> n % 10 == 9
                            ? llm.chat(ChatRequest.builder().user("x").provider("broken").build())
                            : llm.chat("request " + n));
                } catch (LlmException e) {
                    thrown.incrementAndGet();
                    return null;
                }
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        LedgerSnapshot snapshot = tollgate.ledger().snapshot();
        UsageTotals total = snapshot.total();
        long answered = CALLS - CALLS / 10;
        assertThat(thrown.get()).isEqualTo(CALLS / 10);
        assertThat(total.requests()).isEqualTo(CALLS);
        assertThat(total.errors(ErrorCategory.OVERLOADED)).isEqualTo(CALLS / 10);
        assertThat(total.inputTokens()).isEqualTo(answered * 100);
        assertThat(total.cachedInputTokens()).isEqualTo(answered * 30);
        assertThat(total.outputTokens()).isEqualTo(answered * 20);
        assertThat(total.cost("USD")).isEqualByComparingTo(new BigDecimal("0.000156").multiply(BigDecimal.valueOf(answered)));
        assertThat(snapshot.call("summarize").requests()).isEqualTo(CALLS / 2);
        assertThat(snapshot.call("classify").requests()).isEqualTo(CALLS / 2);
        assertThat(snapshot.provider("broken").requests()).isEqualTo(CALLS / 10);
    }
}
